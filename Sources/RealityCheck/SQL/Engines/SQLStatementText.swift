import Foundation

/// Cleans statement text taken from mocks and code before an engine sees it.
package enum SQLStatementText {
    /// SQL keywords a checkable statement starts with.
    private static let leadingKeywords: Set<String> = [
        "select", "insert", "update", "delete", "with", "replace", "merge", "upsert",
    ]

    /// The statement with sqlmock regex leftovers undone (`(.+)` → `*`, anchors dropped), trimmed, without a
    /// trailing `;`; nil when it does not start like a query or data change.
    package static func clean(_ statement: String) -> String? {
        var text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("^") { text.removeFirst() }
        if text.hasSuffix("$"), !text.hasSuffix("\\$") { text.removeLast() }
        // Regex leftovers only when there is a regex character at all (most statements have none).
        if text.contains("(.") {
            for pattern in ["(.+)", "(.*)", "(.+?)", "(.*?)"] {
                text = text.replacingOccurrences(of: pattern, with: "*")
            }
        }
        if text.contains("\\") {
            text = text.replacingOccurrences(of: "\\s+", with: " ").replacingOccurrences(of: "\\s*", with: " ")
            for escaped in ["\\(", "\\)", "\\$", "\\.", "\\*", "\\?", "\\[", "\\]", "\\+", "\\^", "\\|"] {
                text = text.replacingOccurrences(of: escaped, with: String(escaped.dropFirst()))
            }
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(";") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        let first = text.prefix { $0.isLetter }.lowercased()
        guard leadingKeywords.contains(first) else { return nil }
        return text
    }

    /// Tokens rewritten for prepare on the embedded engine: casts dropped, placeholders as `?NNN`, `ILIKE` as
    /// `LIKE`, `public.` qualifiers and row-locking clauses removed.
    package static func forSQLite(_ statement: String) -> String {
        let tokens = SQLLexer.tokens(statement)
        var out: [SQLToken] = []
        var index = 0
        var numbered: [String: Int] = [:]
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .symbol, token.text == "::" {
                index += 1
                while index < tokens.count, tokens[index].kind == .word {
                    index += 1
                    if index < tokens.count, tokens[index].kind == .symbol, tokens[index].text == "[" {
                        index += 2
                    }
                    if index < tokens.count, tokens[index].kind == .symbol, tokens[index].text == "(" {
                        while index < tokens.count, tokens[index].text != ")" { index += 1 }
                        index += 1
                    }
                    if !(index < tokens.count && tokens[index].isKeyword("precision")) { break }
                }
                continue
            }
            if token.kind == .placeholder {
                let number: Int
                if token.text.hasPrefix("$"), let value = Int(token.text.dropFirst()) {
                    number = value
                } else if token.text == "?" || token.text == "%s" || token.text == "%d" {
                    number = numbered.count + 1
                    numbered["\(number)#"] = number
                } else if let existing = numbered[token.text] {
                    number = existing
                } else {
                    number = numbered.count + 1
                    numbered[token.text] = number
                }
                out.append(SQLToken(kind: .symbol, text: "?\(number)", line: token.line))
                index += 1
                continue
            }
            if token.isKeyword("ilike") {
                out.append(SQLToken(kind: .word, text: "LIKE", line: token.line))
                index += 1
                continue
            }
            if token.isKeyword("public"), index + 1 < tokens.count, tokens[index + 1].text == "." {
                index += 2
                continue
            }
            if token.isKeyword("for"), index + 1 < tokens.count,
                tokens[index + 1].isKeyword("update") || tokens[index + 1].isKeyword("share"),
                out.first?.isKeyword("select") == true || out.first?.isKeyword("with") == true
            {
                break  // FOR UPDATE / FOR SHARE [OF …] [NOWAIT | SKIP LOCKED] ends the statement.
            }
            out.append(token)
            index += 1
        }
        return SQLRenderer.render(out)
    }

    /// Text rewritten for PostgreSQL's PREPARE: `?`, `%s`, `:name` and `@name` placeholders as `$n`.
    package static func forPostgres(_ statement: String) -> String {
        let tokens = SQLLexer.tokens(statement)
        guard tokens.contains(where: { $0.kind == .placeholder && !$0.text.hasPrefix("$") }) else {
            return statement
        }
        var numbered: [String: Int] = [:]
        var next = 1
        let highest =
            tokens.compactMap { $0.kind == .placeholder && $0.text.hasPrefix("$") ? Int($0.text.dropFirst()) : nil }
            .max() ?? 0
        next = highest + 1
        let rewritten = tokens.map { token -> SQLToken in
            guard token.kind == .placeholder, !token.text.hasPrefix("$") else { return token }
            let number: Int
            if token.text.hasPrefix("?"), let value = Int(token.text.dropFirst()) {
                number = value
            } else if token.text == "?" || token.text == "%s" || token.text == "%d" {
                number = next
                next += 1
            } else if let existing = numbered[token.text] {
                number = existing
            } else {
                number = next
                numbered[token.text] = next
                next += 1
            }
            return SQLToken(kind: .symbol, text: "$\(number)", line: token.line)
        }
        return SQLRenderer.render(rewritten)
    }
}
