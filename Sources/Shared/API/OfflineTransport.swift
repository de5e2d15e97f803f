/// A transport for runs that make no requests (help, version): any request fails as unreachable.
package struct OfflineTransport: HTTPTransport {
    /// Creates the transport.
    package init() {}

    /// Always throws `APIError.unreachable`.
    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw APIError.unreachable(url: request.url, reason: "networking is not enabled for this action")
    }
}
