/// Applies the rule catalog (and the hand-written matchers) to one masked test file.
struct MockMatcher {
    /// A match before boundary classification.
    struct Match: Equatable {
        /// Byte offset of the match, for the line number.
        var offset: Int
        /// Framework name.
        var framework: String
        /// The mocked target as written.
        var target: String
        /// The rule's fixed boundary, if any.
        var boundary: Boundary?
        /// Offset just past the trigger (after the `(` of a call), where claims are read from.
        var end: Int = 0
    }

    private let rulesByKey: [String: [MockRule]]
    private let keyFirstBytes: [Bool]
    private let language: SourceLanguage

    /// Prepares the rules for `language` (longest trigger first per key).
    init(language: SourceLanguage) {
        self.language = language
        var byKey: [String: [MockRule]] = [:]
        for rule in MockRule.catalog where rule.languages.contains(language) {
            byKey[rule.key, default: []].append(rule)
        }
        for key in byKey.keys { byKey[key]?.sort { $0.trigger.count > $1.trigger.count } }
        var firstBytes = [Bool](repeating: false, count: 256)
        for key in byKey.keys { if let first = key.utf8.first { firstBytes[Int(first)] = true } }
        switch language {
        case .go: for letter in "Nnmt".utf8 { firstBytes[Int(letter)] = true }
        case .swift: for letter in "csae".utf8 { firstBytes[Int(letter)] = true }
        case .javascript: for letter in "nc".utf8 { firstBytes[Int(letter)] = true }
        case .python: for letter in "MAc".utf8 { firstBytes[Int(letter)] = true }
        case .ruby: firstBytes[Int(UInt8(ascii: "c"))] = true
        case .kotlin: for letter in "mcs".utf8 { firstBytes[Int(letter)] = true }
        case .java: firstBytes[Int(UInt8(ascii: "c"))] = true
        }
        self.rulesByKey = byKey
        self.keyFirstBytes = firstBytes
    }

    /// Every mock in `source`, in offset order.
    func matches(in source: SourceText) -> [Match] {
        matches(in: source, shouldStop: { false }).matches
    }

    /// The mocks in `source`, in offset order; `shouldStop` is asked every 1 024 identifiers and ends the file early
    /// (`interrupted`) when it says so, so one huge file cannot outlast the scan's time budget.
    func matches(in source: SourceText, shouldStop: () -> Bool) -> (matches: [Match], interrupted: Bool) {
        let masked = source.masked
        var results: [Match] = []
        var claimed = Set<Int>()
        // Per-file facts, computed once per file (not once per match: that made a file of many calls quadratic).
        var requiredTextPresent: [[[UInt8]]: Bool] = [:]
        var index = 0
        var identifiers = 0
        let count = masked.count
        while index < count {
            let byte = masked[index]
            guard byte.isIdentifierByte else {
                index += 1
                continue
            }
            identifiers += 1
            if identifiers & 0x3FF == 0, shouldStop() { return (results, true) }
            let identifier = source.identifier(at: index)
            defer { index = identifier.upperBound }
            guard keyFirstBytes[Int(byte)] else { continue }
            let name = String(decoding: masked[identifier], as: UTF8.self)
            if let rules = rulesByKey[name] {
                for rule in rules {
                    let start = index - rule.keyOffset
                    guard start >= 0, let end = triggerEnd(rule, at: start, in: source) else { continue }
                    guard !claimed.contains(end) else { break }
                    if let requiredText = rule.requiredText {
                        // Once per file, not once per match: a rule's required text is a fact of the whole file.
                        let present =
                            requiredTextPresent[requiredText]
                            ?? requiredText.contains(where: { contains(source.bytes, $0) })
                        requiredTextPresent[requiredText] = present
                        if !present { continue }
                    }
                    guard let target = extract(rule.extraction, triggerEnd: end, in: source) else { continue }
                    claimed.insert(end)
                    results.append(
                        Match(
                            offset: start, framework: rule.framework, target: target, boundary: rule.boundary,
                            end: end))
                    break
                }
            }
            if language == .go, name.hasPrefix("NewMock"), name.count > 7,
                identifier.upperBound < count, masked[identifier.upperBound] == UInt8(ascii: "(")
            {
                results.append(
                    Match(
                        offset: index, framework: "gomock", target: String(name.dropFirst(7)), boundary: nil,
                        end: identifier.upperBound + 1))
            }
            if let match = handWritten(name: name, at: index, identifier: identifier, in: source) {
                results.append(match)
            }
            if language == .swift, name == "class" || name == "struct" || name == "actor" || name == "enum",
                index == 0 || masked[index - 1] != UInt8(ascii: "."),
                let match = swiftFake(declarationAt: index, keywordEnd: identifier.upperBound, in: source)
            {
                results.append(match)
            }
        }
        return (results, false)
    }

    /// The offset just past `rule`'s trigger at `start`, or nil; whitespace and newlines may surround a `.`
    /// (`sinon` ⏎ `.stub(`), so chains split across lines still match.
    private func triggerEnd(_ rule: MockRule, at start: Int, in source: SourceText) -> Int? {
        let masked = source.masked
        let trigger = rule.trigger
        var position = start
        for (offset, expected) in trigger.enumerated() {
            if expected == UInt8(ascii: "."), offset > 0 { position = source.skipWhitespace(from: position) }
            guard position < masked.count, masked[position] == expected else { return nil }
            position += 1
            if expected == UInt8(ascii: "."), offset + 1 < trigger.count {
                position = source.skipWhitespace(from: position)
            }
        }
        if start > 0 {
            let previous = masked[start - 1]
            if previous.isIdentifierByte { return nil }
            if previous == UInt8(ascii: "."), !rule.allowsMemberAccess { return nil }
        }
        if rule.needsRightBoundary, position < masked.count, masked[position].isIdentifierByte { return nil }
        return position
    }

    private func extract(_ extraction: MockRule.Extraction, triggerEnd: Int, in source: SourceText) -> String? {
        let openParen = triggerEnd - 1
        switch extraction {
        case .firstArgument:
            guard let first = source.arguments(openParen: openParen).first else { return nil }
            let value = source.value(first)
            // RSpec `double(path: path)`: an anonymous double with stubbed values, not a mocked name.
            if language == .ruby, source.stringLiteral(first) == nil, value.contains(": ") || value.contains("=>") {
                return nil
            }
            return nonEmpty(value)
        case .objectAndMember:
            let arguments = source.arguments(openParen: openParen)
            guard let first = arguments.first else { return nil }
            if let literal = source.stringLiteral(first) { return nonEmpty(literal) }
            if arguments.count > 1, let member = source.stringLiteral(arguments[1]) {
                return "\(source.text(first)).\(member)"
            }
            return nonEmpty(source.text(first))
        case .firstString:
            let arguments = source.arguments(openParen: openParen)
            guard let first = arguments.first, let last = arguments.last else { return nil }
            return source.firstString(in: openParen..<last.upperBound) ?? nonEmpty(source.text(first))
        case .typeArgument:
            return source.arguments(openParen: openParen).first.map { typeName(source.value($0)) }.flatMap(nonEmpty)
        case .genericArgument:
            return genericArgument(after: openParen, in: source)
        case .annotatedDeclaration:
            return annotatedType(after: triggerEnd, in: source)
        case .keyword(let name):
            for argument in source.arguments(openParen: openParen) {
                let text = source.text(argument)
                guard text.hasPrefix(name) else { continue }
                let rest = text.dropFirst(name.count).drop { $0 == " " }
                if rest.hasPrefix("="), !rest.hasPrefix("==") {
                    return nonEmpty(typeName(String(rest.dropFirst()).trimmingSpaces()))
                }
            }
            return nil
        case .receiver:
            return rspecReceiver(openParen: openParen, in: source)
        case .enclosingStruct:
            return enclosingGoStruct(before: triggerEnd, in: source)
        case .fixed(let target):
            return target
        case .keywordString(let name, let fallback):
            for argument in source.arguments(openParen: openParen) {
                let text = source.text(argument)
                guard text.hasPrefix(name) else { continue }
                let rest = text.dropFirst(name.count).drop { $0 == " " }
                guard rest.hasPrefix("="), !rest.hasPrefix("==") else { continue }
                return source.firstString(in: argument) ?? nonEmpty(String(rest.dropFirst()).trimmingSpaces())
            }
            return fallback
        case .stringArgument(let position):
            let arguments = source.arguments(openParen: openParen)
            guard position < arguments.count else { return nil }
            return source.stringLiteral(arguments[position]) ?? nonEmpty(source.text(arguments[position]))
        case .inlineHandlerServer:
            guard let handler = source.arguments(openParen: openParen).first else { return nil }
            let text = source.text(handler)
            let inline = text.hasPrefix("func") || text.contains("HandlerFunc(func") || text.contains("HandlerFunc(\n")
            return inline ? "httptest.Server" : nil
        }
    }

    private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// `Foo.class`, `Foo::class.java`, `Foo::class`, `Foo<Bar>` ⇒ `Foo`.
    private func typeName(_ text: String) -> String {
        var name = Substring(text)
        for suffix in ["::class.java", "::class", ".class", ".self"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
        }
        if let angle = name.firstIndex(of: "<") { name = name[..<angle] }
        return String(name).trimmingSpaces()
    }

    private func genericArgument(after openAngle: Int, in source: SourceText) -> String? {
        var depth = 0
        var index = openAngle + 1
        while index < min(source.masked.count, openAngle + 512) {
            let byte = source.masked[index]
            if byte == UInt8(ascii: "<") { depth += 1 }
            if byte == UInt8(ascii: ">") {
                if depth == 0 { return nonEmpty(typeName(source.text((openAngle + 1)..<index))) }
                depth -= 1
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "(") { return nil }
            index += 1
        }
        return nil
    }

    private static let modifiers: Set<String> = [
        "private", "protected", "public", "internal", "static", "final", "transient", "volatile", "lateinit", "var",
        "val", "override", "open", "readonly",
    ]

    /// The declared type after an annotation: skips annotation arguments, further annotations and modifiers.
    private func annotatedType(after end: Int, in source: SourceText) -> String? {
        let masked = source.masked
        var index = end
        var words: [String] = []
        var kotlinType: String?
        var sawColon = false
        let limit = min(masked.count, end + 1024)
        while index < limit {
            let byte = masked[index]
            if byte == UInt8(ascii: "("), words.isEmpty {
                index = skipBalanced(from: index, open: UInt8(ascii: "("), close: UInt8(ascii: ")"), in: masked)
                continue
            }
            if byte == UInt8(ascii: "@") {
                index = source.identifier(at: index + 1).upperBound
                while index < masked.count, masked[index] == UInt8(ascii: ".") {
                    index = source.identifier(at: index + 1).upperBound
                }
                if index < masked.count, masked[index] == UInt8(ascii: "(") {
                    index = skipBalanced(from: index, open: UInt8(ascii: "("), close: UInt8(ascii: ")"), in: masked)
                }
                continue
            }
            if byte == UInt8(ascii: "<") {
                index = skipBalanced(from: index, open: UInt8(ascii: "<"), close: UInt8(ascii: ">"), in: masked)
                continue
            }
            if byte == UInt8(ascii: ":") {
                sawColon = true
                index += 1
                continue
            }
            if byte.isIdentifierByte {
                var range = source.identifier(at: index)
                while range.upperBound + 1 < masked.count, masked[range.upperBound] == UInt8(ascii: "."),
                    masked[range.upperBound + 1].isIdentifierByte
                {
                    range = range.lowerBound..<source.identifier(at: range.upperBound + 1).upperBound
                }
                let word = String(decoding: masked[range], as: UTF8.self)
                if sawColon, kotlinType == nil { kotlinType = word }
                if !Self.modifiers.contains(word) { words.append(word) }
                index = range.upperBound
                continue
            }
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ",")
                || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "{")
                || (byte == UInt8(ascii: "\n") && !words.isEmpty)
            {
                break
            }
            index += 1
        }
        return kotlinType ?? words.first
    }

    private func skipBalanced(from start: Int, open: UInt8, close: UInt8, in masked: [UInt8]) -> Int {
        var depth = 0
        var index = start
        while index < masked.count {
            if masked[index] == open { depth += 1 }
            if masked[index] == close {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return index
    }

    /// RSpec `allow(X).to receive(:m)` ⇒ `X.m` (`X#m` for `*_any_instance_of`), nil without `receive(` on the line.
    private func rspecReceiver(openParen: Int, in source: SourceText) -> String? {
        let masked = source.masked
        guard let receiver = source.arguments(openParen: openParen).first else { return nil }
        let closing = skipBalanced(from: openParen, open: UInt8(ascii: "("), close: UInt8(ascii: ")"), in: masked)
        var lineEnd = closing
        while lineEnd < masked.count, masked[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        // `allow(X).` ⏎ `to receive(:m)` and `expect(X)` ⏎ `.to receive(:m)`: the statement goes on.
        let next = source.skipWhitespace(from: lineEnd)
        let lastByte = lineEnd > closing ? source.trim(closing..<lineEnd).last.map { masked[$0] } : nil
        if lastByte == UInt8(ascii: ".") || lineEnd == closing
            || (next < masked.count && masked[next] == UInt8(ascii: "."))
        {
            lineEnd = next
            while lineEnd < masked.count, masked[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        }
        var needle = Array("receive(".utf8)
        var found = firstIndex(of: needle, in: masked, range: closing..<lineEnd)
        if found == nil {
            needle = Array("receive_messages(".utf8)
            found = firstIndex(of: needle, in: masked, range: closing..<lineEnd)
        }
        guard let found else { return nil }
        if found > 0, masked[found - 1].isIdentifierByte { return nil }
        var method = source.arguments(openParen: found + needle.count - 1).first.map { source.value($0) } ?? ""
        if needle.count > 8, let colon = method.firstIndex(of: ":") { method = String(method[..<colon]) }
        let isAnyInstance = String(decoding: masked[max(0, openParen - 16)..<openParen], as: UTF8.self)
            .hasSuffix("any_instance_of")
        let name = source.value(receiver)
        guard !method.isEmpty else { return nonEmpty(name) }
        return "\(name)\(isAnyInstance ? "#" : ".")\(method)"
    }

    /// The `type Name struct` declaration that encloses `offset`.
    private func enclosingGoStruct(before offset: Int, in source: SourceText) -> String? {
        let masked = source.masked
        let needle = Array("type ".utf8)
        var index = offset - needle.count
        while index >= 0 {
            if masked[index] == needle[0], index + needle.count <= masked.count,
                Array(masked[index..<(index + needle.count)]) == needle,
                index == 0 || !masked[index - 1].isIdentifierByte
            {
                let nameStart = source.skipWhitespace(from: index + needle.count)
                return nonEmpty(String(decoding: masked[source.identifier(at: nameStart)], as: UTF8.self))
            }
            index -= 1
        }
        return nil
    }

    private static let ignoredConformances: Set<String> = [
        "Sendable", "Equatable", "Hashable", "Codable", "Decodable", "Encodable", "AnyObject", "Identifiable",
        "CustomStringConvertible", "CustomDebugStringConvertible", "Error", "NSObject", "XCTestCase",
        "CaseIterable", "Comparable", "ObservableObject",
    ]

    private static let fakeWords: Set<String> = ["mock", "fake", "stub", "spy", "dummy"]

    /// A Swift `class|struct|actor|enum MockX: Protocol` in test code, or a `URLProtocol` subclass.
    private func swiftFake(declarationAt offset: Int, keywordEnd: Int, in source: SourceText) -> Match? {
        let masked = source.masked
        let nameStart = source.skipWhitespace(from: keywordEnd)
        guard nameStart > keywordEnd else { return nil }
        let nameRange = source.identifier(at: nameStart)
        guard !nameRange.isEmpty else { return nil }
        let name = String(decoding: masked[nameRange], as: UTF8.self)
        var index = source.skipWhitespace(from: nameRange.upperBound)
        if index < masked.count, masked[index] == UInt8(ascii: "<") {
            index = source.skipWhitespace(
                from: skipBalanced(from: index, open: UInt8(ascii: "<"), close: UInt8(ascii: ">"), in: masked)
            )
        }
        guard index < masked.count, masked[index] == UInt8(ascii: ":") else { return nil }
        var end = index + 1
        while end < masked.count, masked[end] != UInt8(ascii: "{") { end += 1 }
        var conformances: [String] = []
        entries: for entry in String(decoding: masked[(index + 1)..<end], as: UTF8.self).split(separator: ",") {
            for word in entry.split(whereSeparator: \.isWhitespace) where !word.hasPrefix("@") {
                if word == "where" { break entries }
                let name = String(word.prefix { $0 != "<" }).trimmingSpaces()
                if !name.isEmpty { conformances.append(name) }
                break
            }
        }
        if conformances.contains("URLProtocol") {
            return Match(offset: offset, framework: "URLProtocol stub", target: "URLSession", boundary: .api)
        }
        let words = Set(TargetClassifier.camelWords(name))
        let target = conformances.first { !Self.ignoredConformances.contains($0) } ?? name
        // `OctoKitURLTestSession: RequestKitURLSession`: a test stand-in for a session or client protocol.
        let testStandIn =
            words.contains("test") && target != name
            && ["session", "client", "transport", "service"].contains(TargetClassifier.camelWords(target).last ?? "")
        guard !words.isDisjoint(with: Self.fakeWords) || name.hasPrefix("InMemory") || testStandIn else { return nil }
        return Match(offset: offset, framework: "protocol fake", target: target, boundary: nil)
    }

    private func firstIndex(of needle: [UInt8], in haystack: [UInt8], range: Range<Int>) -> Int? {
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if haystack[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack, range: 0..<haystack.count) != nil
    }
}
