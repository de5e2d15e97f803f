import PromptDecrypt
import Shared
import SharedCrypto
import TestSupport
import Testing

/// `PromptDecryptor` in process over a fake transport: the interop vectors, the typed `prompt(type:name:)`, `run`'s
/// printing, verification outcomes and the failures that stop before any request.
@Suite(.timeLimit(.minutes(1)))
struct PromptDecryptorOrchestratorTests {
    private static let plan = "# /oss:plan\n\nWrite the plan. Ünïcödé ✓ 日本語\n"

    private static func decryptor(_ context: DecryptContext) -> PromptDecryptor {
        PromptDecryptor(context: context, debug: DebugLog(enabled: false, console: context.console))
    }

    /// The upstream end-to-end vectors: the same credentials file, API body and signed manifest give the same
    /// stdout, stderr and update state as the original CLI recorded.
    @Test func interopVectorsDecryptVerifyAndRecordTheUpdateState() async throws {
        let fixture = try CryptoVectors.json("end-to-end/fixture.json")
        let client = try #require(fixture["clientEnvironment"])
        let configDir = try makeTemporaryDirectory()
        defer { FileSystem.removeTree(configDir) }
        try writeFile(configDir + "/credentials.enc", try CryptoVectors.text("end-to-end/credentials.enc"))
        let apiKey = try CryptoVectors.string(try #require(fixture["serverUser"]), "apiKey")
        try writeFile(
            configDir + "/config.json",
            JSONValue.object(["apiKey": .string(apiKey), "apiUrl": "http://127.0.0.1:9"]).pretty)
        let publicKey = try CryptoVectors.string(fixture, "testPublicKeySpkiDerBase64")
        let environment = Environment([
            "HOME": try CryptoVectors.string(client, "HOME"), "USER": try CryptoVectors.string(client, "USER"),
            "OSS_CONFIG_DIR": configDir, "OSS_MANIFEST_PUBLIC_KEY": publicKey,
        ])
        let promptURL = "http://127.0.0.1:9/api/v1/prompts/integration"
        let manifestURL = "http://127.0.0.1:9/api/v1/prompts/manifest"
        let promptBody = try CryptoVectors.bytes("end-to-end/api-response.json")
        let good = try CryptoVectors.bytes("end-to-end/manifest-testkey-good.json")
        let badHash = try CryptoVectors.bytes("end-to-end/manifest-testkey-badhash.json")
        let expectedStdout = try CryptoVectors.text("end-to-end/expected-stdout.txt")

        func run(manifest: HTTPResponse) async -> (ConsoleCapture, FakeTransport, (any Error)?) {
            let capture = ConsoleCapture()
            let transport = FakeTransport { request in
                request.url == promptURL ? HTTPResponse(status: 200, body: promptBody) : manifest
            }
            let context = DecryptContext(
                environment: environment, transport: transport, console: capture.console, loginName: nil)
            do {
                try await Self.decryptor(context).run(type: "commands", name: "integration")
                return (capture, transport, nil)
            } catch {
                return (capture, transport, error)
            }
        }

        // The manifest is missing (404): the prompt is printed unverified, exactly as upstream printed it.
        let (missing, missingTransport, missingError) = await run(manifest: HTTPResponse(status: 404))
        #expect(missingError == nil)
        #expect(missing.stdout == expectedStdout)
        #expect(missing.stderr == (try CryptoVectors.text("end-to-end/expected-stderr.txt")))
        #expect(Set(missingTransport.requests.map(\.url)) == [promptURL, manifestURL])
        #expect(!FileSystem.exists(configDir + "/update-state.json"))

        // A good signed manifest: verified, and the hash recorded as upstream recorded it.
        let (verified, _, verifiedError) = await run(manifest: HTTPResponse(status: 200, body: good))
        #expect(verifiedError == nil)
        #expect(verified.stdout == expectedStdout)
        #expect(
            verified.stderr
                == "[verify] Checking prompt integrity...\n"
                + "[verify] Using manifest public key from OSS_MANIFEST_PUBLIC_KEY\n"
                + "[verify] Manifest signature: valid\n[verify] Prompt hash: verified\n")
        let runs = try #require(fixture["runs"])
        let recorded = try #require(runs["testkeyBundle_goodManifest"]?["updateStateJsonAfter"])
        let state = try #require(OrchestratorSandbox.json(configDir + "/update-state.json"))
        #expect(state["promptSignatures"] == recorded["promptSignatures"])

        // A manifest whose hash is wrong blocks the prompt: nothing on stdout.
        let (blocked, _, blockedError) = await run(manifest: HTTPResponse(status: 200, body: badHash))
        #expect(blockedError as? DecryptError == .promptIntegrityFailed)
        #expect(blocked.stdout.isEmpty)
        #expect(
            blocked.stderr.hasSuffix(
                "[verify] Manifest signature: valid\n[verify] Prompt hash: FAILED — prompt blocked\n"))
    }

    @Test func promptReturnsThePlaintextWithoutPrintingIt() async throws {
        let api = try Self.api(plan: Self.plan)
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            let capture = ConsoleCapture()
            let transport = api.transport()
            let text = try await Self.decryptor(sandbox.decryptContext(transport: transport, console: capture.console))
                .prompt(type: "commands", name: "plan")
            #expect(text == Self.plan)
            #expect(capture.stdout.isEmpty)
            #expect(
                capture.stderr
                    == "[verify] Checking prompt integrity...\n"
                    + "[verify] Using manifest public key from OSS_MANIFEST_PUBLIC_KEY\n"
                    + "[verify] Manifest signature: valid\n[verify] Prompt hash: verified\n")
            let prompt = try #require(
                transport.requests.first { $0.url == FakeOSSAPI.baseURL + "/api/v1/prompts/plan" })
            #expect(prompt.method == "GET")
            #expect(prompt.headers.value(for: "Authorization") == "Bearer \(OrchestratorSandbox.credentials.apiKey)")
            let manifest = try #require(transport.requests.first { $0.url == FakeOSSAPI.manifestURL })
            #expect(manifest.headers.value(for: "Authorization") == nil)
            #expect(transport.requests.count == 2)
            // The first sighting of a hash is recorded silently; only the prompt's state file is written.
            let state = try #require(OrchestratorSandbox.json(sandbox.paths.updateStateFile))
            #expect(state["promptSignatures"]?["commands/plan"]?.stringValue == Watermark.contentHash(Self.plan))
            #expect(OrchestratorSandbox.mode(sandbox.paths.updateStateFile) == 0o600)
        }
    }

    @Test func runPrintsThePromptAndAnnouncesAChangedVersion() async throws {
        let api = try Self.api(plan: Self.plan)
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            try writeFile(
                sandbox.paths.updateStateFile, #"{"promptSignatures":{"commands/plan":"0000"},"manifestVersion":3}"#)
            let capture = ConsoleCapture()
            try await Self.decryptor(sandbox.decryptContext(transport: api.transport(), console: capture.console))
                .run(type: "commands", name: "plan")
            #expect(capture.stdout == Self.plan + "\n")
            #expect(capture.stderr.hasSuffix("[verify] Prompt hash: verified\n[update] /oss:plan prompt updated\n"))
            let state = try #require(OrchestratorSandbox.json(sandbox.paths.updateStateFile))
            #expect(state["promptSignatures"]?["commands/plan"]?.stringValue == Watermark.contentHash(Self.plan))
            #expect(state["manifestVersion"]?.intValue == 3)
        }
    }

    @Test func customPromptsComeInClearAndSkipTheManifest() async throws {
        var api = FakeOSSAPI()
        api.reply(
            try FakeOSSAPI.promptURL(type: "custom", name: "team-check"),
            FakeTransport.json(["prompt": "Team check: run the suite.", "name": "team-check"]))
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            let capture = ConsoleCapture()
            let transport = api.transport()
            try await Self.decryptor(sandbox.decryptContext(transport: transport, console: capture.console))
                .run(type: "custom", name: "team-check")
            #expect(capture.stdout == "Team check: run the suite.\n")
            #expect(capture.stderr.isEmpty)
            #expect(transport.requests.map(\.url) == [FakeOSSAPI.baseURL + "/api/v1/prompts/custom/team-check"])
        }
    }

    @Test func aManifestThatDoesNotVerifyBlocksThePrompt() async throws {
        var api = try Self.api(plan: Self.plan)
        // Signed by another key than the one the sandbox trusts.
        let foreign = FakeOSSAPI(signer: ManifestSigner())
        api.reply(FakeOSSAPI.manifestURL, FakeTransport.json(try foreign.signedManifest()))
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            let capture = ConsoleCapture()
            await #expect(throws: DecryptError.manifestSignatureFailed) {
                try await Self.decryptor(sandbox.decryptContext(transport: api.transport(), console: capture.console))
                    .run(type: "commands", name: "plan")
            }
            #expect(capture.stdout.isEmpty)
            #expect(capture.stderr.hasSuffix("[verify] Manifest signature: FAILED — prompt blocked\n"))
            #expect(!FileSystem.exists(sandbox.paths.updateStateFile))
            #expect(DecryptError.manifestSignatureFailed.exitStatus == .dataError)
        }
    }

    @Test func aPromptMissingFromTheManifestIsPrintedWithoutAHashCheck() async throws {
        var api = FakeOSSAPI()
        api.addManifestEntry(key: "commands/other", hash: "ab", size: 2)
        try api.serveSignedManifest()
        let payload = try PromptCipher.encrypt(Self.plan, credentials: OrchestratorSandbox.credentials)
        api.reply(
            try FakeOSSAPI.promptURL(type: "commands", name: "plan"),
            FakeTransport.json([
                "encrypted": .string(payload.encrypted), "iv": .string(payload.iv), "authTag": .string(payload.authTag),
            ]))
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            let capture = ConsoleCapture()
            try await Self.decryptor(sandbox.decryptContext(transport: api.transport(), console: capture.console))
                .run(type: "commands", name: "plan")
            #expect(capture.stdout == Self.plan + "\n")
            #expect(capture.stderr.hasSuffix("[verify] Manifest signature: valid\n"))
            #expect(!FileSystem.exists(sandbox.paths.updateStateFile))
        }
    }

    @Test func aManifestThatNeverAnswersIsSkippedAfterItsBudget() async throws {
        var api = try Self.api(plan: Self.plan)
        api.hang(FakeOSSAPI.manifestURL)
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            let capture = ConsoleCapture()
            var context = sandbox.decryptContext(transport: api.transport(), console: capture.console)
            context.timeouts.manifest = 0.2
            let started = ContinuousClock.now
            try await Self.decryptor(context).run(type: "commands", name: "plan")
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(capture.stdout == Self.plan + "\n")
            #expect(
                capture.stderr
                    == "[verify] Checking prompt integrity...\n[verify] Manifest unavailable — skipping verification\n")
        }
    }

    @Test func serverFailuresAreTypedAndTheClearCacheDirectiveEmptiesTheCache() async throws {
        var api = FakeOSSAPI()
        api.reply(
            try FakeOSSAPI.promptURL(type: "commands", name: "plan"),
            FakeTransport.json(
                ["error": "Plan expired"], status: 403, headers: [HTTPHeader("X-OSS-Clear-Cache", "true")]))
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            let cache = sandbox.paths.promptCacheDir
            try writeFile(cache + "/commands-plan.json", "{}")
            try writeFile(cache + "/notes.txt", "kept")
            let capture = ConsoleCapture()
            let decryptor = Self.decryptor(sandbox.decryptContext(transport: api.transport(), console: capture.console))
            await #expect(throws: APIError.server(status: 403, message: "Plan expired")) {
                try await decryptor.run(type: "commands", name: "plan")
            }
            #expect(!FileSystem.exists(cache + "/commands-plan.json"))
            #expect(readFile(cache + "/notes.txt") == "kept")
            #expect(capture.stdout.isEmpty)
            #expect(capture.stderr == "[SECURITY] Local prompt cache cleared by server directive.\n")
            await #expect(throws: APIError.promptNotFound) {
                try await decryptor.run(type: "skills", name: "missing")
            }
        }
    }

    @Test func missingConfigurationStopsBeforeAnyRequest() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let capture = ConsoleCapture()
            let transport = FakeTransport { _ in HTTPResponse(status: 500) }
            let decryptor = Self.decryptor(sandbox.decryptContext(transport: transport, console: capture.console))

            await #expect(throws: APIError.invalidPromptType("bogus")) {
                try await decryptor.run(type: "bogus", name: "plan")
            }
            await #expect(throws: DecryptError.credentialsNotFound) {
                try await decryptor.run(type: "commands", name: "plan")
            }
            try sandbox.storeCredentials(
                Credentials(apiKey: "ak_rotated", userID: "u", hardwareID: "h", salt: "s"))
            await #expect(throws: DecryptError.credentialsForAnotherKey) {
                try await decryptor.run(type: "commands", name: "plan")
            }
            try sandbox.writeConfig(apiKey: nil)
            await #expect(throws: DecryptError.noAPIKey) {
                try await decryptor.run(type: "commands", name: "plan")
            }
            try sandbox.writeConfig(apiKey: "ak_rotated", apiURL: "http://api.oss.test")
            await #expect(throws: APIError.insecureURL("http://api.oss.test")) {
                try await decryptor.run(type: "commands", name: "plan")
            }
            #expect(transport.requests.isEmpty)
            #expect(capture.stdout.isEmpty)
            #expect(capture.stderr.isEmpty)
        }
    }

    @Test func anUnsetUserIsNamedWhenAFallbackIdentityOpensTheCredentials() async throws {
        let api = try Self.api(plan: Self.plan)
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            sandbox.variables["USER"] = nil
            try sandbox.storeCredentials()
            let capture = ConsoleCapture()
            let text = try await Self.decryptor(
                sandbox.decryptContext(transport: api.transport(), console: capture.console)
            ).prompt(type: "commands", name: "plan")
            #expect(text == Self.plan)
            #expect(
                capture.stderr.hasPrefix(
                    #"[credentials] USER is not set; opened credentials.enc as user "user""# + "\n"))
        }
    }

    /// An API serving `commands/plan` encrypted for the sandbox credentials, with a signed manifest listing it.
    private static func api(plan: String) throws -> FakeOSSAPI {
        var api = FakeOSSAPI()
        try api.addPrompt(type: "commands", name: "plan", text: plan, credentials: OrchestratorSandbox.credentials)
        try api.serveSignedManifest()
        return api
    }
}
