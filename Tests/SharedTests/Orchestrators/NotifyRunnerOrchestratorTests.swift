import Notify
import Shared
import SharedCrypto
import TestSupport
import Testing

/// `NotifyRunner` in process: log lines, the state transaction, the outbox handed to the background sender, the
/// iron-law checklist and the chain block. `oss-decrypt` is replaced by the sandbox's fake sender, so the network side
/// is observed without a network.
@Suite(.timeLimit(.minutes(1)))
struct NotifyRunnerOrchestratorTests {
    private static let formatter = TimeFormatter(zone: .fixed(offsetSeconds: 0))
    /// `HH:MM:SS` of the sandbox clock.
    private static let clock = "21:25:57"
    private static let iso = TimeFormatter.isoUTC(OrchestratorSandbox.now)

    /// A sandbox with a project (`CLAUDE_PROJECT_DIR`, with its `.oss/`) and the fake sender.
    private struct Fixture {
        var sandbox: OrchestratorSandbox
        var project: String { sandbox.home + "/project" }
        var logs: String { project + "/.oss/logs/current-session" }
        var stateFile: String { project + "/.oss/workflow-state.json" }
        var calls: String { sandbox.fakeSenderCalls }
        var chainLog: String { sandbox.paths.globalLogsDir + "/chain-trigger.log" }

        init(_ sandbox: OrchestratorSandbox) throws {
            self.sandbox = sandbox
            try FileSystem.createDirectories(sandbox.home + "/project/.oss")
            try self.sandbox.installFakeSender()
            self.sandbox.variables["CLAUDE_PROJECT_DIR"] = project
        }

        func run(_ command: NotifyArguments) -> CommandOutput {
            NotifyRunner(
                environment: sandbox.environment, clock: sandbox.clock, workingDirectory: project,
                formatter: NotifyRunnerOrchestratorTests.formatter, executable: nil
            ).run(command)
        }
    }

    private static func workflow(_ command: String, _ event: String, _ context: String? = nil) -> NotifyArguments {
        .workflow(command: command, event: event, context: NotifyContext(context))
    }

    @Test func workflowStartLogsUpdatesStateAndHandsTheAnalyticsToTheSender() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let fixture = try Fixture(sandbox)
            let output = fixture.run(Self.workflow("build", "start"))
            #expect(output == CommandOutput())

            #expect(readFile(fixture.logs + "/build.log") == "[\(Self.clock)] [start]\n")
            #expect(readFile(fixture.logs + "/session.log") == "[\(Self.clock)] [build] [start]\n")
            let state = try #require(OrchestratorSandbox.json(fixture.stateFile))
            #expect(state["activeStep"] == "build")
            #expect(state["currentCommand"] == "build")
            #expect(state["nextCommand"] == "ship")
            #expect(state["supervisor"] == "watching")

            let requests = try await fixture.sandbox.deliveredRequests()
            #expect(
                requests == [
                    OutboxRequest(
                        method: "POST", url: FakeOSSAPI.baseURL + "/api/v1/analytics/track",
                        headers: [
                            HTTPHeader("Authorization", "Bearer \(OrchestratorSandbox.credentials.apiKey)"),
                            HTTPHeader("Content-Type", "application/json"),
                        ],
                        body: #"{"command":"build","promptType":"command","promptName":"build"}"#)
                ])
            // The key travels in the 0600 file, never on the sender's argv.
            let calls = try #require(readFile(fixture.calls))
            #expect(calls.hasPrefix("--deliver \(sandbox.paths.outboxDir)/"))
            #expect(!calls.contains(OrchestratorSandbox.credentials.apiKey))
            #expect(FileSystem.listDirectory(sandbox.paths.outboxDir).isEmpty)
        }
    }

    @Test func workflowCompleteRecordsTheChecklistAndPrintsTheServerChain() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let fixture = try Fixture(sandbox)
            try writeFile(
                sandbox.home + "/workflow-config.json",
                #"{"chains_to":[{"command":"server-step","always":true},{"command":"team:review","condition":"has_ui"}]}"#
            )
            let output = fixture.run(Self.workflow("plan", "complete", #"{"testsPass":12}"#))
            #expect(
                output.stdout == """
                    ---CHAIN_COMMANDS---
                    CHAIN: /oss:server-step (always)
                    CHAIN: /oss:oss-custom review (condition: has_ui)
                    ---END_CHAIN_COMMANDS---

                    """)
            #expect(output.stderr.isEmpty)
            #expect(output.status == .success)
            #expect(readFile(fixture.calls) == "--workflow-config plan\n")

            let planLog = try #require(readFile(fixture.logs + "/plan.log"))
            #expect(planLog.hasPrefix("[\(Self.clock)] [complete] testsPass=12\n\n[\(Self.clock)] ═"))
            #expect(planLog.contains("IRON LAW COMPLIANCE CHECKLIST (/oss:plan complete)\n"))
            let session = try #require(readFile(fixture.logs + "/session.log"))
            #expect(session.hasPrefix("[\(Self.clock)] [plan] [complete] testsPass=12\n"))
            #expect(session.contains("[\(Self.clock)] [plan] [IRON_LAW] CHECKLIST: "))
            let state = try #require(OrchestratorSandbox.json(fixture.stateFile))
            #expect(state["lastCommand"] == "plan")
            #expect(state["nextCommand"] == "build")
            #expect(state["currentCommand"] == nil)
            // The sender's stderr is appended to chain-trigger.log (which the redirection creates); it said nothing.
            #expect(readFile(fixture.chainLog) == "")
        }
    }

    @Test func aFailedConfigFetchFallsBackToTheBuiltInChain() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let fixture = try Fixture(sandbox)
            let output = fixture.run(Self.workflow("plan", "complete"))
            #expect(
                output.stdout == "---CHAIN_COMMANDS---\nCHAIN: /oss:acceptance (always)\n---END_CHAIN_COMMANDS---\n")
            // The sender's stderr and the reason both land in chain-trigger.log.
            #expect(
                readFile(fixture.chainLog) == """
                    fake: no workflow config
                    [\(Self.iso)] plan: workflow config not fetched (exit status 3); using the built-in chain

                    """)
        }
    }

    @Test func withoutAnAPIKeyNothingIsSentAndNoChainIsPrinted() async throws {
        try await OrchestratorSandbox.with { sandbox in
            try sandbox.writeConfig(apiKey: nil)
            let fixture = try Fixture(sandbox)
            #expect(fixture.run(Self.workflow("build", "start")) == CommandOutput())
            let complete = fixture.run(Self.workflow("build", "complete"))
            #expect(complete.stdout.isEmpty)
            #expect(complete.stderr.isEmpty)
            #expect(readFile(fixture.chainLog) == "[\(Self.iso)] build: No API key configured. Run /oss:login\n")
            #expect(!FileSystem.exists(fixture.calls))
            #expect(!FileSystem.exists(sandbox.paths.outboxDir))
        }
    }

    @Test func aMissingSenderIsReportedAndLeavesNoOutboxFile() async throws {
        try await OrchestratorSandbox.with { sandbox in
            var fixture = try Fixture(sandbox)
            fixture.sandbox.variables["OSS_DECRYPT_BIN"] = sandbox.home + "/no-such-oss-decrypt"
            let output = fixture.run(Self.workflow("build", "start"))
            #expect(output.stdout.isEmpty)
            #expect(output.stderr == "oss-notify: warning: oss-decrypt not found; analytics and Telegram not sent\n")
            #expect(FileSystem.listDirectory(sandbox.paths.outboxDir).isEmpty)
            // The rest of the event still happened.
            #expect(OrchestratorSandbox.json(fixture.stateFile)?["currentCommand"] == "build")
        }
    }

    @Test func issuesAndSessionEventsUpdateStateAndTheSessionLog() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let fixture = try Fixture(sandbox)
            let issue = fixture.run(
                .issue(type: "tdd_violation", context: NotifyContext(#"{"message":"test written after code"}"#)))
            #expect(issue == CommandOutput())
            var state = try #require(OrchestratorSandbox.json(fixture.stateFile))
            #expect(state["supervisor"] == "intervening")
            #expect(
                state["issue"]
                    == [
                        "type": "tdd_violation", "message": "test written after code", "at": .string(Self.iso),
                    ])
            #expect(
                readFile(fixture.logs + "/issue.log")
                    == "[\(Self.clock)] [tdd_violation] {\"message\":\"test written after code\"}\n")

            let saved = fixture.run(.session(event: "context_saved", context: NotifyContext(nil)))
            #expect(saved == CommandOutput())
            state = try #require(OrchestratorSandbox.json(fixture.stateFile))
            #expect(state["supervisor"] == "idle")
            let session = try #require(readFile(fixture.logs + "/session.log"))
            #expect(session.hasSuffix("[\(Self.clock)] [session] [context_saved] {}\n"))
            #expect(!FileSystem.exists(fixture.calls))
        }
    }

    @Test func anInvalidCommandNameIsReportedAndNeverReachesTheSender() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let fixture = try Fixture(sandbox)
            let output = fixture.run(Self.workflow("../escape", "complete"))
            #expect(output.stdout == "")
            let lines = output.stderr.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines.first?.hasPrefix("oss-notify: warning: log not written: ") == true)
            #expect(lines.last?.hasPrefix("oss-log: ") == true)
            #expect(
                readFile(fixture.chainLog)
                    == "[\(Self.iso)] ../escape: not a valid workflow name; using the built-in chain\n")
            #expect(!FileSystem.exists(fixture.calls))
            #expect(!FileSystem.exists(sandbox.home + "/escape.log"))
        }
    }

    @Test func aMalformedSettingsFileIsReportedOnce() async throws {
        try await OrchestratorSandbox.with { sandbox in
            let fixture = try Fixture(sandbox)
            try writeFile(sandbox.paths.settingsFile, "{not json")
            let output = fixture.run(.issue(type: "loop", context: NotifyContext(nil)))
            #expect(output.stdout.isEmpty)
            #expect(output.stderr.hasPrefix("oss-notify: "))
            #expect(output.stderr.contains(sandbox.paths.settingsFile))
            #expect(output.stderr.split(separator: "\n").count == 1)
            #expect(OrchestratorSandbox.json(fixture.stateFile)?["supervisor"] == "intervening")
        }
    }
}
