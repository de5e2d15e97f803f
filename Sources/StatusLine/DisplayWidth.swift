#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Terminal display width of text: ANSI escape sequences count 0, emoji and East Asian wide characters count 2,
/// combining marks and other zero-width characters count 0, everything else 1. Measured per grapheme cluster, so
/// truncation never splits a user-perceived character.
package enum DisplayWidth {
    /// The display width of `text`.
    package static func of(_ text: String) -> Int {
        var total = 0
        forEachVisible(text) { _, width in
            total += width
            return true
        }
        return total
    }

    /// The display width of one grapheme cluster.
    package static func of(_ character: Character) -> Int {
        var width = 0
        var hasBase = false
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }  // emoji presentation selector
            let properties = scalar.properties
            if properties.isEmojiPresentation { return 2 }
            if isWide(scalar.value) { return 2 }
            if !hasBase {
                switch properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
                    continue
                default:
                    hasBase = true
                    width = 1
                }
            }
        }
        return width
    }

    /// `text` cut to at most `columns` display columns. When anything is cut, the kept part ends in `…` (one
    /// column). ANSI sequences are kept whole; a grapheme is never split. `columns` ≤ 0 keeps the text whole.
    package static func truncate(_ text: String, toColumns columns: Int) -> String {
        guard columns > 0, of(text) > columns else { return text }
        var kept = ""
        var used = 0
        forEachVisible(text) { piece, width in
            if used + width > columns - 1 { return false }
            kept += piece
            used += width
            return true
        }
        return kept + "…"
    }

    /// Calls `body` with each ANSI escape sequence (width 0) or grapheme cluster and its width, in order, until
    /// `body` returns false.
    private static func forEachVisible(_ text: String, _ body: (String, Int) -> Bool) {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\u{1B}", let end = escapeSequenceEnd(in: text, from: index) {
                if !body(String(text[index..<end]), 0) { return }
                index = end
                continue
            }
            if !body(String(character), of(character)) { return }
            index = text.index(after: index)
        }
    }

    /// The end of the CSI (`ESC [ … final`) or OSC (`ESC ] … BEL` or `ESC \`) sequence starting at `start`, or of a
    /// two-character escape; nil when `ESC` ends the text or the sequence does not end on a grapheme boundary.
    private static func escapeSequenceEnd(in text: String, from start: String.Index) -> String.Index? {
        let scalars = text.unicodeScalars
        var index = scalars.index(after: start)
        guard index < scalars.endIndex else { return nil }
        let kind = scalars[index]
        index = scalars.index(after: index)
        switch kind {
        case "[":
            while index < scalars.endIndex {
                let value = scalars[index].value
                index = scalars.index(after: index)
                if (0x40...0x7E).contains(value) { break }
            }
        case "]":
            while index < scalars.endIndex {
                let value = scalars[index].value
                index = scalars.index(after: index)
                if value == 0x07 { break }
                if value == 0x1B, index < scalars.endIndex, scalars[index] == "\\" {
                    index = scalars.index(after: index)
                    break
                }
            }
        default:
            break
        }
        // A mark right after the final byte would fuse with it into one grapheme; then measure the ESC alone.
        return index.samePosition(in: text)
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15, abridged to the blocks that occur in practice) plus the
    /// pictographic blocks whose emoji default to text presentation but render wide in terminals.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
