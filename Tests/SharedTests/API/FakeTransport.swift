import Shared

/// A closure-backed `HTTPTransport` that records every request.
final class FakeTransport: HTTPTransport, Sendable {
    private let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse
    private let log = LockedBox<[HTTPRequest]>([])

    init(_ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.handler = handler
    }

    var requests: [HTTPRequest] { log.current }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        log.withLock { $0.append(request) }
        return try await handler(request)
    }

    static func json(_ value: JSONValue, status: Int = 200, headers: [HTTPHeader] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(value.compact.utf8))
    }
}
