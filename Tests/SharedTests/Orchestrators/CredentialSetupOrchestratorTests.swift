import PromptDecrypt
import Shared
import SharedCrypto
import TestSupport
import Testing

/// `CredentialSetup` (`--setup`) in process over a fake transport: the request it sends, the file it writes, the
/// cache it clears and the failures that write nothing.
@Suite(.timeLimit(.minutes(1)))
struct CredentialSetupOrchestratorTests {
    private static let grant: JSONValue = [
        "userId": "user_unit_9", "salt": "salt-from-server", "hardwareId": "hw-bound-by-server",
    ]

    private static func setup(_ context: DecryptContext) -> CredentialSetup {
        CredentialSetup(context: context, debug: DebugLog(enabled: false, console: context.console))
    }

    @Test func storesTheGrantedCredentialsAndClearsThePromptCache() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let cache = sandbox.paths.promptCacheDir
            try writeFile(cache + "/commands-plan.json", "{}")
            try writeFile(cache + "/skills-tdd.json", "{}")
            try writeFile(cache + "/README.txt", "kept")
            let capture = ConsoleCapture()
            let transport = FakeTransport { _ in FakeTransport.json(Self.grant) }
            let context = sandbox.decryptContext(transport: transport, console: capture.console)
            try await Self.setup(context).run()

            #expect(
                capture.stdout
                    == "Setup complete. Credentials stored securely.\n"
                    + "Note: Any previously cached prompts have been cleared for security.\n")
            #expect(capture.stderr.isEmpty)
            let request = try #require(transport.requests.first)
            #expect(transport.requests.count == 1)
            #expect(
                request.url
                    == FakeOSSAPI.baseURL + "/api/v1/auth/credentials?hardwareId=\(OrchestratorSandbox.localHardwareID)"
            )
            #expect(request.headers.value(for: "Authorization") == "Bearer \(OrchestratorSandbox.credentials.apiKey)")
            // The key comes from config.json, the rest from the server's answer (its hardware id, not ours).
            let stored = try #require(context.credentialStore.read())
            #expect(
                stored.credentials
                    == Credentials(
                        apiKey: OrchestratorSandbox.credentials.apiKey, userID: "user_unit_9",
                        hardwareID: "hw-bound-by-server", salt: "salt-from-server"))
            #expect(stored.identity.user == "ossuser")
            #expect(OrchestratorSandbox.mode(sandbox.paths.credentialsFile) == 0o600)
            #expect(OrchestratorSandbox.mode(sandbox.configDir) == 0o700)
            #expect(FileSystem.listDirectory(cache) == ["README.txt"])
        }
    }

    @Test func anUnsetUserIsNamedInTheConfirmation() async throws {
        try await OrchestratorSandbox.with { sandbox in
            sandbox.variables["USER"] = nil
            let capture = ConsoleCapture()
            let context = sandbox.decryptContext(
                transport: FakeTransport { _ in FakeTransport.json(Self.grant) }, console: capture.console)
            try await Self.setup(context).run()
            #expect(capture.stderr == #"[credentials] USER is not set; credentials.enc is keyed to user "user""# + "\n")
            #expect(context.credentialStore.read()?.identity.user == "user")
        }
    }

    @Test func aRefusedOrMalformedGrantWritesNothing() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let cases: [(HTTPResponse, APIError)] = [
                (
                    FakeTransport.json(["error": "Device limit reached"], status: 403),
                    .server(status: 403, message: "Device limit reached")
                ),
                (HTTPResponse(status: 502), .requestFailed(status: 502)),
                (
                    FakeTransport.json(["userId": "u"]),
                    .invalidResponse(
                        url: FakeOSSAPI.baseURL
                            + "/api/v1/auth/credentials?hardwareId=\(OrchestratorSandbox.localHardwareID)",
                        reason: "expected {userId, salt, hardwareId}")
                ),
            ]
            for (response, expected) in cases {
                let capture = ConsoleCapture()
                let context = sandbox.decryptContext(
                    transport: FakeTransport { _ in response }, console: capture.console)
                await #expect(throws: expected) { try await Self.setup(context).run() }
                #expect(capture.stdout.isEmpty)
                #expect(!FileSystem.exists(sandbox.paths.credentialsFile))
            }
        }
    }

    @Test func aMissingKeyOrAnInsecureURLStopsBeforeAnyRequest() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let transport = FakeTransport { _ in FakeTransport.json(Self.grant) }
            let capture = ConsoleCapture()
            let setup = Self.setup(sandbox.decryptContext(transport: transport, console: capture.console))
            try sandbox.writeConfig(apiKey: nil)
            await #expect(throws: DecryptError.noAPIKey) { try await setup.run() }
            #expect(DecryptError.noAPIKey.exitStatus == .config)
            try sandbox.writeConfig(apiURL: "http://api.oss.test")
            await #expect(throws: APIError.insecureURL("http://api.oss.test")) { try await setup.run() }
            #expect(transport.requests.isEmpty)
            #expect(capture.stdout.isEmpty)
            #expect(!FileSystem.exists(sandbox.paths.credentialsFile))
        }
    }

    @Test func anUnreachableServerIsReportedWithItsURL() async throws {
        try await OrchestratorSandbox.with { sandbox in
            struct Refused: Error, CustomStringConvertible {
                var description: String { "connection refused" }
            }
            let context = sandbox.decryptContext(
                transport: FakeTransport { _ in throw Refused() }, console: .discard)
            let url = FakeOSSAPI.baseURL + "/api/v1/auth/credentials?hardwareId=\(OrchestratorSandbox.localHardwareID)"
            await #expect(throws: APIError.unreachable(url: url, reason: "connection refused")) {
                try await Self.setup(context).run()
            }
            #expect(!FileSystem.exists(sandbox.paths.credentialsFile))
        }
    }
}
