/// A complete response from an `HTTPTransport`.
package struct HTTPResponse: Equatable, Sendable {
    /// The status code.
    package var status: Int
    /// Header fields (names as received; look them up case-insensitively).
    package var headers: [HTTPHeader]
    /// The body bytes.
    package var body: [UInt8]

    /// Creates a response.
    package init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 2xx (`response.ok` in fetch).
    package var isSuccess: Bool { (200..<300).contains(status) }

    /// A header value by case-insensitive name.
    package func header(_ name: String) -> String? { headers.value(for: name) }

    /// The body parsed as JSON within the network limits (`JSONLimits.network()`), or nil.
    package var json: JSONValue? { try? JSONValue.parse(bytes: body, limits: .network()) }
}
