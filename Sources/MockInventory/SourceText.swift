/// A source file's bytes with comments blanked and string contents blanked, offsets unchanged.
///
/// Matchers search `masked` (so text in comments and strings never matches) and read literal values back from
/// `bytes` at the same offsets.
struct SourceText {
    /// The file as read.
    let bytes: [UInt8]
    /// Same length as `bytes`: comment bytes and string-literal contents replaced by spaces (newlines kept).
    let masked: [UInt8]
    /// Content ranges (quotes excluded) of every string literal, in order.
    let strings: [Range<Int>]
    /// The file's language.
    let language: SourceLanguage

    /// Masks `bytes` according to `language`'s comment and string syntax.
    init(bytes: [UInt8], language: SourceLanguage) {
        self.bytes = bytes
        self.language = language
        var masker = SourceMasker(bytes: bytes, language: language)
        masker.run()
        self.masked = masker.masked
        self.strings = masker.strings
    }

    /// The original text in `range`, trimmed of surrounding whitespace.
    func text(_ range: Range<Int>) -> String {
        let trimmed = trim(range)
        return String(decoding: bytes[trimmed], as: UTF8.self)
    }

    /// `range` without leading and trailing ASCII whitespace (judged on the masked bytes).
    func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, masked[lower].isASCIIWhitespace { lower += 1 }
        while upper > lower, masked[upper - 1].isASCIIWhitespace { upper -= 1 }
        return lower..<upper
    }

    /// Top-level argument ranges of the call whose `(` is at `openParen` (at most 64 KiB are examined).
    func arguments(openParen: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var depth = 0
        var start = openParen + 1
        var index = openParen + 1
        let limit = min(masked.count, openParen + 65_536)
        while index < limit {
            switch masked[index] {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 {
                    if !trim(start..<index).isEmpty { result.append(start..<index) }
                    return result
                }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 {
                    result.append(start..<index)
                    start = index + 1
                }
            default:
                break
            }
            index += 1
        }
        return result
    }

    /// The contents of `range` when it is exactly one string literal (an optional Python prefix allowed).
    func stringLiteral(_ range: Range<Int>) -> String? {
        var trimmed = trim(range)
        if language == .python {
            while let first = trimmed.first, trimmed.count > 2, masked[first].isASCIILetter {
                trimmed = (first + 1)..<trimmed.upperBound
            }
        }
        guard let first = trimmed.first, isQuote(masked[first]),
            let content = firstString(startingIn: (first + 1)..<min(first + 4, trimmed.upperBound)),
            content.upperBound < trimmed.upperBound,
            trimmed.upperBound - content.upperBound == content.lowerBound - first
        else { return nil }
        return String(decoding: bytes[content], as: UTF8.self)
    }

    /// The contents of the first string literal that starts inside `range`.
    func firstString(in range: Range<Int>) -> String? {
        guard let content = firstString(startingIn: (range.lowerBound + 1)..<range.upperBound) else { return nil }
        return String(decoding: bytes[content], as: UTF8.self)
    }

    /// The first string-content range whose start lies in `window` (binary search).
    private func firstString(startingIn window: Range<Int>) -> Range<Int>? {
        var low = 0
        var high = strings.count
        while low < high {
            let mid = (low + high) / 2
            if strings[mid].lowerBound < window.lowerBound { low = mid + 1 } else { high = mid }
        }
        guard low < strings.count, window.contains(strings[low].lowerBound) else { return nil }
        return strings[low]
    }

    /// A string literal's contents, a Ruby symbol's name, or the trimmed expression text.
    func value(_ range: Range<Int>) -> String {
        if let literal = stringLiteral(range) { return literal }
        let text = text(range)
        if language == .ruby, text.hasPrefix(":") { return String(text.dropFirst()) }
        return text
    }

    /// The identifier starting at `index` in the masked text (empty when none).
    func identifier(at index: Int) -> Range<Int> {
        var end = index
        while end < masked.count, masked[end].isIdentifierByte { end += 1 }
        return index..<end
    }

    /// The index of the next non-whitespace masked byte at or after `index`.
    func skipWhitespace(from index: Int) -> Int {
        var index = index
        while index < masked.count, masked[index].isASCIIWhitespace { index += 1 }
        return index
    }

    /// 1-based line numbers for ascending `offsets`, in one pass.
    func lineNumbers(ascending offsets: [Int]) -> [Int] {
        var lines: [Int] = []
        lines.reserveCapacity(offsets.count)
        var line = 1
        var position = 0
        for offset in offsets {
            while position < offset {
                if bytes[position] == UInt8(ascii: "\n") { line += 1 }
                position += 1
            }
            lines.append(line)
        }
        return lines
    }

    private func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`")
    }
}

extension UInt8 {
    /// Space, tab, newline or carriage return.
    var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x0A || self == 0x09 || self == 0x0D
    }

    /// `A`–`Z` or `a`–`z`.
    var isASCIILetter: Bool {
        (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z")
    }

    /// Letters, digits, `_`, `$` and non-ASCII bytes (parts of identifiers).
    var isIdentifierByte: Bool {
        isASCIILetter || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")) || self == UInt8(ascii: "_")
            || self == UInt8(ascii: "$") || self >= 0x80
    }
}
