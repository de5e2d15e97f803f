import Foundation
import Shared
import SharedCrypto
import Testing

@Suite(.timeLimit(.minutes(2)))
struct APIClientTests {
    private static let base = "https://api.example.test"

    @Test func credentialsRequestHasTheExactURLAndHeaders() async throws {
        let transport = FakeTransport { _ in
            FakeTransport.json(["userId": "u1", "salt": "s1", "hardwareId": "server-hw"])
        }
        let client = APIClient(baseURL: Self.base + "/", transport: transport, timeout: 5)
        let grant = try await client.fetchCredentials(apiKey: "ak_1", hardwareID: "a b/c")
        #expect(grant == CredentialsGrant(userID: "u1", salt: "s1", hardwareID: "server-hw"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.url == "https://api.example.test/api/v1/auth/credentials?hardwareId=a%20b%2Fc")
        #expect(
            request.headers == [
                HTTPHeader("Authorization", "Bearer ak_1"), HTTPHeader("Content-Type", "application/json"),
            ])
        #expect(request.timeout == 5)
        #expect(request.maxResponseBytes == HTTPRequest.defaultMaxResponseBytes)
    }

    @Test func credentialsFailuresUseTheBodyWithoutPromptMapping() async throws {
        let cases: [(HTTPResponse, APIError)] = [
            (FakeTransport.json(["error": "Unauthorized"], status: 401), .server(status: 401, message: "Unauthorized")),
            (FakeTransport.json(["error": "Device limit"], status: 403), .server(status: 403, message: "Device limit")),
            (HTTPResponse(status: 404), .requestFailed(status: 404)),
        ]
        for (response, expected) in cases {
            let client = APIClient(baseURL: Self.base, transport: FakeTransport { _ in response }, timeout: 5)
            await #expect(throws: expected) { try await client.fetchCredentials(apiKey: "k", hardwareID: "h") }
        }
        let malformed = APIClient(
            baseURL: Self.base, transport: FakeTransport { _ in FakeTransport.json(["userId": "u"]) }, timeout: 5)
        await #expect(
            throws: APIError.invalidResponse(
                url: Self.base + "/api/v1/auth/credentials?hardwareId=h", reason: "expected {userId, salt, hardwareId}")
        ) {
            try await malformed.fetchCredentials(apiKey: "k", hardwareID: "h")
        }
    }

    @Test func promptURLsFollowTheTypeRules() async throws {
        let transport = FakeTransport { _ in FakeTransport.json(["encrypted": "e", "iv": "i", "authTag": "t"]) }
        let client = APIClient(baseURL: "http://127.0.0.1:8080", transport: transport, timeout: 5)
        for (type, path) in [
            ("commands", "/api/v1/prompts/plan"), ("workflows", "/api/v1/prompts/workflows/plan"),
            ("skills", "/api/v1/prompts/skills/plan"), ("agents", "/api/v1/prompts/agents/plan"),
            ("hooks", "/api/v1/prompts/hooks/plan"),
        ] {
            let payload = try await client.fetchEncryptedPrompt(
                try PromptReference(type: type, name: "plan"), apiKey: "k")
            #expect(payload == EncryptedPayload(encrypted: "e", iv: "i", authTag: "t"))
            #expect(transport.requests.last?.url == "http://127.0.0.1:8080" + path)
        }
        #expect(Endpoint.prompt(try PromptReference(type: "custom", name: "x")).path == "/api/v1/prompts/custom/x")
        #expect(Endpoint.manifest.path == "/api/v1/prompts/manifest")
        #expect(Endpoint.workflowConfig(name: "build").path == "/api/v1/workflows/build")
    }

    @Test func promptFailuresMapStatusesAndHonourTheClearCacheDirective() async throws {
        let cleared = LockedBox(0)
        let cases: [(HTTPResponse, APIError, clears: Bool)] = [
            (FakeTransport.json(["error": "x"], status: 404), .promptNotFound, false),
            (FakeTransport.json(["error": "x"], status: 401), .unauthorized, false),
            (
                FakeTransport.json(
                    ["error": "Plan expired"], status: 403, headers: [HTTPHeader("x-oss-clear-cache", "true")]),
                .server(status: 403, message: "Plan expired"), true
            ),
            (
                HTTPResponse(status: 429, headers: [HTTPHeader("X-OSS-Clear-Cache", "yes")]),
                .requestFailed(status: 429), false
            ),
            (HTTPResponse(status: 500, body: Array("<html>".utf8)), .requestFailed(status: 500), false),
        ]
        for (response, expected, clears) in cases {
            let before = cleared.current
            let client = APIClient(baseURL: Self.base, transport: FakeTransport { _ in response }, timeout: 5) {
                cleared.withLock { $0 += 1 }
            }
            await #expect(throws: expected) {
                try await client.fetchEncryptedPrompt(try PromptReference(type: "commands", name: "p"), apiKey: "k")
            }
            #expect(cleared.current == before + (clears ? 1 : 0), "\(expected)")
        }
    }

    @Test func errorsCarryTheirExitStatuses() {
        #expect(APIError.promptNotFound.exitStatus == .noInput)
        #expect(APIError.unauthorized.exitStatus == .noPermission)
        #expect(APIError.server(status: 403, message: "x").exitStatus == .noPermission)
        #expect(APIError.requestFailed(status: 429).exitStatus == .tempFailure)
        #expect(APIError.requestFailed(status: 503).exitStatus == .unavailable)
        #expect(APIError.timedOut(url: "u", seconds: 1).exitStatus == .tempFailure)
        #expect(APIError.unreachable(url: "u", reason: "r").exitStatus == .unavailable)
        #expect(APIError.insecureURL("u").exitStatus == .config)
        #expect(APIError.responseTooLarge(url: "u", limit: 1).exitStatus == .dataError)
        #expect(APIError.invalidName("x", reason: "r").exitStatus == .usage)
        #expect(APIError.promptNotFound.description == "Prompt not found")
        #expect(APIError.unauthorized.description == "Unauthorized")
        #expect(APIError.requestFailed(status: 500).description == "Request failed")
    }

    @Test func hangingTransportIsCutOffAtTheDeadline() async throws {
        let transport = FakeTransport { _ in
            // Ignores cancellation on purpose (answers after 60 s regardless), without blocking a thread: the
            // deadline must not depend on the transport cooperating.
            await withCheckedContinuation { (continuation: CheckedContinuation<HTTPResponse, Never>) in
                Thread.detachNewThread {
                    sleep(60)
                    continuation.resume(returning: HTTPResponse(status: 200))
                }
            }
        }
        let client = APIClient(baseURL: Self.base, transport: transport, timeout: 0.2)
        let start = WallClock.system.now()
        await #expect(throws: APIError.timedOut(url: Self.base + "/api/v1/prompts/p", seconds: 0.2)) {
            try await client.fetchEncryptedPrompt(try PromptReference(type: "commands", name: "p"), apiKey: "k")
        }
        // Far below the transport's 60 s, with room for a two-core machine busy with the other suites.
        #expect(WallClock.system.now().milliseconds - start.milliseconds < 30_000)
        #expect(await client.fetchManifest(timeout: 0.1) == nil)
    }

    @Test func transportFailuresAndOversizedBodiesBecomeAPIErrors() async throws {
        struct Boom: Error {}
        let failing = APIClient(baseURL: Self.base, transport: FakeTransport { _ in throw Boom() }, timeout: 5)
        await #expect(throws: APIError.unreachable(url: Self.base + "/api/v1/prompts/p", reason: "Boom()")) {
            try await failing.fetchEncryptedPrompt(try PromptReference(type: "commands", name: "p"), apiKey: "k")
        }
        let big = APIClient(
            baseURL: Self.base,
            transport: FakeTransport { _ in HTTPResponse(status: 200, body: Array(repeating: 32, count: 100)) },
            timeout: 5, maxResponseBytes: 10)
        await #expect(throws: APIError.responseTooLarge(url: Self.base + "/api/v1/prompts/p", limit: 10)) {
            try await big.fetchEncryptedPrompt(try PromptReference(type: "commands", name: "p"), apiKey: "k")
        }
    }

    @Test func insecureBaseURLIsRefusedBeforeTheTransport() async throws {
        let transport = FakeTransport { _ in HTTPResponse(status: 200) }
        let client = APIClient(baseURL: "http://api.example.test", transport: transport, timeout: 5)
        await #expect(throws: APIError.insecureURL("http://api.example.test/api/v1/prompts/p")) {
            try await client.fetchEncryptedPrompt(try PromptReference(type: "commands", name: "p"), apiKey: "k")
        }
        #expect(await client.fetchManifest() == nil)
        #expect(transport.requests.isEmpty)
    }

    @Test func manifestRequestCarriesNoCredentials() async throws {
        let transport = FakeTransport { _ in FakeTransport.json(["version": 1, "prompts": [:]]) }
        let client = APIClient(baseURL: Self.base, transport: transport, timeout: 5)
        #expect(await client.fetchManifest() == ["version": 1, "prompts": [:]])
        #expect(transport.requests.first?.headers == [])
        #expect(transport.requests.first?.url == Self.base + "/api/v1/prompts/manifest")
        let missing = APIClient(
            baseURL: Self.base, transport: FakeTransport { _ in HTTPResponse(status: 404) }, timeout: 5)
        #expect(await missing.fetchManifest() == nil)
        let garbage = APIClient(
            baseURL: Self.base, transport: FakeTransport { _ in HTTPResponse(status: 200, body: [0x7b]) }, timeout: 5)
        #expect(await garbage.fetchManifest() == nil)
    }
}
