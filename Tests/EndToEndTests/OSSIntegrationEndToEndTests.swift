import Foundation
import Shared
import TestSupport
import Testing
import WorkflowState

/// The `oss-integration` flow end to end: the built binary in a temp HOME against the loopback OSS API, on a copy
/// of `Examples/sample-app` (prompt + inventory, log, state, analytics; no key; offline; API errors; timeouts; the
/// `complete` and `failed` subcommands).
@Suite(.serialized, .timeLimit(.minutes(2)))
struct OSSIntegrationEndToEndTests {
    private static let prompt = "# Integration\n\nFind the mocks that hide real bugs; test against real services."
    private static let sampleApp: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)  // Tests/EndToEndTests/<file>
        return components.joined(separator: "/") + "/Examples/sample-app"
    }()

    /// A sandbox whose project is a copy of the sample app, with credentials set up and the prompt served.
    private func makeSandbox(root: String, server: OSSAPIServer) async throws -> NotifySandbox {
        let sandbox = try NotifySandbox(root: root, server: server)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.sampleApp) {
            try FileManager.default.copyItem(
                atPath: Self.sampleApp.appendingPathComponent(name),
                toPath: sandbox.project.appendingPathComponent(name))
        }
        try await sandbox.setUpCredentials()
        server.addPrompt(type: "commands", name: "integration", text: Self.prompt)
        return sandbox
    }

    /// Runs `oss-integration` in the sandbox with the server's manifest key.
    private func integration(_ sandbox: NotifySandbox, _ arguments: [String], extra: [String: String] = [:])
        async throws -> ToolResult
    {
        var variables = ["OSS_MANIFEST_PUBLIC_KEY": sandbox.server.publicKeySPKI]
        for (key, value) in extra { variables[key] = value }
        return try await sandbox.run("oss-integration", arguments, extra: variables).result
    }

    /// `oss-integration scan` of the sandbox project, for comparing the inventory part of the output.
    private func scan(_ sandbox: NotifySandbox, _ arguments: [String] = []) async throws -> String {
        let result = try await integration(sandbox, ["scan"] + arguments + [sandbox.project])
        #expect(result.status == 0, "\(result)")
        return result.stdout
    }

    private func state(_ sandbox: NotifySandbox) throws -> WorkflowState {
        try #require(WorkflowStateStore(path: sandbox.stateFile).read())
    }

    @Test func promptThenInventoryWithLogStateAndAnalytics() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try await makeSandbox(root: root, server: server)
            let result = try await integration(sandbox, [])
            #expect(result.status == 0, "\(result)")
            let inventory = try await scan(sandbox)
            #expect(inventory.hasPrefix("## Mock inventory\n"))
            #expect(inventory.contains("### Mismatch candidates (4)"))
            #expect(result.stdout == Self.prompt + "\n\n" + inventory)
            #expect(result.stderr.contains("[verify] Manifest signature: valid\n"))
            #expect(result.stderr.contains("[verify] Prompt hash: verified\n"))

            // the prompt request carried the key in its header only
            let promptRequests = server.http.requests(path: "/api/v1/prompts/integration")
            #expect(promptRequests.count == 1)
            let bearer = "Bearer \(OSSAPIServer.User.standard.apiKey)"
            #expect(promptRequests.first?.header("Authorization") == bearer)

            // oss-log init integration: the header, then the start event's line
            let log = NotifySandbox.unstamped(sandbox.commandLog("integration"))
            #expect(log.first == String(repeating: "═", count: 63))
            #expect(log.contains("  OSS Command: /oss:integration"))
            #expect(log.contains("[start]"))
            let session = NotifySandbox.unstamped(sandbox.sessionLog)
            let initLine = try #require(
                session.firstIndex(of: "[integration] [INIT] ════════ /oss:integration started ════════"))
            let startLine = try #require(session.firstIndex(of: "[integration] [start]"))
            #expect(initLine < startLine)

            // oss-notify --workflow integration start '{}': one transaction
            let state = try state(sandbox)
            #expect(state.version == 1)
            #expect(state.object["activeStep"] == "integration")
            #expect(state.object["currentCommand"] == "integration")
            #expect(state.object["supervisor"] == "watching")
            #expect(state.chainState["integration"] == "active")
            #expect(state.chainState["refactor"] == "done")
            #expect(state.chainState["contract"] == "pending")

            #expect(await NotifySandbox.eventually { server.analyticsRequests.count == 1 })
            #expect(
                server.analyticsRequests.first?.bodyText
                    == #"{"command":"integration","promptType":"command","promptName":"integration"}"#)
            #expect(await NotifySandbox.eventually { server.telegramRequests.count == 1 })
            for file in [sandbox.sessionLog, sandbox.commandLog("integration")] {
                #expect(readFile(file)?.contains(OSSAPIServer.User.standard.apiKey) == false)
            }
        }
    }

    @Test func jsonFormatWithABoundary() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try await makeSandbox(root: root, server: server)
            let result = try await integration(sandbox, ["--format", "json", "-b", "database"])
            #expect(result.status == 0, "\(result)")
            let json = try JSONValue.parse(result.stdout)
            #expect(json.objectValue?.keys == ["prompt", "offline", "project", "inventory"])
            #expect(json["prompt"] == .string(Self.prompt))
            #expect(json["offline"] == false)
            #expect(json["project"] == .string(sandbox.project))
            let inventory = try JSONValue.parse(
                try await scan(sandbox, ["--format", "json", "--boundary", "database"]))
            #expect(json["inventory"] == inventory)
            #expect(json["inventory"]?["boundary"] == "database")
        }
    }

    @Test func noAPIKeyStopsBeforeAnySideEffectAndOfflineRunsWithoutIt() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: server)
            try writeFile(sandbox.project.appendingPathComponent("users.test.ts"), "jest.mock('pg');\n")
            try writeFile(sandbox.home.appendingPathComponent(".oss/config.json"), #"{"apiUrl":"\#(server.baseURL)"}"#)

            let refused = try await integration(sandbox, [])
            #expect(refused.status == 77)
            #expect(refused.stdout == "")
            #expect(refused.stderr == "No API key found. Run: /oss:login\nRegister at https://www.oneshotship.com\n")
            #expect(!FileSystem.exists(sandbox.project.appendingPathComponent(".oss")))
            #expect(!FileSystem.exists(sandbox.home.appendingPathComponent(".oss/logs")))

            let offline = try await integration(sandbox, ["--offline"])
            #expect(offline.status == 0, "\(offline)")
            #expect(offline.stderr == "")
            #expect(offline.stdout == (try await scan(sandbox)))
            #expect(offline.stdout.contains("`users.test.ts:1` jest: `pg` (database)"))
            #expect(NotifySandbox.unstamped(sandbox.commandLog("integration")).contains("[start]"))
            #expect(try state(sandbox).object["activeStep"] == "integration")
            try await Task.sleep(nanoseconds: 300_000_000)
            #expect(server.requests.filter { !$0.path.hasPrefix("/bot") }.isEmpty)
        }
    }

    @Test func offlineWithAKeySkipsThePromptButSendsAnalytics() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try await makeSandbox(root: root, server: server)
            // A relative --project is scanned as given and reported canonical.
            let result = try await integration(sandbox, ["--offline", "--format", "json", "--project", "."])
            #expect(result.status == 0, "\(result)")
            let json = try JSONValue.parse(result.stdout)
            #expect(json["prompt"] == .null)
            #expect(json["offline"] == true)
            #expect(json["project"] == .string(sandbox.project))
            #expect(json["inventory"]?["root"] == ".")
            #expect(await NotifySandbox.eventually { server.analyticsRequests.count == 1 })
            #expect(server.http.requests(path: "/api/v1/prompts/integration").isEmpty)
            #expect(server.http.requests(path: "/api/v1/prompts/manifest").isEmpty)
        }
    }

    @Test(arguments: [
        (401, "Authentication failed. Run: /oss:login", Int32(77)),
        (403, "Subscription expired. Upgrade at: https://www.oneshotship.com/pricing", Int32(77)),
        (500, "API temporarily unavailable. Contact support@oneshotship.com", Int32(69)),
        (503, "API temporarily unavailable. Contact support@oneshotship.com", Int32(69)),
    ])
    func apiErrorsPrintTheSeedMessageAndReportFailed(status: Int, message: String, exit: Int32) async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try await makeSandbox(root: root, server: server)
            server.override(path: "/api/v1/prompts/integration", with: .json(["error": "nope"], status: status))
            let result = try await integration(sandbox, [])
            #expect(result.status == exit, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasSuffix(message + "\n"))
            #expect(!result.stderr.contains("oss-integration: error:"))
            let state = try state(sandbox)
            #expect(state.object["supervisor"] == "intervening")
            #expect(state.object["activeStep"] == "integration")
            #expect(state.version == 2)
            let log = NotifySandbox.unstamped(sandbox.commandLog("integration"))
            #expect(log.suffix(2) == ["[failed] reason=\(message)", ""])
            #expect(NotifySandbox.unstamped(sandbox.sessionLog).contains("[integration] [failed] reason=\(message)"))
        }
    }

    @Test func aHangingPromptRequestTimesOutWithStatus75() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try await makeSandbox(root: root, server: server)
            server.override(path: "/api/v1/prompts/integration", with: .hang)
            let result = try await integration(sandbox, [], extra: ["OSS_HTTP_TIMEOUT": "1"])
            #expect(result.status == 75, "\(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr.hasSuffix(
                    "oss-integration: error: the OSS API did not answer within 1 s; try again later\n"))
            #expect(try state(sandbox).object["supervisor"] == "intervening")
        }
    }

    @Test func missingProjectIs66BeforeAnySideEffect() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: server)
            let missing = root.appendingPathComponent("no-such-project")
            let result = try await integration(sandbox, ["--project", missing])
            #expect(result.status == 66)
            #expect(result.stdout == "")
            #expect(result.stderr == "oss-integration: error: no such project directory: \(missing)\n")
            #expect(!FileSystem.exists(sandbox.project.appendingPathComponent(".oss")))
            #expect(!FileSystem.exists(sandbox.home.appendingPathComponent(".oss/logs")))
            #expect(server.requests.isEmpty)
        }
    }

    @Test func completeAndFailedReportLikeOSSNotify() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try await makeSandbox(root: root, server: server)
            let chain = #"{"name":"integration","chains_to":[{"command":"contract","always":true}]}"#
            server.addWorkflow(name: "integration", json: chain)
            #expect(try await integration(sandbox, []).status == 0)

            let complete = try await integration(
                sandbox, ["complete", "--tests-pass", "7", "--boundaries", "database, api", "--duration", "4m"])
            #expect(complete.status == 0, "\(complete)")
            #expect(
                complete.stdout == "---CHAIN_COMMANDS---\nCHAIN: /oss:contract (always)\n---END_CHAIN_COMMANDS---\n")
            var state = try state(sandbox)
            #expect(state.version == 2)
            #expect(state.chainState["integration"] == "done")
            #expect(state.object["activeStep"] == .null)
            #expect(state.object["lastCommand"] == "integration")
            #expect(state.object["currentCommand"] == nil)
            var log = NotifySandbox.unstamped(sandbox.commandLog("integration"))
            #expect(log.contains("[complete] testsPass=7, boundariesTested=database, api, duration=4m"))
            #expect(log.contains("IRON LAW COMPLIANCE CHECKLIST (/oss:integration complete)"))
            #expect(
                NotifySandbox.unstamped(sandbox.sessionLog).contains(
                    "[integration] [complete] testsPass=7, boundariesTested=database, api, duration=4m"))

            // A reason may start with dashes.
            let failed = try await integration(sandbox, ["failed", "--reason", "--db did not start"])
            #expect(failed.status == 0, "\(failed)")
            #expect(failed.stdout == "")
            state = try self.state(sandbox)
            #expect(state.version == 3)
            #expect(state.object["supervisor"] == "intervening")
            log = NotifySandbox.unstamped(sandbox.commandLog("integration"))
            #expect(log.contains("[failed] reason=--db did not start"))
            #expect(await NotifySandbox.eventually { server.telegramRequests.count == 3 })
            let texts = server.telegramRequests.compactMap { try? JSONValue.parse($0.bodyText)["text"]?.stringValue }
            #expect(
                Set(texts) == [
                    "/oss:integration start", "/oss:integration complete - 7 tests passing (4m)",
                    "/oss:integration failed",
                ])
        }
    }

    @Test func completeWithoutAKeyHasNoChainBlock() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: server, telegram: false)
            FileSystem.remove(sandbox.home.appendingPathComponent(".oss/config.json"))
            let complete = try await integration(sandbox, ["complete", "--tests-pass", "0"])
            #expect(complete.status == 0, "\(complete)")
            #expect(complete.stdout == "")
            let log = NotifySandbox.unstamped(sandbox.commandLog("integration"))
            #expect(log.first == "[complete] testsPass=0")
            #expect(try state(sandbox).object["lastCommand"] == "integration")
        }
    }

    @Test func helpAndUsageErrors() async throws {
        let server = try OSSAPIServer()
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: server, telegram: false)
            let help = try await integration(sandbox, ["--help"])
            #expect(help.status == 0)
            for phrase in ["--boundary", "--project", "--format", "--offline", "complete", "failed", "Examples:"] {
                #expect(help.stdout.contains(phrase), "\(phrase)")
            }
            let short = try await integration(sandbox, ["-h"])
            #expect(short.stdout == help.stdout)
            let run = try await integration(sandbox, ["run", "--help"])
            #expect(run.status == 0)
            #expect(run.stdout.contains("--offline"))
            #expect(try await integration(sandbox, ["--format", "xml"]).status == 64)
            #expect(try await integration(sandbox, ["complete"]).status == 64)
            #expect(try await integration(sandbox, ["complete", "--tests-pass", "-3"]).status == 64)
            #expect(try await integration(sandbox, ["failed"]).status == 64)
            #expect(!FileSystem.exists(sandbox.project.appendingPathComponent(".oss")))
        }
    }
}
