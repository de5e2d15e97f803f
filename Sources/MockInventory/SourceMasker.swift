/// Blanks comments and string-literal contents in source bytes, recording where the strings were.
struct SourceMasker {
    /// The masked copy (same length as the input).
    private(set) var masked: [UInt8]
    /// Content ranges of the string literals, in order.
    private(set) var strings: [Range<Int>] = []

    private let bytes: [UInt8]
    private let syntax: SourceLanguage.CommentSyntax
    /// Go backtick strings are raw: backslashes do not escape.
    private let rawBackticks: Bool

    /// Prepares to mask `bytes` written in `language`.
    init(bytes: [UInt8], language: SourceLanguage) {
        self.bytes = bytes
        self.masked = bytes
        self.syntax = language.syntax
        self.rawBackticks = language == .go
    }

    /// Masks the whole input.
    mutating func run() {
        var index = 0
        let count = bytes.count
        var atLineStart = true
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "/") where syntax == .cFamily && index + 1 < count:
                if bytes[index + 1] == UInt8(ascii: "/") {
                    index = blankLine(from: index)
                } else if bytes[index + 1] == UInt8(ascii: "*") {
                    index = blankUntil(from: index, terminator: [UInt8(ascii: "*"), UInt8(ascii: "/")], skip: 2)
                } else {
                    index += 1
                }
            case UInt8(ascii: "#") where syntax != .cFamily:
                index = blankLine(from: index)
            case UInt8(ascii: "=") where syntax == .ruby && atLineStart && hasPrefix("=begin", at: index):
                index = blankRubyBlockComment(from: index)
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
                index = maskString(from: index, quote: byte)
            default:
                index += 1
            }
            if index > 0, index <= count {
                let previous = bytes[index - 1]
                atLineStart = previous == UInt8(ascii: "\n")
            }
        }
    }

    private func hasPrefix(_ text: StaticString, at index: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        return text.withUTF8Buffer { prefix in
            for offset in 0..<length where bytes[index + offset] != prefix[offset] { return false }
            return true
        }
    }

    /// Blanks up to (not including) the next newline; returns the newline's index.
    private mutating func blankLine(from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            masked[index] = 0x20
            index += 1
        }
        return index
    }

    /// Blanks from `start` through `terminator` (newlines kept); returns the index after it.
    private mutating func blankUntil(from start: Int, terminator: [UInt8], skip: Int) -> Int {
        var index = start
        for _ in 0..<skip where index < bytes.count {
            masked[index] = 0x20
            index += 1
        }
        while index < bytes.count {
            if bytes[index] == terminator[0], index + 1 < bytes.count, bytes[index + 1] == terminator[1] {
                masked[index] = 0x20
                masked[index + 1] = 0x20
                return index + 2
            }
            if bytes[index] != UInt8(ascii: "\n") { masked[index] = 0x20 }
            index += 1
        }
        return index
    }

    private mutating func blankRubyBlockComment(from start: Int) -> Int {
        var index = start
        var lineStart = true
        while index < bytes.count {
            if lineStart, index > start, hasPrefix("=end", at: index) {
                return blankLine(from: index)
            }
            lineStart = bytes[index] == UInt8(ascii: "\n")
            if !lineStart { masked[index] = 0x20 }
            index += 1
        }
        return index
    }

    /// Masks one string literal starting at the quote at `start`; returns the index after its closing quote.
    private mutating func maskString(from start: Int, quote: UInt8) -> Int {
        let isTriple =
            quote != UInt8(ascii: "`") && start + 2 < bytes.count && bytes[start + 1] == quote
            && bytes[start + 2] == quote
            && (syntax == .python || quote == UInt8(ascii: "\""))
        let delimiterLength = isTriple ? 3 : 1
        let multiline = isTriple || quote == UInt8(ascii: "`")
        let contentStart = start + delimiterLength
        var index = contentStart
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), !(rawBackticks && quote == UInt8(ascii: "`")) {
                masked[index] = 0x20
                if index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") { masked[index + 1] = 0x20 }
                index += 2
                continue
            }
            if byte == quote,
                !isTriple
                    || (index + 2 < bytes.count && bytes[index + 1] == quote
                        && bytes[index + 2] == quote)
            {
                strings.append(contentStart..<index)
                return index + delimiterLength
            }
            if byte == UInt8(ascii: "\n") {
                if !multiline {
                    // An unterminated one-line literal (or an apostrophe in code): stop at the line end.
                    strings.append(contentStart..<index)
                    return index
                }
            } else {
                masked[index] = 0x20
            }
            index += 1
        }
        strings.append(contentStart..<min(index, bytes.count))
        return index
    }
}
