import FlyingFox
import FlyingSocks
import Foundation
import Shared

/// An HTTP server on 127.0.0.1 (port chosen by the OS) for end-to-end tests: register routes, start, point the
/// tool at `baseURL`, then assert on `requests`. Optional latency is added before every response.
package final class TestHTTPServer: Sendable {
    /// A request as the server received it (raw, still percent-encoded path).
    package struct RecordedRequest: Sendable, Equatable {
        /// The method (`GET`, `POST`).
        package var method: String
        /// The raw path, percent-encoding kept.
        package var path: String
        /// The raw query string without `?`.
        package var query: String
        /// The header fields.
        package var headers: [Shared.HTTPHeader]
        /// The body bytes.
        package var body: [UInt8]

        /// A header value by case-insensitive name.
        package func header(_ name: String) -> String? { headers.value(for: name) }

        /// The body as UTF-8 text.
        package var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    /// What a route answers.
    package enum Reply: Sendable {
        /// A complete response.
        case respond(status: Int, headers: [Shared.HTTPHeader], body: [UInt8])
        /// Never answer (until the server stops or a minute passes).
        case hang

        /// A JSON response.
        package static func json(_ value: Shared.JSONValue, status: Int = 200, headers: [Shared.HTTPHeader] = [])
            -> Reply
        {
            .respond(
                status: status, headers: [Shared.HTTPHeader("Content-Type", "application/json")] + headers,
                body: Array(value.compact.utf8))
        }

        /// A plain-text response.
        package static func text(_ text: String, status: Int = 200, headers: [Shared.HTTPHeader] = []) -> Reply {
            .respond(status: status, headers: headers, body: Array(text.utf8))
        }
    }

    /// A route handler.
    package typealias Handler = @Sendable (RecordedRequest) async -> Reply

    private struct Route {
        var method: String
        var pattern: String
        var handler: Handler
    }

    private let server: HTTPServer
    private let routes = LockedBox<[Route]>([])
    private let log = LockedBox<[RecordedRequest]>([])
    private let runTask = LockedBox<Task<Void, Never>?>(nil)
    private let port = LockedBox<UInt16>(0)
    /// Seconds added before every reply.
    package let latency: Double

    /// A stopped server; call `start()`.
    package init(latency: Double = 0) throws {
        self.latency = latency
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: 0)
        let routes = self.routes
        let log = self.log
        server = HTTPServer(
            address: address, timeout: 120, logger: .disabled,
            handler: ClosureHTTPHandler { request in
                let recorded = RecordedRequest(
                    method: request.method.rawValue,
                    path: request.target.path(percentEncoded: true),
                    query: request.target.query(percentEncoded: true),
                    headers: request.headers.map { Shared.HTTPHeader($0.key.rawValue, $0.value) },
                    body: [UInt8](try await request.bodyData))
                log.withLock { $0.append(recorded) }
                if latency > 0 { try? await Task.sleep(nanoseconds: UInt64(latency * 1_000_000_000)) }
                let route = routes.withLock { list in
                    list.first { $0.method == recorded.method && Self.matches($0.pattern, recorded.path) }
                }
                let reply = await route?.handler(recorded) ?? .json(["error": "Not found"], status: 404)
                return await Self.response(for: reply)
            })
    }

    /// Registers a route. `pattern` is an exact raw path, or a prefix ending in `*`; earlier routes win.
    package func route(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        routes.withLock { $0.append(Route(method: method, pattern: pattern, handler: handler)) }
    }

    /// Removes every route (requests then get 404).
    package func removeAllRoutes() {
        routes.withLock { $0.removeAll() }
    }

    /// Starts listening and returns once the port is known.
    package func start() async throws {
        let server = self.server
        runTask.withLock { $0 = Task { try? await server.run() } }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let actual) = await server.listeningAddress else {
            throw TestServerError.notListening
        }
        port.withLock { $0 = actual }
    }

    /// Stops the server and cancels hanging handlers.
    package func stop() async {
        await server.stop(timeout: 0)
        runTask.withLock { $0?.cancel() }
    }

    /// `http://127.0.0.1:<port>`.
    package var baseURL: String { "http://127.0.0.1:\(port.current)" }

    /// Every request received so far, in arrival order.
    package var requests: [RecordedRequest] { log.current }

    /// Requests whose raw path equals `path`.
    package func requests(path: String) -> [RecordedRequest] { requests.filter { $0.path == path } }

    /// Runs `body` with a started server and stops it afterwards.
    package static func withServer<T>(
        latency: Double = 0, _ configure: (TestHTTPServer) -> Void = { _ in },
        _ body: (TestHTTPServer) async throws -> T
    ) async throws -> T {
        let server = try TestHTTPServer(latency: latency)
        configure(server)
        try await server.start()
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func matches(_ pattern: String, _ path: String) -> Bool {
        pattern.hasSuffix("*") ? path.hasPrefix(String(pattern.dropLast())) : pattern == path
    }

    private static func response(for reply: Reply) async -> FlyingFox.HTTPResponse {
        switch reply {
        case .respond(let status, let headers, let body):
            var fields = HTTPHeaders()
            for header in headers { fields.addValue(header.value, for: FlyingFox.HTTPHeader(header.name)) }
            return FlyingFox.HTTPResponse(
                statusCode: HTTPStatusCode(status, phrase: "Status \(status)"), headers: fields, body: Data(body))
        case .hang:
            try? await Task.sleep(nanoseconds: 60_000_000_000)
            return FlyingFox.HTTPResponse(statusCode: .serviceUnavailable)
        }
    }
}

/// Why the test server could not start.
package enum TestServerError: Error {
    /// It never reported an IPv4 listening address.
    case notListening
}
