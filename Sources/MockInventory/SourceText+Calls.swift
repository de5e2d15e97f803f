extension SourceText {
    /// One `.name(arguments)` link of a call chain.
    struct ChainLink {
        /// The member name.
        var name: String
        /// Offset of the name.
        var offset: Int
        /// Offset of `(`, nil for a property link.
        var openParen: Int?
        /// Top-level argument ranges.
        var arguments: [Range<Int>]
        /// Offset just past the link.
        var end: Int
    }

    /// The offset just past the bracket closing the one at `open` (bounded to 64 KiB).
    func closing(_ open: Int) -> Int {
        guard open < masked.count else { return masked.count }
        let opener = masked[open]
        let closer: UInt8 =
            opener == UInt8(ascii: "(") ? UInt8(ascii: ")") : opener == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
        var depth = 0
        var index = open
        let limit = min(masked.count, open + 65_536)
        while index < limit {
            let byte = masked[index]
            if byte == opener {
                depth += 1
            } else if byte == closer {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return limit
    }

    /// The `.a(…).b(…)` links after `offset` (whitespace and newlines allowed around each `.`), at most 32.
    func chain(after offset: Int) -> [ChainLink] {
        var links: [ChainLink] = []
        var index = offset
        while links.count < 32 {
            let dot = skipWhitespace(from: index)
            guard dot < masked.count, masked[dot] == UInt8(ascii: ".") else { break }
            let nameStart = skipWhitespace(from: dot + 1)
            let nameRange = identifier(at: nameStart)
            guard !nameRange.isEmpty else { break }
            let name = String(decoding: masked[nameRange], as: UTF8.self)
            if nameRange.upperBound < masked.count, masked[nameRange.upperBound] == UInt8(ascii: "(") {
                let open = nameRange.upperBound
                let end = closing(open)
                links.append(ChainLink(name: name, offset: nameStart, openParen: open, arguments: arguments(openParen: open), end: end))
                index = end
            } else {
                links.append(ChainLink(name: name, offset: nameStart, openParen: nil, arguments: [], end: nameRange.upperBound))
                index = nameRange.upperBound
            }
        }
        return links
    }

    /// The integer literal that `range` is exactly, if it is one.
    func integer(_ range: Range<Int>) -> Int? {
        let text = text(range)
        guard !text.isEmpty, text.count < 10, text.allSatisfy(\.isNumber) else { return nil }
        return Int(text)
    }

    /// `name=value` / `name: value` keyword argument among `arguments`: the value's range.
    func keywordArgument(_ name: String, in arguments: [Range<Int>]) -> Range<Int>? {
        for argument in arguments {
            let trimmed = trim(argument)
            let nameBytes = Array(name.utf8)
            guard trimmed.count > nameBytes.count,
                masked[trimmed.lowerBound..<(trimmed.lowerBound + nameBytes.count)].elementsEqual(nameBytes)
            else { continue }
            let next = skipWhitespace(from: trimmed.lowerBound + nameBytes.count)
            guard next < trimmed.upperBound else { continue }
            let byte = masked[next]
            if byte == UInt8(ascii: "="), next + 1 < masked.count, masked[next + 1] != UInt8(ascii: "=") {
                return (next + 1)..<trimmed.upperBound
            }
            if byte == UInt8(ascii: ":") { return (next + 1)..<trimmed.upperBound }
            if byte == UInt8(ascii: "="), next + 1 < masked.count, masked[next + 1] == UInt8(ascii: ">") {
                return (next + 2)..<trimmed.upperBound
            }
        }
        return nil
    }

    /// Keys of the object, dict or hash literal that starts `range` (`{a: 1, b: {c: 2}, d: [{e: 3}]}` ⇒ `a`, `b.c`,
    /// `d[].e`); empty when `range` is not a literal. At most 64 keys, 4 levels.
    func literalKeys(_ range: Range<Int>) -> [String] {
        var keys: [String] = []
        let start = skipWhitespace(from: range.lowerBound)
        guard start < range.upperBound else { return [] }
        collectKeys(at: start, prefix: "", depth: 0, into: &keys)
        return keys
    }

    private func collectKeys(at start: Int, prefix: String, depth: Int, into keys: inout [String]) {
        guard depth < 4, keys.count < 64, start < masked.count else { return }
        let open = masked[start]
        if open == UInt8(ascii: "[") {
            guard let first = arguments(openParen: start).first else { return }
            let element = skipWhitespace(from: first.lowerBound)
            if element < masked.count, masked[element] == UInt8(ascii: "{") {
                collectKeys(at: element, prefix: prefix + "[]", depth: depth + 1, into: &keys)
            }
            return
        }
        guard open == UInt8(ascii: "{") else { return }
        for entry in arguments(openParen: start) {
            let trimmed = trim(entry)
            guard !trimmed.isEmpty else { continue }
            // The key: a string literal, an identifier, or a Ruby symbol, followed by `:` or `=>`.
            var key: String?
            var cursor = trimmed.lowerBound
            if let literal = firstStringRange(at: cursor, limit: trimmed.upperBound) {
                key = String(decoding: bytes[literal], as: UTF8.self)
                cursor = literal.upperBound + 1
            } else {
                if masked[cursor] == UInt8(ascii: ":") { cursor += 1 }
                let name = identifier(at: cursor)
                guard !name.isEmpty else { continue }
                key = String(decoding: masked[name], as: UTF8.self)
                cursor = name.upperBound
            }
            cursor = skipWhitespace(from: cursor)
            guard let key, cursor < trimmed.upperBound else {
                if let key, source(shorthand: trimmed) { keys.append(prefix.isEmpty ? key : prefix + "." + key) }
                continue
            }
            var valueStart: Int
            if masked[cursor] == UInt8(ascii: ":") {
                valueStart = cursor + 1
            } else if masked[cursor] == UInt8(ascii: "="), cursor + 1 < masked.count,
                masked[cursor + 1] == UInt8(ascii: ">")
            {
                valueStart = cursor + 2
            } else {
                continue
            }
            let name = prefix.isEmpty ? key : (prefix.hasSuffix("[]") ? prefix + "." + key : prefix + "." + key)
            keys.append(name)
            valueStart = skipWhitespace(from: valueStart)
            if valueStart < trimmed.upperBound,
                masked[valueStart] == UInt8(ascii: "{") || masked[valueStart] == UInt8(ascii: "[")
            {
                collectKeys(at: valueStart, prefix: name, depth: depth + 1, into: &keys)
            }
        }
    }

    /// `{ id, name }` shorthand entries are keys too.
    private func source(shorthand range: Range<Int>) -> Bool {
        language == .javascript && masked[range].allSatisfy { $0.isIdentifierByte }
    }

    /// The content range of a string literal whose opening quote is at `offset`.
    func firstStringRange(at offset: Int, limit: Int) -> Range<Int>? {
        guard offset < masked.count else { return nil }
        let byte = masked[offset]
        guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") else { return nil }
        var low = 0
        var high = strings.count
        while low < high {
            let mid = (low + high) / 2
            if strings[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        guard low < strings.count, strings[low].lowerBound <= offset + 3, strings[low].upperBound <= limit else {
            return nil
        }
        return strings[low]
    }
}
