extension ClaimReader {
    /// Adds the members stubbed on mock variables later in the file: gomock `m.EXPECT().Get(`, testify
    /// `m.On("Get"`, Mockito `when(m.get(` / `given(m.get(` / `doReturn(x).when(m).get(`, MockK `every { m.get(`.
    func attachMembers(matches: [MockMatcher.Match], into claims: inout [[MockClaim]]) {
        var variables: [String: Int] = [:]
        for (index, match) in matches.enumerated() where Self.memberFrameworks.contains(match.framework) {
            if let name = variableName(for: match) { variables[name] = index }
        }
        guard !variables.isEmpty else { return }
        var members: [Int: [String]] = [:]
        let masked = source.masked
        var index = 0
        while index < masked.count {
            guard masked[index].isIdentifierByte, index == 0 || !masked[index - 1].isIdentifierByte else {
                index += 1
                continue
            }
            let range = source.identifier(at: index)
            defer { index = max(range.upperBound, index + 1) }
            guard let owner = variables[String(decoding: masked[range], as: UTF8.self)] else { continue }
            // `this.owners` / `self.owners` count as the variable; any other `x.owners` does not.
            var contextStart = index
            if index > 0, masked[index - 1] == UInt8(ascii: ".") {
                let before = String(decoding: masked[max(0, index - 5)..<index], as: UTF8.self)
                guard before == "this." || before == "self." else { continue }
                contextStart = index - 5
            }
            let links = source.chain(after: range.upperBound)
            guard let first = links.first else {
                // `doReturn(x).when(m).get(`: the variable closes `when(` and the member follows.
                continue
            }
            var member: String?
            if first.name == "EXPECT", links.count > 1 {
                member = links[1].name
            } else if first.name == "On", let argument = first.arguments.first {
                member = source.stringLiteral(argument)
            } else if isStubContext(before: contextStart) {
                member = first.name
            } else if index > 0, afterWhenClose(range.upperBound), let next = links.first {
                member = next.name
            }
            if let member, !member.isEmpty, !(members[owner]?.contains(member) ?? false) {
                members[owner, default: []].append(member)
            }
        }
        for (owner, names) in members {
            claims[owner] = claims[owner].map { claim in
                guard case .module(var module) = claim else { return claim }
                for name in names where !module.members.contains(name) { module.members.append(name) }
                return .module(module)
            }
        }
    }

    private static let memberFrameworks: Set<String> = [
        "gomock", "mockery", "testify/mock", "Mockito", "MockK", "sinon", "hand-written fake", "unittest.mock",
    ]

    /// `when(`, `given(`, `every {`, `coEvery {`, `verify(` right before offset.
    private func isStubContext(before offset: Int) -> Bool {
        let start = max(0, offset - 10)
        let text = String(decoding: source.masked[start..<offset], as: UTF8.self).filter { $0 != " " && $0 != "\n" }
        return text.hasSuffix("when(") || text.hasSuffix("given(") || text.hasSuffix("every{")
            || text.hasSuffix("coEvery{") || text.hasSuffix("When(")
    }

    /// `….when(m)` followed by `.member(`: the byte after the variable is `)` closing `when(`.
    private func afterWhenClose(_ end: Int) -> Bool {
        guard end < source.masked.count, source.masked[end] == UInt8(ascii: ")") else { return false }
        let start = max(0, end - 64)
        let text = String(decoding: source.masked[start..<end], as: UTF8.self)
        guard let open = text.lastIndex(of: "(") else { return false }
        return text[..<open].hasSuffix("when")
    }

    /// The variable a mock is bound to: `m := NewMockX(ctrl)`, `X m = mock(X.class)`, `@Mock X m;`,
    /// `val m: X = mockk()`, `lateinit var m: X`.
    func variableName(for match: MockMatcher.Match) -> String? {
        let masked = source.masked
        if match.framework == "Mockito" || match.framework == "MockK", masked[match.offset] == UInt8(ascii: "@") {
            // Declaration after the annotation: the identifier before `;`, `=` or end of line, or before `:`.
            var index = match.end
            var lastIdentifier: String?
            var sawContent = false
            let limit = min(masked.count, match.end + 512)
            while index < limit {
                let byte = masked[index]
                if byte == UInt8(ascii: "(") && !sawContent {
                    index = source.closing(index)
                    continue
                }
                if byte == UInt8(ascii: "@") {
                    index = source.identifier(at: index + 1).upperBound
                    continue
                }
                if byte == UInt8(ascii: ":"), let lastIdentifier { return lastIdentifier }
                if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "=") || (byte == UInt8(ascii: "\n") && sawContent) {
                    return lastIdentifier
                }
                if byte.isIdentifierByte {
                    let range = source.identifier(at: index)
                    lastIdentifier = String(decoding: masked[range], as: UTF8.self)
                    sawContent = true
                    index = range.upperBound
                    continue
                }
                index += 1
            }
            return lastIdentifier
        }
        // An assignment on the same line before the mock: `name :=`, `name =`, `val name: T =`.
        var start = match.offset - 1
        while start >= 0, masked[start] != UInt8(ascii: "\n") { start -= 1 }
        let prefix = String(decoding: masked[(start + 1)..<match.offset], as: UTF8.self)
        guard let equals = prefix.lastIndex(of: "=") else { return nil }
        var left = prefix[..<equals].trimmingSpaces()
        if left.hasSuffix(":") { left = String(left.dropLast()).trimmingSpaces() }
        if let colon = left.firstIndex(of: ":") { left = String(left[..<colon]).trimmingSpaces() }
        let name = left.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }).last
        return name.map(String.init)
    }

    /// Adds SQL claims to sqlmock mocks: each `ExpectQuery`/`ExpectExec`/`ExpectPrepare` statement of the file, with
    /// the columns of `NewRows([]string{…})` returned by it, goes to the nearest sqlmock site before it.
    func attachSQL(matches: [MockMatcher.Match], into claims: inout [[MockClaim]]) {
        let sites = matches.indices.filter { matches[$0].framework == "sqlmock" }
        guard !sites.isEmpty else { return }
        let masked = source.masked
        var rowsByVariable: [String: [String]] = [:]
        var index = 0
        while index < masked.count {
            guard masked[index] == UInt8(ascii: "E") || masked[index] == UInt8(ascii: "N") else {
                index += 1
                continue
            }
            let range = source.identifier(at: index)
            guard !range.isEmpty, index == 0 || !masked[index - 1].isIdentifierByte else {
                index = max(index + 1, range.upperBound)
                continue
            }
            let name = String(decoding: masked[range], as: UTF8.self)
            defer { index = max(index + 1, range.upperBound) }
            guard range.upperBound < masked.count, masked[range.upperBound] == UInt8(ascii: "(") else { continue }
            if name == "NewRows" {
                let columns = rowColumns(openParen: range.upperBound)
                let matchLike = MockMatcher.Match(offset: index, framework: "sqlmock", target: "", boundary: nil, end: index)
                if let variable = variableName(for: matchLike) { rowsByVariable[variable] = columns }
            } else if name == "ExpectQuery" || name == "ExpectExec" || name == "ExpectPrepare" {
                let arguments = source.arguments(openParen: range.upperBound)
                // A literal regular expression, or `regexp.QuoteMeta("…")` (already plain SQL).
                let statement = arguments.first.flatMap { argument in
                    source.stringLiteral(argument).map(Self.unescapedSQL)
                        ?? (source.text(argument).hasPrefix("regexp.QuoteMeta(")
                            ? source.firstString(in: argument.lowerBound..<argument.upperBound).map { $0.trimmingSpaces() } : nil)
                }
                var claim = SQLClaim(statement: statement, line: lines.line(of: index))
                for link in source.chain(after: source.closing(range.upperBound)) where link.name == "WillReturnRows" {
                    guard let first = link.arguments.first else { continue }
                    let text = source.text(first)
                    if let open = source.masked[first].firstIndex(of: UInt8(ascii: "(")), text.contains("NewRows") {
                        claim.returnedColumns = rowColumns(openParen: open)
                    } else if let columns = rowsByVariable[text] {
                        claim.returnedColumns = columns
                    }
                }
                let owner = sites.last { matches[$0].offset < index } ?? sites[0]
                claims[owner].append(.sql(claim))
            }
        }
    }

    /// `NewRows([]string{"id", "name"})` ⇒ `["id", "name"]`.
    private func rowColumns(openParen: Int) -> [String] {
        guard let first = source.arguments(openParen: openParen).first,
            let brace = source.masked[first].firstIndex(of: UInt8(ascii: "{"))
        else { return [] }
        return source.arguments(openParen: brace).compactMap { source.stringLiteral($0) }
    }

    /// sqlmock statements are regular expressions: undo `\\$1`, `\\(`, `\\*`, `\\.`, `\\?` and `regexp.QuoteMeta`.
    static func unescapedSQL(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if character == "\\" && !escaped {
                escaped = true
                continue
            }
            if escaped && character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        if result.hasPrefix("^") { result.removeFirst() }
        if result.hasSuffix("$") && !result.hasSuffix("\\$") { result.removeLast() }
        return result.trimmingSpaces()
    }
}
