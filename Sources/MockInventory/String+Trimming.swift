extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines (one pass over the UTF-8 view).
    func trimmingSpaces() -> String {
        let string = String(self)
        let utf8 = string.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start {
            let previous = utf8.index(before: end)
            guard isSpace(utf8[previous]) else { break }
            end = previous
        }
        return String(string[start..<end])
    }

    /// The text without one pair of surrounding `"` or `'` quotes.
    func trimmingQuotes() -> String {
        guard count >= 2, let first, let last, first == last, first == "\"" || first == "'" else { return String(self) }
        return String(dropFirst().dropLast())
    }
}
