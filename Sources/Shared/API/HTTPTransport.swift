/// Sends one HTTP request. The URLSession implementation lives in the `Networking` target; tests inject fakes.
///
/// Implementations must honour `request.timeout` and `request.maxResponseBytes`, refuse redirects that fail
/// `URLPolicy`, and throw `APIError` (`.timedOut`, `.unreachable`, `.responseTooLarge`, `.redirectRefused`).
package protocol HTTPTransport: Sendable {
    /// Performs the request and returns the whole response, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
