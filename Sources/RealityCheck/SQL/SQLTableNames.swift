/// The tables a statement names (after `FROM`, `JOIN`, `INTO`, `UPDATE`), without CTE names, read lexically.
package enum SQLTableNames {
    /// Functions whose arguments use `FROM` without naming a table.
    private static let fromFunctions: Set<String> = ["extract", "substring", "trim", "position", "overlay", "substr"]

    /// The referenced tables (last part of qualified names, as written) and the CTE names, in order.
    package static func referenced(in statement: String) -> (tables: [String], ctes: Set<String>) {
        let tokens = SQLLexer.tokens(statement)
        var tables: [String] = []
        var ctes: Set<String> = []
        var functionParens: [Bool] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .symbol, token.text == "(" {
                let previous = index > 0 ? tokens[index - 1] : nil
                functionParens.append(previous.map { $0.kind == .word && fromFunctions.contains($0.name) } ?? false)
            } else if token.kind == .symbol, token.text == ")" {
                _ = functionParens.popLast()
            } else if token.isIdentifier, index + 1 < tokens.count, tokens[index + 1].isKeyword("as"),
                index + 2 < tokens.count, tokens[index + 2].text == "(",
                index > 0,
                tokens[index - 1].isKeyword("with") || tokens[index - 1].text == ","
                    || tokens[index - 1].isKeyword("recursive")
            {
                ctes.insert(token.name)
            } else if token.isIdentifier, index > 0,
                tokens[index - 1].isKeyword("with") || tokens[index - 1].isKeyword("recursive"),
                index + 1 < tokens.count, tokens[index + 1].text == "("
            {
                ctes.insert(token.name)  // WITH name(columns) AS (…)
            } else if token.kind == .word, ["from", "join", "into", "update"].contains(token.name),
                functionParens.last != true
            {
                var cursor = TokenCursor(tokens)
                cursor.index = index + 1
                _ = cursor.accept("only")
                _ = cursor.accept("lateral")
                while let name = cursor.qualifiedName() {
                    // `FROM f(…)` is a table function; `INTO t (columns)` is a table.
                    if !cursor.atEnd, cursor.tokens[cursor.index].text == "(", token.name != "into" { break }
                    tables.append(name)
                    _ = cursor.accept("as")
                    if !cursor.atEnd, cursor.tokens[cursor.index].kind != .symbol,
                        !isClauseKeyword(cursor.tokens[cursor.index])
                    {
                        cursor.index += 1  // alias
                    }
                    guard token.name == "from", cursor.acceptSymbol(",") else { break }
                }
                index = max(index + 1, cursor.index)
                continue
            }
            index += 1
        }
        return (tables, ctes)
    }

    private static let clauseKeywords: Set<String> = [
        "where", "join", "inner", "left", "right", "full", "cross", "on", "group", "order", "limit", "set", "values",
        "union", "having", "returning", "using", "natural", "select", "default", "outer", "window", "offset",
        "for", "except", "intersect", "fetch", "partition",
    ]

    private static func isClauseKeyword(_ token: SQLToken) -> Bool {
        token.kind == .word && clauseKeywords.contains(token.name)
    }
}
