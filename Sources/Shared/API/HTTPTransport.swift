/// Sends one HTTP request. `CurlTransport` (the system curl) is the real one; tests inject fakes.
///
/// Implementations must honour `request.timeout` and `request.maxResponseBytes`, refuse redirects that fail
/// `URLPolicy`, and throw `APIError` (`.timedOut`, `.unreachable`, `.responseTooLarge`, `.redirectRefused`).
package protocol HTTPTransport: Sendable {
    /// Performs the request and returns the whole response, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
