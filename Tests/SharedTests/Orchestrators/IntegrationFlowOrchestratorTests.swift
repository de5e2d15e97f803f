import Foundation
import Integration
import MockInventory
import PromptDecrypt
import Shared
import SharedCrypto
import TestSupport
import Testing

/// `IntegrationFlow` in process over a fake transport: the prompt it returns, the log and workflow state it leaves,
/// the inventory it scans, and how each failure is classified and reported as the `failed` event.
@Suite(.timeLimit(.minutes(1)))
struct IntegrationFlowOrchestratorTests {
    private static let prompt = "# /oss:integration\n\nCheck every mock against the real dependency. ✓\n"

    /// A sandbox with a project holding two mocks (an HTTP client and a database driver) and the fake sender.
    private struct Fixture {
        var sandbox: OrchestratorSandbox
        var project: String { sandbox.home + "/project" }
        var logs: String { project + "/.oss/logs/current-session" }
        var stateFile: String { project + "/.oss/workflow-state.json" }

        init(_ sandbox: OrchestratorSandbox) throws {
            self.sandbox = sandbox
            try writeFile(project + "/src/api.test.ts", "jest.mock('axios');\n")
            try writeFile(project + "/src/db.test.ts", "jest.mock('pg');\n")
            try FileSystem.createDirectories(project + "/.oss")
            try self.sandbox.installFakeSender()
            self.sandbox.variables["CLAUDE_PROJECT_DIR"] = project
        }

        func run(
            _ options: IntegrationFlow.Options = IntegrationFlow.Options(), transport: any HTTPTransport,
            console: Console
        ) async throws(IntegrationError) -> IntegrationOutcome {
            try await IntegrationFlow(
                environment: sandbox.environment, transport: transport, console: console, clock: sandbox.clock,
                workingDirectory: project
            ).run(options)
        }
    }

    private static func api() throws -> FakeOSSAPI {
        var api = FakeOSSAPI()
        try api.addPrompt(
            type: "commands", name: "integration", text: prompt, credentials: OrchestratorSandbox.credentials)
        try api.serveSignedManifest()
        return api
    }

    @Test func fetchesTheVerifiedPromptStartsTheLogAndScansTheProject() async throws {
        let api = try Self.api()
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            let fixture = try Fixture(sandbox)
            let capture = ConsoleCapture()
            let transport = api.transport()
            let outcome = try await fixture.run(transport: transport, console: capture.console)

            #expect(outcome.prompt == Self.prompt)
            #expect(outcome.offline == false)
            #expect(outcome.project == fixture.project)
            #expect(outcome.inventory.findings.map(\.target).sorted() == ["axios", "pg"])
            #expect(outcome.text == Self.prompt + "\n" + outcome.inventory.text)
            #expect(capture.stdout.isEmpty)
            #expect(
                capture.stderr
                    == "[verify] Checking prompt integrity...\n"
                    + "[verify] Using manifest public key from OSS_MANIFEST_PUBLIC_KEY\n"
                    + "[verify] Manifest signature: valid\n[verify] Prompt hash: verified\n")
            #expect(
                Set(transport.requests.map(\.url)) == [
                    FakeOSSAPI.baseURL + "/api/v1/prompts/integration", FakeOSSAPI.manifestURL,
                ])

            // `oss-log init integration`, then the start event.
            let log = try #require(readFile(fixture.logs + "/integration.log"))
            let now = OrchestratorSandbox.now
            let rule = String(repeating: "═", count: 63)
            #expect(
                log.hasPrefix(
                    "\(rule)\n  OSS Command: /oss:integration\n  Started: \(TimeFormatter().dateTime(now))\n"
                        + "  Session: current-session\n  PID: \(getpid())\n\(rule)\n\n"))
            #expect(log.hasSuffix("[\(TimeFormatter().clock(now))] [start]\n"))
            let session = try #require(readFile(fixture.logs + "/session.log"))
            #expect(session.contains("[integration] [INIT] ════════ /oss:integration started ════════\n"))
            #expect(session.hasSuffix("[integration] [start]\n"))
            let state = try #require(OrchestratorSandbox.json(fixture.stateFile))
            #expect(state["currentCommand"] == "integration")
            #expect(state["supervisor"] == "watching")
            // The start event's analytics went to the background sender.
            let delivered = try await fixture.sandbox.deliveredRequests()
            #expect(delivered.map(\.url) == [FakeOSSAPI.baseURL + "/api/v1/analytics/track"])
        }
    }

    @Test func offlineSkipsTheKeyAndThePromptAndFiltersByBoundary() async throws {
        try await OrchestratorSandbox.with { sandbox in
            try sandbox.writeConfig(apiKey: nil)
            let fixture = try Fixture(sandbox)
            let capture = ConsoleCapture()
            let transport = FakeTransport { _ in HTTPResponse(status: 500) }
            let outcome = try await fixture.run(
                IntegrationFlow.Options(boundary: .database, offline: true), transport: transport,
                console: capture.console)
            #expect(outcome.prompt == nil)
            #expect(outcome.offline)
            #expect(outcome.inventory.findings.map(\.target) == ["pg"])
            #expect(outcome.text == outcome.inventory.text)
            #expect(outcome.json["prompt"] == .null)
            #expect(transport.requests.isEmpty)
            #expect(capture.stderr.isEmpty)
            #expect(readFile(fixture.logs + "/integration.log")?.contains("  OSS Command: /oss:integration\n") == true)
            #expect(!FileSystem.exists(fixture.sandbox.fakeSenderCalls))
        }
    }

    @Test func aMissingKeyOrProjectStopsBeforeAnySideEffect() async throws {
        try await OrchestratorSandbox.with { sandbox in
            try sandbox.writeConfig(apiKey: nil)
            var fixture = try Fixture(sandbox)
            let transport = FakeTransport { _ in HTTPResponse(status: 500) }
            await #expect(throws: IntegrationError.noAPIKey) {
                try await fixture.run(transport: transport, console: .discard)
            }
            #expect(IntegrationError.noAPIKey.exitStatus == .noPermission)

            let missing = sandbox.home + "/no-such-project"
            fixture.sandbox.variables["CLAUDE_PROJECT_DIR"] = missing
            await #expect(throws: IntegrationError.projectNotFound(path: missing)) {
                try await fixture.run(IntegrationFlow.Options(offline: true), transport: transport, console: .discard)
            }
            let file = fixture.project + "/src/api.test.ts"
            await #expect(throws: IntegrationError.projectNotFound(path: file)) {
                try await fixture.run(
                    IntegrationFlow.Options(project: file, offline: true), transport: transport, console: .discard)
            }
            #expect(IntegrationError.projectNotFound(path: file).exitStatus == .noInput)
            #expect(transport.requests.isEmpty)
            #expect(!FileSystem.exists(fixture.project + "/.oss/logs"))
            #expect(!FileSystem.exists(fixture.stateFile))
        }
    }

    @Test func serverRefusalsBecomeTheSeedMessagesAndTheFailedEvent() async throws {
        let cases: [(HTTPResponse, IntegrationError, Shared.ExitStatus)] = [
            (FakeTransport.json(["error": "Unauthorized"], status: 401), .authenticationFailed, .noPermission),
            (FakeTransport.json(["error": "Plan expired"], status: 403), .subscriptionExpired, .noPermission),
            (HTTPResponse(status: 503), .apiUnavailable, .unavailable),
            (
                FakeTransport.json(["error": "gone"], status: 404),
                .promptFailed(message: "Prompt not found", status: .unavailable), .unavailable
            ),
        ]
        for (response, expected, status) in cases {
            var api = FakeOSSAPI()
            api.reply(try FakeOSSAPI.promptURL(type: "commands", name: "integration"), response)
            try await OrchestratorSandbox.with { sandbox in
                try sandbox.storeCredentials()
                let fixture = try Fixture(sandbox)
                let capture = ConsoleCapture()
                await #expect(throws: expected) {
                    try await fixture.run(transport: api.transport(), console: capture.console)
                }
                #expect(expected.exitStatus == status)
                #expect(capture.stdout.isEmpty)
                let log = try #require(readFile(fixture.logs + "/integration.log"))
                #expect(log.hasSuffix("] [failed] reason=\(expected.reason)\n"))
                #expect(OrchestratorSandbox.json(fixture.stateFile)?["supervisor"] == "intervening")
            }
        }
    }

    @Test func aPromptThatFailsVerificationIsNotReturned() async throws {
        var api = try Self.api()
        api.reply(FakeOSSAPI.manifestURL, FakeTransport.json(try FakeOSSAPI(signer: ManifestSigner()).signedManifest()))
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            let fixture = try Fixture(sandbox)
            let capture = ConsoleCapture()
            let expected = IntegrationError.promptFailed(
                message: DecryptError.manifestSignatureFailed.description, status: .dataError)
            await #expect(throws: expected) {
                try await fixture.run(transport: api.transport(), console: capture.console)
            }
            #expect(capture.stderr.hasSuffix("[verify] Manifest signature: FAILED — prompt blocked\n"))
            #expect(expected.exitStatus == .dataError)
            #expect(
                expected.standardErrorText(tool: "oss-integration")
                    == "oss-integration: error: integration prompt not available: "
                    + "[SECURITY] Manifest signature verification FAILED. Prompt delivery blocked.\n")
        }
    }

    @Test func aPromptThatNeverArrivesTimesOutWithinTheRequestBudget() async throws {
        var api = try Self.api()
        api.hang(try FakeOSSAPI.promptURL(type: "commands", name: "integration"))
        try await OrchestratorSandbox.with(signer: api.signer) { sandbox in
            try sandbox.storeCredentials()
            sandbox.variables["OSS_HTTP_TIMEOUT"] = "0.3"
            let fixture = try Fixture(sandbox)
            let started = ContinuousClock.now
            await #expect(throws: IntegrationError.timedOut(seconds: 0.3)) {
                try await fixture.run(transport: api.transport(), console: .discard)
            }
            #expect(ContinuousClock.now - started < .seconds(10))
            #expect(IntegrationError.timedOut(seconds: 0.3).exitStatus == .tempFailure)
            #expect(OrchestratorSandbox.json(fixture.stateFile)?["supervisor"] == "intervening")
        }
    }
}
