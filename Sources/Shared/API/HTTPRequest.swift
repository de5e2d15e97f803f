/// A request for an `HTTPTransport`: everything needed to send it and the limits it must respect.
package struct HTTPRequest: Equatable, Sendable {
    /// `GET`, `POST`, …
    package var method: String
    /// The absolute URL.
    package var url: String
    /// Header fields in order.
    package var headers: [HTTPHeader]
    /// The body, if any.
    package var body: [UInt8]?
    /// Whole-request budget in seconds (connect, send, wait and read the body).
    package var timeout: Double
    /// Largest body accepted; a bigger response fails instead of being buffered.
    package var maxResponseBytes: Int

    /// The default response cap: 8 MiB, far above any prompt or manifest.
    package static let defaultMaxResponseBytes = 8 * 1024 * 1024

    /// Creates a request.
    package init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: [UInt8]? = nil,
        timeout: Double,
        maxResponseBytes: Int = defaultMaxResponseBytes
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }
}
