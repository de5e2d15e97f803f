extension CurlTransport {
    /// The transport the networked tools use: the system curl, or, when none is installed, a transport that fails
    /// every request with a message naming where curl was looked for.
    package static func preferred(environment: Environment) -> any HTTPTransport {
        if let curl = CurlTransport(environment: environment) { return curl }
        return OfflineTransport(reason: "curl not found (looked in \(candidates.joined(separator: ", ")))")
    }
}
