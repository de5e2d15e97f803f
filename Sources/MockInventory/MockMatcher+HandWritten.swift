extension MockMatcher {
    /// Words that mark a hand-written test double by name.
    static let doubleWords: Set<String> = ["mock", "fake", "stub", "spy", "dummy"]

    /// Idioms the rule catalog cannot spell: `new(mocks.X)`, `mocks.NewX(t)`, `new FakeX(`, `class FakeX`,
    /// a bare `MagicMock()` bound to a dependency name, Kotlin `val x: T = mockk()`.
    func handWritten(name: String, at index: Int, identifier: Range<Int>, in source: SourceText) -> Match? {
        let masked = source.masked
        let after = source.skipWhitespace(from: identifier.upperBound)
        let previous = index > 0 ? masked[index - 1] : UInt8(ascii: " ")
        switch source.language {
        case .go:
            // type repositoryMock struct / type fakeMailer struct: a hand-written double.
            if name == "type", previous != UInt8(ascii: ".") {
                let typeName = source.identifier(at: after)
                guard !typeName.isEmpty else { return nil }
                let text = String(decoding: masked[typeName], as: UTF8.self)
                let kind = source.identifier(at: source.skipWhitespace(from: typeName.upperBound))
                guard String(decoding: masked[kind], as: UTF8.self) == "struct" else { return nil }
                let words = TargetClassifier.camelWords(text)
                guard words.count > 1, words.contains(where: { Self.doubleWords.contains($0) }),
                    !text.hasSuffix("Recorder")
                else { return nil }
                return Match(
                    offset: index, framework: "hand-written fake", target: text, boundary: nil, end: typeName.upperBound)
            }
            // new(mocks.UserRepository) and mocks.NewUserRepository(t): mockery.
            if name == "new", after < masked.count, masked[after] == UInt8(ascii: "("), previous != UInt8(ascii: ".") {
                let package = source.identifier(at: source.skipWhitespace(from: after + 1))
                guard package.upperBound < masked.count, masked[package.upperBound] == UInt8(ascii: "."),
                    String(decoding: masked[package], as: UTF8.self).lowercased().contains("mock")
                else { return nil }
                let type = source.identifier(at: package.upperBound + 1)
                guard !type.isEmpty else { return nil }
                return Match(
                    offset: index, framework: "mockery", target: String(decoding: masked[type], as: UTF8.self),
                    boundary: nil, end: type.upperBound)
            }
            if name == "mocks", identifier.upperBound < masked.count, masked[identifier.upperBound] == UInt8(ascii: "."),
                previous != UInt8(ascii: ".")
            {
                let function = source.identifier(at: identifier.upperBound + 1)
                let text = String(decoding: masked[function], as: UTF8.self)
                guard text.hasPrefix("New"), text.count > 3, !text.hasPrefix("NewMock"),
                    function.upperBound < masked.count, masked[function.upperBound] == UInt8(ascii: "(")
                else { return nil }
                return Match(
                    offset: index, framework: "mockery", target: String(text.dropFirst(3)), boundary: nil,
                    end: function.upperBound + 1)
            }
        case .javascript:
            if name == "new", let type = doubleType(after: after, in: source) {
                return Match(offset: index, framework: "hand-written fake", target: type, boundary: nil, end: after)
            }
            if name == "class", previous != UInt8(ascii: "."), let type = doubleType(after: after, in: source) {
                return Match(offset: index, framework: "hand-written fake", target: type, boundary: nil, end: after)
            }
        case .python, .ruby, .java, .kotlin:
            if name == "class", previous != UInt8(ascii: "."), let type = doubleType(after: after, in: source) {
                var boundary: Boundary?
                if source.language == .ruby, lineText(from: after, in: source).contains("Sinatra::Base") {
                    boundary = .api
                }
                return Match(offset: index, framework: "hand-written fake", target: type, boundary: boundary, end: after)
            }
            if source.language == .python, name == "MagicMock" || name == "Mock" || name == "AsyncMock",
                previous != UInt8(ascii: ".") || pythonMockModulePrefix(before: index, in: source),
                after < masked.count, masked[after] == UInt8(ascii: "("),
                let variable = assignedName(before: index, in: source)
            {
                let closing = source.skipWhitespace(from: after + 1)
                guard closing < masked.count, masked[closing] == UInt8(ascii: ")") else { return nil }
                return Match(offset: index, framework: "unittest.mock", target: variable, boundary: nil, end: after + 1)
            }
            if source.language == .kotlin, name == "mockk" || name == "mock" || name == "spyk",
                previous != UInt8(ascii: "."), after < masked.count, masked[after] == UInt8(ascii: "("),
                let type = kotlinDeclaredType(before: index, in: source)
            {
                return Match(
                    offset: index, framework: name == "mock" ? "Mockito" : "MockK", target: type, boundary: nil,
                    end: after + 1)
            }
        case .swift:
            return nil
        }
        return nil
    }

    /// `FakeMailer`, `MockGitHub`, `StubClock`, `InMemoryUserStore` at `index`: the doubled name without the word.
    private func doubleType(after index: Int, in source: SourceText) -> String? {
        let range = source.identifier(at: index)
        guard !range.isEmpty else { return nil }
        let name = String(decoding: source.masked[range], as: UTF8.self)
        guard let first = name.first, first.isUppercase else { return nil }
        let words = TargetClassifier.camelWords(name)
        guard let head = words.first, Self.doubleWords.contains(head) || name.hasPrefix("InMemory"), words.count > 1
        else { return nil }
        return name
    }

    private func lineText(from index: Int, in source: SourceText) -> String {
        var end = index
        while end < source.masked.count, source.masked[end] != UInt8(ascii: "\n") { end += 1 }
        return String(decoding: source.masked[index..<end], as: UTF8.self)
    }

    /// `mock.MagicMock(` and `unittest.mock.MagicMock(`.
    private func pythonMockModulePrefix(before index: Int, in source: SourceText) -> Bool {
        let start = max(0, index - 5)
        return String(decoding: source.masked[start..<index], as: UTF8.self) == "mock."
    }

    /// `engine_mock = MagicMock()` ⇒ `engine`; `self.client = Mock()` ⇒ `client`; nil when not assigned.
    private func assignedName(before index: Int, in source: SourceText) -> String? {
        let masked = source.masked
        var cursor = index - 1
        while cursor >= 0, masked[cursor] != UInt8(ascii: "\n") { cursor -= 1 }
        let line = String(decoding: masked[(cursor + 1)..<index], as: UTF8.self)
        guard let equals = line.lastIndex(of: "="), line[line.index(after: equals)...].allSatisfy({ $0 == " " || $0 == "." || $0.isLetter }) else {
            return nil
        }
        let left = line[..<equals].trimmingSpaces()
        guard let lastPart = left.split(separator: ".").last else { return nil }
        let variable = lastPart.split(separator: ":").first.map { String($0).trimmingSpaces() } ?? ""
        var words = TargetClassifier.camelWords(variable)
        words.removeAll { $0 == "mock" || $0 == "mocked" || $0 == "fake" || $0 == "stub" }
        return words.isEmpty ? nil : words.joined(separator: "_")
    }

    /// Kotlin `val repo: UserRepository = mockk()` ⇒ `UserRepository`.
    private func kotlinDeclaredType(before index: Int, in source: SourceText) -> String? {
        let masked = source.masked
        var cursor = index - 1
        while cursor >= 0, masked[cursor] != UInt8(ascii: "\n") { cursor -= 1 }
        let line = String(decoding: masked[(cursor + 1)..<index], as: UTF8.self)
        guard let equals = line.lastIndex(of: "="), let colon = line[..<equals].lastIndex(of: ":") else { return nil }
        let type = line[line.index(after: colon)..<equals].trimmingSpaces()
        let name = String(type.prefix { $0 != "<" && $0 != "?" })
        return name.isEmpty || !(name.first?.isUppercase ?? false) ? nil : name
    }
}
