import Foundation

/// Finds calls by name in JavaScript, Python or Ruby source and splits their arguments, honouring strings,
/// brackets and comments well enough for migration files and test code.
package enum CallScanner {
    /// Every call to one of `names` (matched as the exact text before `(`, at a word boundary).
    package static func calls(_ names: [String], in text: String) -> [SourceCall] {
        let scalars = Array(text.unicodeScalars)
        var result: [SourceCall] = []
        var index = 0
        var line = 1
        while index < scalars.count {
            let c = scalars[index]
            if c == "\n" {
                line += 1
                index += 1
                continue
            }
            if c == "'" || c == "\"" || c == "`" {
                index = skipString(scalars, from: index, line: &line)
                continue
            }
            if c == "#" || (c == "/" && index + 1 < scalars.count && scalars[index + 1] == "/") {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            if index == 0 || !isWordPart(scalars[index - 1]) || scalars[index - 1] == "." {
                if let name = names.first(where: { matches($0, scalars, at: index) }) {
                    var cursor = index + name.unicodeScalars.count
                    while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
                    if cursor < scalars.count, scalars[cursor] == "(",
                        index == 0 || !isWordPart(scalars[index - 1])
                    {
                        var endLine = line
                        let (arguments, end) = splitArguments(scalars, open: cursor, line: &endLine)
                        result.append(SourceCall(name: name, arguments: arguments, line: line))
                        _ = end
                        index += name.unicodeScalars.count
                        continue
                    }
                }
            }
            index += 1
        }
        return result
    }

    private static func matches(_ name: String, _ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var offset = index
        for scalar in name.unicodeScalars {
            guard offset < scalars.count, scalars[offset] == scalar else { return false }
            offset += 1
        }
        return offset >= scalars.count || !isWordPart(scalars[offset])
    }

    /// Splits the arguments of the call whose `(` is at `open`; returns them and the index after `)`.
    package static func splitArguments(_ scalars: [Unicode.Scalar], open: Int, line: inout Int) -> ([String], Int) {
        var arguments: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        var index = open + 1
        while index < scalars.count {
            let c = scalars[index]
            if c == "'" || c == "\"" || c == "`" {
                let end = skipString(scalars, from: index, line: &line)
                current.append(contentsOf: scalars[index..<end])
                index = end
                continue
            }
            if c == "\n" { line += 1 }
            if c == "(" || c == "[" || c == "{" { depth += 1 }
            if c == ")" || c == "]" || c == "}" {
                if depth == 0 { break }
                depth -= 1
            }
            if c == ",", depth == 0 {
                arguments.append(String(current).trimmingCharacters(in: .whitespacesAndNewlines))
                current = String.UnicodeScalarView()
            } else {
                current.append(c)
            }
            index += 1
        }
        let last = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { arguments.append(last) }
        return (arguments, min(index + 1, scalars.count))
    }

    /// The index after the string literal starting at `start` (Python triple quotes included).
    package static func skipString(_ scalars: [Unicode.Scalar], from start: Int, line: inout Int) -> Int {
        let quote = scalars[start]
        let triple =
            start + 2 < scalars.count && scalars[start + 1] == quote && scalars[start + 2] == quote && quote != "`"
        var index = start + (triple ? 3 : 1)
        while index < scalars.count {
            let c = scalars[index]
            if c == "\\" {
                index += 2
                continue
            }
            if c == "\n" {
                line += 1
                if !triple, quote != "`" { return index }
            }
            if c == quote {
                if !triple { return index + 1 }
                if index + 2 < scalars.count, scalars[index + 1] == quote, scalars[index + 2] == quote {
                    return index + 3
                }
            }
            index += 1
        }
        return index
    }

    private static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "$" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
}
