import PromptDecrypt
import Shared
import TestSupport
import Testing

/// `OutboxDelivery` (`--deliver`) in process over a fake transport: what it sends, what it deletes, what it logs to
/// `~/.oss/logs/delivery.log` (origins and reasons only) and what it refuses to touch.
@Suite(.timeLimit(.minutes(1)))
struct OutboxDeliveryOrchestratorTests {
    private static let analytics = OutboxRequest(
        method: "POST", url: FakeOSSAPI.baseURL + "/api/v1/analytics/track",
        headers: [HTTPHeader("Authorization", "Bearer ak_secret"), HTTPHeader("Content-Type", "application/json")],
        body: #"{"command":"build"}"#)
    private static let telegram = OutboxRequest(
        method: "POST", url: "https://api.telegram.test/bot123:SECRET-TOKEN/sendMessage?x=1",
        headers: [HTTPHeader("Content-Type", "application/json")], body: #"{"chat_id":"42","text":"hi"}"#)
    private static let stamp = TimeFormatter.isoUTC(OrchestratorSandbox.now)

    @Test func sendsEveryRequestAndDeletesTheFile() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let local = OutboxRequest(method: "GET", url: "http://127.0.0.1:9/ping")
            let file = try Outbox.write([Self.analytics, local], directory: sandbox.paths.outboxDir)
            let transport = FakeTransport { _ in HTTPResponse(status: 204) }
            let delivery = OutboxDelivery(context: sandbox.decryptContext(transport: transport, console: .discard))
            #expect(await delivery.run(path: file) == 0)
            #expect(!FileSystem.exists(file))
            #expect(!FileSystem.exists(delivery.logFile))
            let sent = transport.requests.sorted { $0.url < $1.url }
            #expect(
                sent == [
                    HTTPRequest(
                        method: "GET", url: "http://127.0.0.1:9/ping", timeout: 5, maxResponseBytes: 1024 * 1024),
                    HTTPRequest(
                        method: "POST", url: Self.analytics.url, headers: Self.analytics.headers,
                        body: Array(Self.analytics.body.utf8), timeout: 5, maxResponseBytes: 1024 * 1024),
                ])
        }
    }

    @Test func failuresAreLoggedByOriginWithoutSecrets() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let insecure = OutboxRequest(method: "POST", url: "http://collector.example/track?token=SECRET-TOKEN")
            let broken = OutboxRequest(method: "GET", url: "https://down.example:8443/health")
            let file = try Outbox.write(
                [Self.analytics, Self.telegram, insecure, broken], directory: sandbox.paths.outboxDir)
            struct Refused: Error {}
            let transport = FakeTransport { request in
                if request.url.hasPrefix("https://down.example") { throw Refused() }
                if request.url.hasPrefix("https://api.telegram.test") {
                    return FakeTransport.json(["ok": false], status: 401)
                }
                return HTTPResponse(status: 500, body: Array("Bearer ak_secret".utf8))
            }
            let delivery = OutboxDelivery(context: sandbox.decryptContext(transport: transport, console: .discard))
            #expect(await delivery.run(path: file) == 4)
            #expect(!FileSystem.exists(file))
            // The insecure URL is refused before the transport sees it.
            #expect(Set(transport.requests.map(\.url)) == [Self.analytics.url, Self.telegram.url, broken.url])
            let log = try #require(readFile(delivery.logFile))
            #expect(
                log == """
                    \(Self.stamp) deliver failed: POST https://api.oss.test: HTTP 500
                    \(Self.stamp) deliver failed: POST https://api.telegram.test: HTTP 401
                    \(Self.stamp) deliver failed: POST http://collector.example: refused: not https and not loopback
                    \(Self.stamp) deliver failed: GET https://down.example:8443: unreachable

                    """)
            #expect(!log.contains("SECRET") && !log.contains("ak_secret"))
            #expect(OrchestratorSandbox.mode(delivery.logFile) == 0o600)
        }
    }

    @Test func slowRequestsFailOnTheirOwnBudgetAndTheOverallOne() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let transport = FakeTransport { request in
                if request.url.contains("slow") { try await Task.sleep(for: .seconds(600)) }
                return HTTPResponse(status: 200)
            }
            var context = sandbox.decryptContext(transport: transport, console: .discard)
            context.timeouts.deliverEach = 0.2
            let slow = OutboxRequest(method: "GET", url: "https://slow.example/a")
            let fast = OutboxRequest(method: "GET", url: "https://fast.example/b")
            let delivery = OutboxDelivery(context: context)
            let started = ContinuousClock.now
            let first = try Outbox.write([slow, fast], directory: sandbox.paths.outboxDir)
            #expect(await delivery.run(path: first) == 1)
            #expect(
                readFile(delivery.logFile)
                    == "\(Self.stamp) deliver failed: GET https://slow.example: timed out after 0.2 s\n")

            FileSystem.remove(delivery.logFile)
            context.timeouts.deliverEach = 5
            context.timeouts.deliverTotal = 0.3
            let overall = OutboxDelivery(context: context)
            let second = try Outbox.write([slow, fast], directory: sandbox.paths.outboxDir)
            #expect(await overall.run(path: second) == 1)
            #expect(
                readFile(overall.logFile)
                    == "\(Self.stamp) deliver failed: GET https://slow.example: not sent within 0.3 s\n")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test func aFileOutsideTheOutboxIsLeftUntouched() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let outsider = sandbox.home + "/notes.json"
            let text = #"{"version":1,"requests":[]}"#
            try writeFile(outsider, text)
            try FileSystem.createDirectories(sandbox.paths.outboxDir, mode: 0o700)
            // `..` out of the outbox counts for where it leads.
            let sneaky = sandbox.paths.outboxDir + "/../../notes.json"
            let transport = FakeTransport { _ in HTTPResponse(status: 200) }
            let delivery = OutboxDelivery(context: sandbox.decryptContext(transport: transport, console: .discard))
            #expect(await delivery.run(path: outsider) == 1)
            #expect(await delivery.run(path: sneaky) == 1)
            #expect(readFile(outsider) == text)
            #expect(transport.requests.isEmpty)
            #expect(
                readFile(delivery.logFile) == """
                    \(Self.stamp) deliver failed: outbox notes.json: not in \(sandbox.paths.outboxDir); left untouched
                    \(Self.stamp) deliver failed: outbox notes.json: not in \(sandbox.paths.outboxDir); left untouched

                    """)
        }
    }

    @Test func aMalformedOutboxFileIsDeletedAndLogged() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let file = sandbox.paths.outboxDir + "/1-2-3.json"
            try writeFile(file, #"{"version":99,"requests":[]}"#, mode: 0o600)
            let transport = FakeTransport { _ in HTTPResponse(status: 200) }
            let delivery = OutboxDelivery(context: sandbox.decryptContext(transport: transport, console: .discard))
            #expect(await delivery.run(path: file) == 1)
            #expect(!FileSystem.exists(file))
            #expect(transport.requests.isEmpty)
            #expect(
                readFile(delivery.logFile)
                    == "\(Self.stamp) deliver failed: outbox 1-2-3.json: malformed outbox file \(file)\n")
        }
    }
}
