/// Which URLs may carry requests: `https`, or plain `http` only to a loopback host (`127.0.0.0/8`, `localhost`).
package enum URLPolicy {
    /// The scheme and host of an absolute URL, lowercased; nil when it does not parse.
    package static func components(_ url: String) -> (scheme: String, host: String)? {
        // Parsers disagree about backslashes, spaces and controls in authorities; refuse them outright.
        guard !url.unicodeScalars.contains(where: { $0 == "\\" || $0.value <= 0x20 || $0.value == 0x7f }) else {
            return nil
        }
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        var rest = url[schemeEnd.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var host: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = rest[rest.startIndex...close]
        } else if let colon = rest.firstIndex(of: ":") {
            host = rest[..<colon]
        } else {
            host = rest
        }
        guard !scheme.isEmpty, !host.isEmpty else { return nil }
        return (scheme, host.lowercased())
    }

    /// Whether `host` is loopback.
    package static func isLoopback(host: String) -> Bool {
        if host == "localhost" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in UInt8(part) != nil }
    }

    /// Whether requests may be sent to `url`.
    package static func isAllowed(_ url: String) -> Bool {
        guard let parts = components(url) else { return false }
        switch parts.scheme {
        case "https": return true
        case "http": return isLoopback(host: parts.host)
        default: return false
        }
    }

    /// Throws `APIError.insecureURL` unless `url` is allowed.
    package static func check(_ url: String) throws(APIError) {
        guard isAllowed(url) else { throw .insecureURL(url) }
    }

    /// Whether a redirect from `source` to `target` may be followed: the target must itself be allowed, and an
    /// `https` request never continues over plain `http`.
    package static func mayRedirect(from source: String, to target: String) -> Bool {
        guard isAllowed(target), let from = components(source), let to = components(target) else { return false }
        return !(from.scheme == "https" && to.scheme != "https")
    }
}
