import Foundation
import Shared
import TestSupport
import Testing
import WorkflowState

/// `oss-notify` end to end: the built binaries in a temp HOME against a loopback OSS API and Telegram endpoint.
@Suite(.serialized)
struct OSSNotifyEndToEndTests {
    private static let apiKey = OSSAPIServer.User.standard.apiKey
    private static let buildChain = #"""
        {"name":"build","chains_to":[{"command":"review","condition":"has_ui"},
         {"command":"team:security-audit","always":true}]}
        """#

    /// The state file with its (real-clock) `lastUpdate` replaced by a marker, for byte comparison.
    private func stateText(_ sandbox: NotifySandbox) throws -> String {
        let text = try #require(readFile(sandbox.stateFile))
        let stamp = try #require(try JSONValue.parse(text)["lastUpdate"]?.stringValue)
        #expect(TimeFormatter.parseISO(stamp) != nil)
        return text.replacingOccurrences(of: stamp, with: "<now>")
    }

    private func telegramTexts(_ server: OSSAPIServer) -> [String] {
        server.telegramRequests.compactMap { try? JSONValue.parse($0.bodyText)["text"]?.stringValue }
    }

    @Test func buildStartTaskCompleteCompleteFailed() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: server)
            try await sandbox.setUpCredentials()
            server.addWorkflow(name: "build", json: Self.buildChain)

            // start: state, analytics with the key in a header only, Telegram (high passes "important")
            let (start, startSeconds) = try await sandbox.run("oss-notify", ["--workflow", "build", "start", "{}"])
            #expect(start.status == 0)
            #expect(start.stdout == "")
            #expect(start.stderr == "")
            #expect(startSeconds < 2)
            #expect(
                try stateText(sandbox) == """
                    {
                      "version": 1,
                      "supervisor": "watching",
                      "activeStep": "build",
                      "chainState": {
                        "ideate": "done",
                        "requirements": "pending",
                        "apiDesign": "pending",
                        "dataModel": "pending",
                        "adr": "pending",
                        "plan": "done",
                        "acceptance": "active",
                        "red": "pending",
                        "mock": "pending",
                        "green": "pending",
                        "refactor": "pending",
                        "integration": "pending",
                        "contract": "pending",
                        "ship": "pending"
                      },
                      "tddCycle": 1,
                      "lastUpdate": "<now>",
                      "currentCommand": "build",
                      "nextCommand": "ship"
                    }
                    """)
            #expect(
                await NotifySandbox.eventually {
                    server.analyticsRequests.count == 1 && server.telegramRequests.count == 1
                })
            let analytics = try #require(server.analyticsRequests.first)
            #expect(analytics.method == "POST")
            #expect(analytics.header("Authorization") == "Bearer \(Self.apiKey)")
            #expect(analytics.header("Content-Type") == "application/json")
            #expect(analytics.bodyText == #"{"command":"build","promptType":"command","promptName":"build"}"#)
            let telegram = try #require(server.telegramRequests.first)
            #expect(telegram.path == "/bot123456:TEST-token_x/sendMessage")
            #expect(telegram.bodyText == #"{"chat_id":"42","text":"/oss:build start","parse_mode":"Markdown"}"#)

            // task_complete: TDD phase and progress (quotes survive), no Telegram at low priority
            let context = #"{"current":3,"total":10,"taskName":"Add \"login\"","tddPhase":"red"}"#
            let (task, _) = try await sandbox.run("oss-notify", ["--workflow", "build", "task_complete", context])
            #expect(task.status == 0)
            #expect(task.stdout == "")
            let afterTask = try #require(WorkflowStateStore(path: sandbox.stateFile).read())
            #expect(afterTask.version == 2)
            #expect(afterTask.object["progress"] == "3/10")
            #expect(afterTask.object["currentTask"] == "Add \"login\"")
            #expect(afterTask.object["tddPhase"] == "red")
            #expect(afterTask.chainState["red"] == "active")

            // complete: checklist, chain block from the server config, Telegram with suffixes
            let (complete, _) = try await sandbox.run(
                "oss-notify", ["--workflow", "build", "complete", #"{"testsPass":42,"duration":"5m"}"#])
            #expect(complete.status == 0)
            #expect(
                complete.stdout == """
                    ---CHAIN_COMMANDS---
                    CHAIN: /oss:review (condition: has_ui)
                    CHAIN: /oss:oss-custom security-audit (always)
                    ---END_CHAIN_COMMANDS---

                    """)
            #expect(server.http.requests(path: "/api/v1/workflows/build").count == 1)
            #expect(
                try stateText(sandbox) == """
                    {
                      "version": 3,
                      "supervisor": "watching",
                      "activeStep": null,
                      "chainState": {
                        "ideate": "done",
                        "requirements": "pending",
                        "apiDesign": "pending",
                        "dataModel": "pending",
                        "adr": "pending",
                        "plan": "done",
                        "acceptance": "done",
                        "red": "active",
                        "mock": "pending",
                        "green": "pending",
                        "refactor": "pending",
                        "integration": "pending",
                        "contract": "pending",
                        "ship": "pending"
                      },
                      "tddCycle": 1,
                      "lastUpdate": "<now>",
                      "nextCommand": "ship",
                      "currentTask": "Add \\"login\\"",
                      "progress": "3/10",
                      "lastCommand": "build"
                    }
                    """)
            #expect(await NotifySandbox.eventually { server.telegramRequests.count == 2 })

            // failed: supervisor intervening, Telegram with the blocker
            let (failed, _) = try await sandbox.run(
                "oss-notify", ["--workflow", "build", "failed", #"{"blocker":"CI red"}"#])
            #expect(failed.status == 0)
            #expect(failed.stdout == "")
            #expect(WorkflowStateStore(path: sandbox.stateFile).read()?.object["supervisor"] == "intervening")
            #expect(WorkflowStateStore(path: sandbox.stateFile).read()?.version == 4)
            #expect(await NotifySandbox.eventually { server.telegramRequests.count == 3 })
            #expect(
                telegramTexts(server) == [
                    "/oss:build start", "/oss:build complete - 42 tests passing (5m)", "/oss:build failed - CI red",
                ])
            #expect(server.analyticsRequests.count == 1)

            let buildLog = NotifySandbox.unstamped(sandbox.commandLog("build"))
            #expect(
                buildLog.prefix(3) == [
                    "[start]", #"[task_complete] current=3, total=10, taskName=Add "login", tddPhase=red"#,
                    "[complete] testsPass=42, duration=5m",
                ])
            #expect(buildLog.contains("IRON LAW COMPLIANCE CHECKLIST (/oss:build complete)"))
            #expect(buildLog.contains("[failed] blocker=CI red"))
            let session = NotifySandbox.unstamped(sandbox.sessionLog)
            #expect(session.contains("[build] [start]"))
            #expect(session.contains("[build] [complete] testsPass=42, duration=5m"))
            #expect(
                session.contains {
                    $0.hasPrefix("[build] [IRON_LAW] CHECKLIST: ") && $0.hasSuffix("/4 automated checks passed")
                })
            #expect(session.contains("[build] [failed] blocker=CI red"))
            // nothing secret reached a log, and the outbox was consumed
            for log in [sandbox.sessionLog, sandbox.commandLog("build"), sandbox.home + "/.oss/logs/chain-trigger.log"]
            {
                #expect(readFile(log)?.contains(Self.apiKey) != true)
            }
            #expect(await NotifySandbox.eventually { FileSystem.listDirectory(sandbox.home + "/.oss/outbox").isEmpty })
        }
    }

    @Test func integrationStartCompleteFailed() async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: server)
            try await sandbox.setUpCredentials()

            let (start, _) = try await sandbox.run("oss-notify", ["--workflow", "integration", "start", "{}"])
            #expect(start.status == 0)
            #expect(start.stdout == "")
            #expect(
                try stateText(sandbox) == """
                    {
                      "version": 1,
                      "supervisor": "watching",
                      "activeStep": "integration",
                      "chainState": {
                        "ideate": "done",
                        "requirements": "done",
                        "apiDesign": "done",
                        "dataModel": "done",
                        "adr": "done",
                        "plan": "done",
                        "acceptance": "done",
                        "red": "done",
                        "mock": "done",
                        "green": "done",
                        "refactor": "done",
                        "integration": "active",
                        "contract": "pending",
                        "ship": "pending"
                      },
                      "tddCycle": 1,
                      "lastUpdate": "<now>",
                      "currentCommand": "integration"
                    }
                    """)
            #expect(await NotifySandbox.eventually { server.analyticsRequests.count == 1 })
            #expect(
                server.analyticsRequests.first?.bodyText
                    == #"{"command":"integration","promptType":"command","promptName":"integration"}"#)

            // No server config and no built-in chain for integration: no block at all.
            let (complete, _) = try await sandbox.run(
                "oss-notify",
                ["--workflow", "integration", "complete", #"{"testsPass": 7, "boundariesTested": "db, api"}"#])
            #expect(complete.status == 0)
            #expect(complete.stdout == "")
            #expect(server.http.requests(path: "/api/v1/workflows/integration").count == 1)
            let state = try #require(WorkflowStateStore(path: sandbox.stateFile).read())
            #expect(state.chainState["integration"] == "done")
            #expect(state.object["activeStep"] == .null)
            #expect(state.object["lastCommand"] == "integration")
            #expect(state.object["currentCommand"] == nil)
            #expect(state.object["nextCommand"] == nil)

            let (failed, _) = try await sandbox.run(
                "oss-notify", ["--workflow", "integration", "failed", #"{"reason":"db down"}"#])
            #expect(failed.status == 0)
            #expect(WorkflowStateStore(path: sandbox.stateFile).read()?.object["supervisor"] == "intervening")
            #expect(await NotifySandbox.eventually { server.telegramRequests.count == 3 })
            #expect(
                Set(telegramTexts(server)) == [
                    "/oss:integration start", "/oss:integration complete - 7 tests passing", "/oss:integration failed",
                ])
            let log = NotifySandbox.unstamped(sandbox.commandLog("integration"))
            #expect(log.contains("[complete] testsPass=7, boundariesTested=db, api"))
            #expect(log.contains("[failed] reason=db down"))
        }
    }

    @Test func hangingServerDelaysNeitherStartNorTheCaller() async throws {
        let api = try OSSAPIServer()
        try await api.start()
        defer { Task { await api.stop() } }
        try await TestHTTPServer.withServer({
            $0.route("POST", "/*") { _ in .hang }
            $0.route("GET", "/*") { _ in .hang }
        }) { hanging in
            try await withTemporaryDirectory { root in
                let sandbox = try NotifySandbox(root: root, server: api)
                try await sandbox.setUpCredentials()
                try sandbox.writeConfig(apiURL: hanging.baseURL)
                let extra = ["OSS_TELEGRAM_API_URL": hanging.baseURL]
                // The wall time covers the caller reading stdout/stderr to EOF: a sender holding them would show.
                let (start, seconds) = try await sandbox.run(
                    "oss-notify", ["--workflow", "build", "start", "{}"], extra: extra)
                #expect(start.status == 0)
                #expect(seconds < 1)
                #expect(await NotifySandbox.eventually(5) { hanging.requests.count == 2 })
                #expect(WorkflowStateStore(path: sandbox.stateFile).read()?.object["activeStep"] == "build")
                // complete waits for the chain config at most ~10 s, then uses the built-in chain
                let (complete, completeSeconds) = try await sandbox.run(
                    "oss-notify", ["--workflow", "build", "complete", "{}"], extra: extra)
                #expect(complete.status == 0)
                #expect(completeSeconds < 13)
                #expect(
                    complete.stdout
                        == "---CHAIN_COMMANDS---\nCHAIN: /oss:context-report (always)\n---END_CHAIN_COMMANDS---\n")
            }
        }
    }

    @Test func deadServerFallsBackToTheBuiltInChainAtOnce() async throws {
        let api = try OSSAPIServer()
        try await api.start()
        defer { Task { await api.stop() } }
        let dead = try TestHTTPServer()
        try await dead.start()
        let deadURL = dead.baseURL
        await dead.stop()
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: api)
            try await sandbox.setUpCredentials()
            try sandbox.writeConfig(apiURL: deadURL)
            let (complete, seconds) = try await sandbox.run("oss-notify", ["--workflow", "ideate", "complete", "{}"])
            #expect(complete.status == 0)
            #expect(seconds < 5)
            #expect(complete.stdout.hasPrefix("---CHAIN_COMMANDS---\nCHAIN: /oss:requirements (always)\n"))
            #expect(WorkflowStateStore(path: sandbox.stateFile).read()?.object["nextCommand"] == "plan")
        }
    }

    @Test func noAPIKeyMeansNoChainBlockAndNoAnalytics() async throws {
        let api = try OSSAPIServer()
        try await api.start()
        defer { Task { await api.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: api, telegram: false)
            FileSystem.remove(sandbox.home + "/.oss/config.json")
            let (start, _) = try await sandbox.run("oss-notify", ["--workflow", "build", "start"])
            #expect(start.status == 0)
            let (complete, _) = try await sandbox.run("oss-notify", ["--workflow", "build", "complete"])
            #expect(complete.stdout == "")
            #expect(
                readFile(sandbox.home + "/.oss/logs/chain-trigger.log")?.contains(
                    "build: No API key configured. Run /oss:login") == true)
            try await Task.sleep(nanoseconds: 300_000_000)
            #expect(api.requests.isEmpty)
            // a missing context is logged as nothing, not as '{}' (D13)
            #expect(NotifySandbox.unstamped(sandbox.commandLog("build")).prefix(2) == ["[start]", "[complete]"])
        }
    }
}
