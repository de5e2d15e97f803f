/// The names a file imports and the module each comes from (`Session` ⇒ `sqlmodel`, `OrderRepository` ⇒
/// `../data-access/order-repository`, `OwnerRepository` ⇒ `org.x.owner.OwnerRepository`). One pass over the file.
struct ImportTable {
    /// Local name ⇒ module or fully qualified name, as written.
    private(set) var modules: [String: String] = [:]
    /// Every module named by an import, in order.
    private(set) var all: [String] = []

    /// Reads the import statements of `source`.
    init(_ source: SourceText) {
        let bytes = source.masked
        var lineStart = 0
        var inGoBlock = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let first = source.skipWhitespace(from: lineStart)
            if source.language == .go, first < lineEnd {
                let text = String(decoding: bytes[first..<lineEnd], as: UTF8.self)
                if inGoBlock {
                    if text.hasPrefix(")") { inGoBlock = false } else { read(statement: first..<lineEnd, in: source) }
                    lineStart = lineEnd + 1
                    continue
                }
                if text.hasPrefix("import (") || text == "import(" {
                    inGoBlock = true
                    lineStart = lineEnd + 1
                    continue
                }
                if text.hasPrefix("func ") { break }
            }
            if first < lineEnd, bytes[first] == UInt8(ascii: "i") || bytes[first] == UInt8(ascii: "f")
                || bytes[first] == UInt8(ascii: "c") || bytes[first] == UInt8(ascii: "r")
                || bytes[first] == UInt8(ascii: "l") || bytes[first] == UInt8(ascii: "v")
            {
                var end = lineEnd
                // Multi-line `import { a,\n b } from 'x'` and `from x import (\n a,\n b)`.
                if source.language == .javascript || source.language == .python {
                    let text = String(decoding: bytes[first..<lineEnd], as: UTF8.self)
                    if (text.hasPrefix("import {") || text.hasPrefix("import type {")) && !text.contains("}")
                        || text.hasPrefix("from ") && text.hasSuffix("(")
                    {
                        var scan = lineEnd
                        let closer = text.hasPrefix("from") ? UInt8(ascii: ")") : UInt8(ascii: "}")
                        while scan < min(bytes.count, lineEnd + 4096), bytes[scan] != closer { scan += 1 }
                        while scan < bytes.count, bytes[scan] != UInt8(ascii: "\n") { scan += 1 }
                        end = scan
                    }
                }
                read(statement: first..<end, in: source)
                lineStart = end + 1
                continue
            }
            lineStart = lineEnd + 1
        }
    }

    private mutating func add(_ name: String, _ module: String) {
        let name = name.trimmingSpaces()
        guard !name.isEmpty, !module.isEmpty else { return }
        modules[name] = module
    }

    private mutating func read(statement range: Range<Int>, in source: SourceText) {
        let masked = String(decoding: source.masked[range], as: UTF8.self)
        let firstString = source.firstString(in: (range.lowerBound - 1)..<range.upperBound)
        switch source.language {
        case .javascript:
            guard let module = firstString else { return }
            if masked.hasPrefix("import ") {
                all.append(module)
                var clause = String(masked.dropFirst(7))
                if let from = clause.firstRange(ofText: " from") { clause = String(clause[..<from.lowerBound]) }
                for part in Self.names(in: String(clause)) { add(part, module) }
            } else if masked.contains("require("), let equals = masked.firstIndex(of: "=") {
                all.append(module)
                var left = masked[..<equals]
                for keyword in ["const ", "let ", "var "] where left.hasPrefix(keyword) { left = left.dropFirst(keyword.count) }
                for part in Self.names(in: String(left)) { add(part, module) }
            }
        case .python:
            let words = masked.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "(" || $0 == ")" || $0 == "," })
                .map(String.init)
            if words.first == "from", words.count >= 4, words[2] == "import" {
                let module = words[1]
                all.append(module)
                var index = 3
                while index < words.count {
                    if index + 2 < words.count, words[index + 1] == "as" {
                        add(words[index + 2], module + "." + words[index])
                        index += 3
                    } else {
                        add(words[index], module + "." + words[index])
                        index += 1
                    }
                }
            } else if words.first == "import", words.count >= 2 {
                all.append(words[1])
                if words.count >= 4, words[2] == "as" { add(words[3], words[1]) } else {
                    add(String(words[1].split(separator: ".").first ?? ""), String(words[1].split(separator: ".").first ?? ""))
                }
            }
        case .java, .kotlin:
            guard masked.hasPrefix("import ") else { return }
            var name = masked.dropFirst(7).trimmingSpaces()
            if name.hasPrefix("static ") { name = String(name.dropFirst(7)) }
            if name.hasSuffix(";") { name.removeLast() }
            all.append(name)
            if let alias = name.firstRange(ofText: " as ") {
                add(String(name[alias.upperBound...]), String(name[..<alias.lowerBound]))
            } else if let last = name.split(separator: ".").last {
                add(String(last), name)
            }
        case .go:
            // `import "x"`, `import alias "x"` and the lines of an `import (…)` block: `"x"` or `alias "x"`.
            guard let module = firstString else { return }
            let trimmed = masked.hasPrefix("import") ? masked.dropFirst(6).trimmingSpaces() : masked
            all.append(module)
            let alias = trimmed.split(separator: " ").first.map(String.init) ?? ""
            let local = alias.first?.isLetter == true ? alias : String(module.split(separator: "/").last ?? "")
            add(local, module)
        case .ruby:
            if masked.hasPrefix("require"), let module = firstString { all.append(module) }
        case .swift:
            if masked.hasPrefix("import ") { all.append(masked.dropFirst(7).trimmingSpaces()) }
        }
    }

    /// `A`, `{ B, C as D }`, `* as E`, `F, { G }` ⇒ local names.
    private static func names(in clause: String) -> [String] {
        var result: [String] = []
        for raw in clause.split(whereSeparator: { $0 == "," || $0 == "{" || $0 == "}" }) {
            var part = raw.trimmingSpaces()
            if part.hasPrefix("type ") { part = String(part.dropFirst(5)) }
            if let alias = part.firstRange(ofText: " as ") { part = String(part[alias.upperBound...]) }
            if let colon = part.firstIndex(of: ":") { part = String(part[part.index(after: colon)...]).trimmingSpaces() }
            if !part.isEmpty, part.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }) { result.append(part) }
        }
        return result
    }
}
