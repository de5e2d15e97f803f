extension Collection where Element == UInt8 {
    /// Whether the bytes contain `needle` (a plain scan; the standard library's generic string search is far
    /// slower without Foundation, and the scanner calls this for every file name).
    func containsBytes(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0, self.count >= count else { return count == 0 }
        return needle.withUTF8Buffer { pattern in
            var start = startIndex
            var remaining = self.count
            while remaining >= count {
                if self[start] == pattern[0] {
                    var matched = true
                    var cursor = index(after: start)
                    for offset in 1..<count {
                        if self[cursor] != pattern[offset] {
                            matched = false
                            break
                        }
                        cursor = index(after: cursor)
                    }
                    if matched { return true }
                }
                start = index(after: start)
                remaining -= 1
            }
            return false
        }
    }
}
