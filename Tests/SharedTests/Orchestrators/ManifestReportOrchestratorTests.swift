import PromptDecrypt
import Shared
import SharedCrypto
import TestSupport
import Testing

/// `ManifestReport` (`--verify-manifest`, `--list-prompts`) in process over a fake transport: the JSON it prints,
/// its exit status, and the failures it reports.
@Suite(.timeLimit(.minutes(1)))
struct ManifestReportOrchestratorTests {
    /// A manifest listing two commands and a skill, served signed.
    private static func api() -> FakeOSSAPI {
        var api = FakeOSSAPI()
        api.addManifestEntry(key: "commands/plan", hash: "aa11", size: 120)
        api.addManifestEntry(key: "skills/tdd", hash: "bb22", size: 64)
        api.addManifestEntry(key: "commands/build", hash: "cc33", size: 2048)
        return api
    }

    @Test func verifyPrintsTheSummaryOfASignedManifest() async throws {
        var api = Self.api()
        try api.serveSignedManifest()
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            let capture = ConsoleCapture()
            let transport = api.transport()
            let status = try await ManifestReport(
                context: sandbox.decryptContext(transport: transport, console: capture.console)
            ).verify()
            #expect(status == 0)
            #expect(
                capture.stdout
                    == #"{"signatureValid":true,"promptCount":3,"generatedAt":"2026-01-15T12:00:00.000Z","categories":{"commands":2,"skills":1}}"#
                    + "\n")
            #expect(capture.stderr == "[verify] Using manifest public key from OSS_MANIFEST_PUBLIC_KEY\n")
            // The manifest needs no credentials: no Authorization header goes out.
            #expect(transport.requests.map(\.url) == [FakeOSSAPI.manifestURL])
            #expect(transport.requests.first?.headers.isEmpty == true)
        }
    }

    @Test func verifyFailsOnAManifestSignedByAnotherKey() async throws {
        var api = Self.api()
        let trusted = ManifestSigner()
        try api.serveSignedManifest()
        try await OrchestratorSandbox.with(signer: trusted) { sandbox in
            let capture = ConsoleCapture()
            let status = try await ManifestReport(
                context: sandbox.decryptContext(transport: api.transport(), console: capture.console)
            ).verify()
            #expect(status == 1)
            #expect(capture.stdout.hasPrefix(#"{"signatureValid":false,"promptCount":3,"#))
        }
        // Without the override the production key is used, which did not sign this manifest either.
        try await OrchestratorSandbox.with { sandbox in
            let capture = ConsoleCapture()
            let status = try await ManifestReport(
                context: sandbox.decryptContext(transport: api.transport(), console: capture.console)
            ).verify()
            #expect(status == 1)
            #expect(capture.stderr.isEmpty)
            #expect(capture.stdout.hasPrefix(#"{"signatureValid":false,"#))
        }
    }

    @Test func verifyReportsAManifestThatCannotBeFetched() async throws {
        var api = FakeOSSAPI()
        api.reply(FakeOSSAPI.manifestURL, FakeTransport.json(["error": "boom"], status: 500))
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            let capture = ConsoleCapture()
            let status = try await ManifestReport(
                context: sandbox.decryptContext(transport: api.transport(), console: capture.console)
            ).verify()
            #expect(status == 1)
            #expect(capture.stdout == #"{"signatureValid":false,"error":"Failed to fetch manifest"}"# + "\n")
        }
    }

    @Test func aBadKeyOverrideOrAnInsecureURLStopsBeforeAnyRequest() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let transport = FakeTransport { _ in HTTPResponse(status: 200) }
            let capture = ConsoleCapture()
            sandbox.variables[ManifestPublicKey.environmentVariable] = "not-a-key"
            let report = ManifestReport(context: sandbox.decryptContext(transport: transport, console: capture.console))
            await #expect(throws: DecryptError.invalidManifestKeyOverride) { _ = try await report.verify() }
            #expect(DecryptError.invalidManifestKeyOverride.exitStatus == .config)
            try sandbox.writeConfig(apiURL: "http://api.oss.test")
            await #expect(throws: APIError.insecureURL("http://api.oss.test")) { _ = try await report.verify() }
            await #expect(throws: APIError.insecureURL("http://api.oss.test")) {
                try await report.list(category: nil)
            }
            #expect(transport.requests.isEmpty)
            #expect(capture.stdout.isEmpty)
        }
    }

    @Test func listPrintsThePromptsInManifestOrderFilteredByCategory() async throws {
        var api = Self.api()
        try api.serveSignedManifest()
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            let capture = ConsoleCapture()
            let report = ManifestReport(
                context: sandbox.decryptContext(transport: api.transport(), console: capture.console))
            try await report.list(category: nil)
            // One compact line, as the original's JSON.stringify(entries) (issue 10 item 10).
            #expect(
                capture.stdout
                    == #"[{"name":"commands/plan","category":"commands","hash":"aa11","size":120},"#
                    + #"{"name":"skills/tdd","category":"skills","hash":"bb22","size":64},"#
                    + #"{"name":"commands/build","category":"commands","hash":"cc33","size":2048}]"# + "\n")
            let skills = ConsoleCapture()
            try await ManifestReport(
                context: sandbox.decryptContext(transport: api.transport(), console: skills.console)
            ).list(category: "skills")
            #expect(skills.stdout == #"[{"name":"skills/tdd","category":"skills","hash":"bb22","size":64}]"# + "\n")
        }
    }

    @Test func listIsEmptyWhenTheManifestIsUnavailable() async throws {
        try await OrchestratorSandbox.with { sandbox in
            struct Refused: Error {}
            let capture = ConsoleCapture()
            try await ManifestReport(
                context: sandbox.decryptContext(
                    transport: FakeTransport { _ in throw Refused() }, console: capture.console)
            ).list(category: nil)
            #expect(capture.stdout == "[]\n")
            #expect(capture.stderr.isEmpty)
        }
    }
}
