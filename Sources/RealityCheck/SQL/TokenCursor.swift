/// A forward cursor over SQL tokens with keyword helpers.
package struct TokenCursor {
    /// The tokens.
    package let tokens: [SQLToken]
    /// The current position.
    package var index = 0

    /// A cursor at the first token.
    package init(_ tokens: [SQLToken]) { self.tokens = tokens }

    /// True past the last token.
    package var atEnd: Bool { index >= tokens.count }

    /// The tokens from the cursor on.
    package var rest: ArraySlice<SQLToken> { tokens[min(index, tokens.count)...] }

    /// True when the current token is the keyword.
    package func peekKeyword(_ keyword: String) -> Bool {
        !atEnd && tokens[index].isKeyword(keyword)
    }

    /// Consumes the keyword if it is next.
    package mutating func accept(_ keyword: String) -> Bool {
        guard peekKeyword(keyword) else { return false }
        index += 1
        return true
    }

    /// Consumes any one of the keywords if it is next.
    package mutating func acceptAny(_ keywords: [String]) -> Bool {
        keywords.contains { accept($0) }
    }

    /// Consumes the symbol if it is next.
    package mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard !atEnd, tokens[index].kind == .symbol, tokens[index].text == symbol else { return false }
        index += 1
        return true
    }

    /// Consumes an identifier.
    package mutating func name() -> String? {
        guard !atEnd, tokens[index].isIdentifier else { return nil }
        index += 1
        return tokens[index - 1].text
    }

    /// Consumes `a.b.c` and returns its last part (schema qualifiers dropped).
    package mutating func qualifiedName() -> String? {
        guard var last = name() else { return nil }
        while !atEnd, tokens[index].kind == .symbol, tokens[index].text == ".", index + 1 < tokens.count,
            tokens[index + 1].isIdentifier
        {
            last = tokens[index + 1].text
            index += 2
        }
        return last
    }

    /// Comma-separated elements up to the matching `)` (after an opening `(` was consumed), or to the end.
    package mutating func elements(untilClose: Bool = true) -> [[SQLToken]] {
        var result: [[SQLToken]] = []
        var current: [SQLToken] = []
        var depth = 0
        while !atEnd {
            let token = tokens[index]
            index += 1
            if token.kind == .symbol {
                if token.text == "(" {
                    depth += 1
                } else if token.text == ")" {
                    if depth == 0, untilClose { break }
                    depth -= 1
                } else if token.text == ",", depth == 0 {
                    result.append(current)
                    current = []
                    continue
                }
            }
            current.append(token)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
