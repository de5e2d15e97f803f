import Foundation

/// Finds SQL statements in production code: string literals in Go, JS/TS, Python, Java/Kotlin and Ruby that read
/// like a query or data change (adjacent literals joined by `+` are concatenated; interpolations become
/// placeholders), and the statements of MyBatis mapper XML.
package enum ProductionSQLExtractor {
    private static let codeExtensions = [
        ".go", ".ts", ".tsx", ".js", ".mjs", ".cjs", ".py", ".java", ".kt", ".rb", ".cs", ".php", ".scala",
    ]

    /// The statements of the repository's non-test, non-migration code (optionally only `files` listed).
    package static func statements(_ files: RepositoryFiles, only: Set<String>? = nil) -> [SQLItem] {
        var result: [SQLItem] = []
        for path in files.paths {
            if let only, !only.contains(path) { continue }
            guard !RepositoryFiles.isTestPath(path), !isMigration(path) else { continue }
            let name = RepositoryFiles.fileName(path)
            if name.hasSuffix(".xml") {
                guard let text = files.text(path), text.contains("<mapper") else { continue }
                result += myBatis(text, file: path)
            } else if codeExtensions.contains(where: { name.hasSuffix($0) }), !name.hasSuffix(".d.ts") {
                guard let text = files.text(path), mayHoldSQL(text) else { continue }
                result += literals(text, file: path).filter { looksLikeSQL($0.statement ?? "") }
            }
        }
        return result
    }

    private static func isMigration(_ path: String) -> Bool {
        path.split(separator: "/").contains {
            $0 == "migrations" || $0 == "migrate" || $0 == "versions" || $0 == "seeds"
        }
    }

    private static func mayHoldSQL(_ text: String) -> Bool {
        let upper = text.uppercased()
        return upper.contains("SELECT ") || upper.contains("INSERT INTO") || upper.contains("UPDATE ")
            || upper.contains("DELETE FROM")
    }

    /// True for text that starts like DML and has the clause that goes with it.
    package static func looksLikeSQL(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).prefix(2)
        guard let first = words.first?.uppercased(), words.count == 2 else { return false }
        let upper = trimmed.uppercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
        switch first {
        case "SELECT": return upper.contains(" FROM ")
        case "INSERT": return upper.hasPrefix("INSERT INTO ")
        case "UPDATE": return upper.contains(" SET ")
        case "DELETE": return upper.hasPrefix("DELETE FROM ")
        case "WITH": return upper.contains("SELECT ")
        default: return false
        }
    }

    /// String literals (joined across `+`), with their starting lines.
    private static func literals(_ text: String, file: String) -> [SQLItem] {
        let scalars = Array(text.unicodeScalars)
        var result: [SQLItem] = []
        var index = 0
        var line = 1
        var pending: (text: String, line: Int)?
        while index < scalars.count {
            let c = scalars[index]
            if c == "\n" { line += 1 }
            if c == "/", index + 1 < scalars.count, scalars[index + 1] == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            if c == "\"" || c == "'" || c == "`" {
                let startLine = line
                let end = CallScanner.skipString(scalars, from: index, line: &line)
                let triple = index + 2 < scalars.count && scalars[index + 1] == c && scalars[index + 2] == c && c != "`"
                let open = triple ? 3 : 1
                let close = max(index + open, end - open)
                let body = String(String.UnicodeScalarView(scalars[min(index + open, close)..<close]))
                let cleaned = interpolationsAsPlaceholders(body)
                if let previous = pending {
                    pending = (previous.text + cleaned, previous.line)
                } else {
                    pending = (cleaned, startLine)
                }
                index = end
                // Concatenation: `"…" + "…"` or `"…" +\n "…"` continues the statement.
                var look = index
                while look < scalars.count,
                    scalars[look] == " " || scalars[look] == "\n" || scalars[look] == "\t" || scalars[look] == "\r"
                {
                    look += 1
                }
                if look < scalars.count, scalars[look] == "+" {
                    var after = look + 1
                    var extraLines = 0
                    while after < scalars.count,
                        scalars[after] == " " || scalars[after] == "\n" || scalars[after] == "\t"
                            || scalars[after] == "\r"
                    {
                        if scalars[after] == "\n" { extraLines += 1 }
                        after += 1
                    }
                    if after < scalars.count, scalars[after] == "\"" || scalars[after] == "'" || scalars[after] == "`" {
                        for position in index..<look where scalars[position] == "\n" { line += 1 }
                        line += extraLines
                        index = after
                        continue
                    }
                }
                if let statement = pending {
                    result.append(SQLItem(file: file, line: statement.line, statement: statement.text))
                }
                pending = nil
                continue
            }
            index += 1
        }
        return result
    }

    /// `${x}`, `{x}` (f-strings) and `%(x)s` become `?`; `#{x}` too.
    private static func interpolationsAsPlaceholders(_ text: String) -> String {
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            if (c == "$" || c == "#"), next < text.endIndex, text[next] == "{",
                let close = text[next...].firstIndex(of: "}")
            {
                out += "?"
                index = text.index(after: close)
                continue
            }
            out.append(c)
            index = next
        }
        return out.replacingOccurrences(of: "\\n", with: " ").replacingOccurrences(of: "\\t", with: " ")
    }

    /// `<select|insert|update|delete id="…">` bodies of a MyBatis mapper, dynamic tags reduced.
    private static func myBatis(_ text: String, file: String) -> [SQLItem] {
        var result: [SQLItem] = []
        for tag in ["select", "insert", "update", "delete"] {
            var searchStart = text.startIndex
            while let open = text.range(of: "<\(tag) ", range: searchStart..<text.endIndex)
                ?? text.range(of: "<\(tag)>", range: searchStart..<text.endIndex),
                let headerEnd = text.range(of: ">", range: open.upperBound..<text.endIndex),
                let close = text.range(of: "</\(tag)>", range: headerEnd.upperBound..<text.endIndex)
            {
                searchStart = close.upperBound
                var body = String(text[headerEnd.upperBound..<close.lowerBound])
                if body.contains("<include") || body.contains("${") { continue }
                body = body.replacingOccurrences(of: "<![CDATA[", with: "").replacingOccurrences(of: "]]>", with: "")
                body = body.replacingOccurrences(of: "<where>", with: " WHERE 1=1 ").replacingOccurrences(
                    of: "<set>", with: " SET ")
                body = stripTags(body)
                body = body.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&")
                let line = text[..<open.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                result.append(SQLItem(file: file, line: line, statement: interpolationsAsPlaceholders(body)))
            }
        }
        return result
    }

    private static func stripTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        for c in text {
            if c == "<" {
                inTag = true
                out.append(" ")
            } else if c == ">", inTag {
                inTag = false
            } else if !inTag {
                out.append(c)
            }
        }
        return out
    }
}
