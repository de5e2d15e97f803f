/// Matches concrete or templated request paths against description templates.
package enum PathTemplate {
    /// Path segments without empty ones (leading/trailing slashes ignored), query and fragment removed.
    package static func segments(_ path: String) -> [Substring] {
        let bare = path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "#").first ?? $0 } ?? ""
        return bare.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// True when `segment` is a template or wildcard (`{id}`, `:id`, `${id}`, `*`, `<id>`, `[id]`).
    package static func isVariable(_ segment: Substring) -> Bool {
        segment.hasPrefix("{") || segment.hasPrefix(":") || segment.hasPrefix("${") || segment == "*"
            || segment == "**" || segment.hasPrefix("<") || (segment.hasPrefix("[") && segment.hasSuffix("]"))
            || segment.contains("${") || segment.contains("*")
    }

    /// True when the claimed path fits the template (any segment against a template variable, a claimed variable
    /// against anything, a template segment with an embedded variable like `{id}.json` against anything).
    package static func matches(claimed: [Substring], template: [Substring]) -> Bool {
        if claimed.last == "**" || claimed.last == "*" && claimed.count < template.count {
            return template.count >= claimed.count - 1
                && zip(claimed.dropLast(), template).allSatisfy { segmentMatches($0, $1) }
        }
        guard claimed.count == template.count else { return false }
        return zip(claimed, template).allSatisfy { segmentMatches($0, $1) }
    }

    private static func segmentMatches(_ claimed: Substring, _ template: Substring) -> Bool {
        if isVariable(claimed) || template.contains("{") { return true }
        return claimed.lowercased() == template.lowercased()
            || claimed.removingPercentEncodingLite() == template.removingPercentEncodingLite()
    }
}

extension Substring {
    /// The segment with `%20`-style escapes of ASCII decoded (enough for comparing paths).
    fileprivate func removingPercentEncodingLite() -> String {
        var out = ""
        var index = startIndex
        while index < endIndex {
            if self[index] == "%", let end = self.index(index, offsetBy: 3, limitedBy: endIndex),
                let value = UInt8(self[self.index(after: index)..<end], radix: 16), value < 128
            {
                out.append(Character(Unicode.Scalar(value)))
                index = end
                continue
            }
            out.append(self[index])
            index = self.index(after: index)
        }
        return out
    }
}
