extension String {
    /// This path with `component` appended, with exactly one `/` between them.
    package func appendingPathComponent(_ component: String) -> String {
        if isEmpty { return component }
        if hasSuffix("/") { return self + component }
        return self + "/" + component
    }

    /// The last path component (`basename`), ignoring trailing slashes.
    package var lastPathComponent: String {
        var trimmed = Substring(self)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/"), trimmed != "/" else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The parent directory (`dirname`).
    package var deletingLastPathComponent: String {
        var trimmed = Substring(self)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The text without leading and trailing whitespace (spaces, tabs, CR, LF, VT, FF); interior spaces are kept.
    package var trimmingWhitespace: String {
        // Scalars, not Characters: "\r\n" is one Character that equals neither "\r" nor "\n".
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || ("\t"..."\r").contains($0) }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
