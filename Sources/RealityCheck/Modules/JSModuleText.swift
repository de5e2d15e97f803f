import Foundation

/// Reads the exported names of a JS/TS module from its text.
package enum JSModuleText {
    /// What a module exports.
    package struct Exports: Sendable, Equatable {
        /// Exported names (`default` for a default export).
        package var names: Set<String> = []
        /// Specifiers re-exported wholesale (`export * from './x'`).
        package var reExports: [String] = []
        /// True when the export set cannot be read statically (`module.exports = someValue`).
        package var open = false
    }

    /// The exports of one module's text.
    package static func exports(_ text: String) -> Exports {
        var result = Exports()
        let code = strippingComments(text)
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("export ") {
                exportLine(line, into: &result)
            }
            for prefix in ["exports.", "module.exports."] where line.hasPrefix(prefix) {
                let name = line.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
                if !name.isEmpty { result.names.insert(String(name)) }
            }
            if line.hasPrefix("Object.defineProperty(exports,") {
                if let name = line.split(separator: "\"").dropFirst().first
                    ?? line.split(separator: "'").dropFirst().first
                {
                    result.names.insert(String(name))
                }
            }
        }
        exportLists(code, into: &result)
        if let range = code.range(of: "module.exports =") ?? code.range(of: "module.exports=") {
            let rest = code[range.upperBound...].drop { $0 == " " || $0 == "\n" }
            if rest.hasPrefix("{") {
                var line = 1
                let scalars = Array(rest.unicodeScalars)
                let (entries, _) = CallScanner.splitArguments(scalars, open: 0, line: &line)
                for entry in entries {
                    if entry.hasPrefix("...") {
                        result.open = true
                        continue
                    }
                    let key = entry.prefix {
                        $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" || $0 == "'" || $0 == "\""
                    }
                    let name = SourceCall.literal(String(key)) ?? String(key)
                    if !name.isEmpty { result.names.insert(name) }
                }
            } else {
                result.open = true
            }
        }
        return result
    }

    private static func exportLine(_ line: String, into result: inout Exports) {
        var rest = Substring(line.dropFirst("export ".count))
        if rest.hasPrefix("default") {
            result.names.insert("default")
            return
        }
        if rest.hasPrefix("*") {
            if let source = fromSpecifier(rest) {
                if let asRange = rest.range(of: " as ") {
                    let name = rest[asRange.upperBound...].prefix {
                        $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$"
                    }
                    result.names.insert(String(name))
                } else {
                    result.reExports.append(source)
                }
            }
            return
        }
        if rest.hasPrefix("{") || rest.hasPrefix("type {") { return }  // export lists: read by `exportLists`
        for keyword in ["declare ", "async ", "abstract "] where rest.hasPrefix(keyword) {
            rest = rest.dropFirst(keyword.count)
        }
        for keyword in [
            "function* ", "function ", "const ", "let ", "var ", "class ", "interface ", "type ", "enum ", "namespace ",
        ]
        where rest.hasPrefix(keyword) {
            let after = rest.dropFirst(keyword.count).drop { $0 == " " || $0 == "*" }
            if after.hasPrefix("{") || after.hasPrefix("[") {  // export const { a, b } = …
                let list = after.dropFirst().prefix { $0 != "}" && $0 != "]" }
                for item in list.split(separator: ",") {
                    let name = item.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? ""
                    if !name.isEmpty { result.names.insert(name) }
                }
                return
            }
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
            if !name.isEmpty { result.names.insert(String(name)) }
            if keyword == "const " || keyword == "let " || keyword == "var " {
                // export const a = 1, b = 2
                for part in after.split(separator: ",").dropFirst() {
                    let trimmed = part.trimmingCharacters(in: .whitespaces)
                    let extra = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
                    if !extra.isEmpty,
                        trimmed.dropFirst(extra.count).trimmingCharacters(in: .whitespaces).hasPrefix("=")
                    {
                        result.names.insert(String(extra))
                    }
                }
            }
            return
        }
    }

    /// `export { a, b as c }` and `export type { T }`, also across lines.
    private static func exportLists(_ code: String, into result: inout Exports) {
        var searchStart = code.startIndex
        while let range = code.range(of: "export ", range: searchStart..<code.endIndex) {
            searchStart = range.upperBound
            var rest = code[range.upperBound...].drop { $0 == " " }
            if rest.hasPrefix("type ") { rest = rest.dropFirst(5).drop { $0 == " " } }
            guard rest.hasPrefix("{"), let close = rest.firstIndex(of: "}") else { continue }
            for item in rest[rest.index(after: rest.startIndex)..<close].split(separator: ",") {
                let parts = item.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).filter {
                    $0 != "type"
                }
                guard let first = parts.first, let last = parts.last else { continue }
                result.names.insert(String(parts.count >= 3 && parts[parts.count - 2] == "as" ? last : first))
            }
        }
    }

    private static func fromSpecifier(_ text: Substring) -> String? {
        guard let range = text.range(of: "from") else { return nil }
        return SourceCall.literal(
            String(text[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " ;")))
    }

    /// The text with `//` and `/* */` comments blanked (strings kept), newlines preserved.
    package static func strippingComments(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let c = scalars[index]
            if let open = quote {
                out.append(c)
                if c == "\\", index + 1 < scalars.count {
                    out.append(scalars[index + 1])
                    index += 2
                    continue
                }
                if c == open || (c == "\n" && open != "`") { quote = nil }
                index += 1
                continue
            }
            if c == "\"" || c == "'" || c == "`" {
                quote = c
                out.append(c)
                index += 1
                continue
            }
            if c == "/", index + 1 < scalars.count, scalars[index + 1] == "/",
                index == 0 || scalars[index - 1] != ":"
            {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            if c == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                index += 2
                while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") {
                    if scalars[index] == "\n" { out.append("\n") }
                    index += 1
                }
                index += 2
                continue
            }
            out.append(c)
            index += 1
        }
        return String(out)
    }
}
