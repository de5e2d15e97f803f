/// A transport that fails every request as unreachable: for runs that make no requests (help, version), and for
/// machines without curl.
package struct OfflineTransport: HTTPTransport {
    /// Why requests cannot be made.
    package var reason: String

    /// Creates the transport.
    package init(reason: String = "networking is not enabled for this action") {
        self.reason = reason
    }

    /// Always throws `APIError.unreachable` with `reason`.
    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw APIError.unreachable(url: request.url, reason: reason)
    }
}
