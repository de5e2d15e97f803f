import Notify
import Shared
import Testing
import WorkflowState

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The per-event plans of compatibility.md#notify-workflow/compatibility.md#notify-session-issue/compatibility.md#notify-direct: log line, state verbs, checklist, chain, requests, audio.
struct NotifyPlanTests {
    static let now = Timestamp(milliseconds: 1_764_000_000_000)

    static func inputs(
        _ configure: (inout Settings) -> Void = { _ in }, config: OSSConfig = OSSConfig(),
        which: @escaping @Sendable (String) -> String? = { _ in nil }
    ) -> NotifyPlan.Inputs {
        var settings = Settings()
        configure(&settings)
        return NotifyPlan.Inputs(
            settings: settings, config: config, now: now, formatter: TimeFormatter(zone: .fixed(offsetSeconds: 0)),
            telegramBaseURL: "http://127.0.0.1:9", platform: .linux, which: which)
    }

    static func telegramOn(_ settings: inout Settings) {
        settings.notificationsTelegramEnabled = true
        settings.telegramEnabled = true
        settings.telegramBotToken = "1:a"
        settings.telegramChatId = "7"
    }

    private func workflow(
        _ command: String, _ event: String, _ context: String? = nil, inputs: NotifyPlan.Inputs = inputs()
    )
        -> NotifyPlan
    {
        NotifyPlan.workflow(command: command, event: event, context: NotifyContext(context), inputs: inputs)
    }

    @Test(arguments: [
        ("build", [WorkflowStateVerb.setNextCommand("ship")]), ("ideate", [.setNextCommand("plan")]),
        ("plan", [.setNextCommand("build")]), ("ship", [.clearNextCommand]), ("review", []),
    ])
    func startSequence(_ command: String, _ tail: [WorkflowStateVerb]) {
        let plan = workflow(command, "start", "{}")
        #expect(plan.log == .write(command: command, message: "[start]"))
        #expect(
            plan.verbs == [
                .setActiveStep(command), .setCurrentCommand(command), .setSupervisor("watching"), .clearTddPhase,
                .clearLastCommand, .setWorkflowComplete(false), .clearProgress,
            ] + tail)
        #expect(plan.checklist == nil)
        #expect(plan.chainCommand == nil)
        #expect(plan.requests.isEmpty)
    }

    @Test(arguments: [
        ("build", [WorkflowStateVerb.setNextCommand("ship")]), ("ideate", [.setNextCommand("plan")]),
        ("plan", [.setNextCommand("build")]), ("ship", [.clearNextCommand, .setWorkflowComplete(true)]),
        ("integration", []),
    ])
    func completeSequence(_ command: String, _ tail: [WorkflowStateVerb]) {
        let plan = workflow(command, "complete", "{\"testsPass\": 5}")
        #expect(plan.log == .write(command: command, message: "[complete] testsPass=5"))
        #expect(
            plan.verbs == [.completeStep(command), .clearCurrentCommand, .clearTddPhase, .setLastCommand(command)]
                + tail)
        #expect(plan.checklist == command)
        #expect(plan.chainCommand == command)
    }

    @Test func mergedFailedAndOtherEvents() {
        #expect(workflow("ship", "merged").verbs == [.reset])
        #expect(workflow("ship", "merged").checklist == "ship")
        #expect(workflow("build", "merged").verbs == [.completeStep("build")])
        #expect(workflow("build", "failed").verbs == [.setSupervisor("intervening")])
        #expect(workflow("build", "milestone", "{\"name\":\"m\"}").verbs.isEmpty)
        #expect(
            workflow("build", "milestone", "{\"name\":\"m\"}").log
                == .write(command: "build", message: "[milestone] name=m"))
    }

    @Test func taskCompleteBuildsProgressWithAnEncoder() {
        let plan = workflow(
            "build", "task_complete",
            "{\"current\":3,\"total\":10,\"taskName\":\"Add \\\"login\\\"\",\"tddPhase\":\"GREEN\"}")
        #expect(
            plan.verbs == [
                .setTddPhase("green"), .setProgress(["progress": "3/10", "currentTask": "Add \"login\""]),
            ])
        #expect(workflow("build", "task_complete").verbs.isEmpty)
        #expect(workflow("build", "task_complete", "garbage").verbs.isEmpty)
        #expect(workflow("build", "task_complete", "{\"current\":2}").verbs == [.setProgress(["progress": "2"])])
    }

    @Test func analyticsOnStartOnlyWithAKeyAndASafeURL() throws {
        let config = OSSConfig(apiKey: "ak_secret", apiURL: "http://127.0.0.1:4000/")
        let plan = workflow("build", "start", inputs: Self.inputs(config: config))
        let request = try #require(plan.requests.first)
        #expect(request.url == "http://127.0.0.1:4000/api/v1/analytics/track")
        #expect(
            request.headers == [
                HTTPHeader("Authorization", "Bearer ak_secret"), HTTPHeader("Content-Type", "application/json"),
            ])
        #expect(request.body == #"{"command":"build","promptType":"command","promptName":"build"}"#)
        #expect(workflow("build", "complete", inputs: Self.inputs(config: config)).requests.isEmpty)
        #expect(workflow("build", "start", inputs: Self.inputs(config: OSSConfig())).requests.isEmpty)
        let plain = OSSConfig(apiKey: "ak", apiURL: "http://api.example.com")
        #expect(workflow("build", "start", inputs: Self.inputs(config: plain)).requests.isEmpty)
        let quoted = NotifyPlan.analyticsRequest(command: "a\"b", config: config)
        #expect(quoted?.body == #"{"command":"a\"b","promptType":"command","promptName":"a\"b"}"#)
    }

    @Test func telegramNeedsBothFlagsAndPassesTheFilter() throws {
        let on = Self.inputs(Self.telegramOn)
        let complete = try #require(workflow("build", "complete", "{\"testsPass\":9}", inputs: on).requests.first)
        #expect(complete.url == "http://127.0.0.1:9/bot1:a/sendMessage")
        #expect(complete.body.contains(#""text":"/oss:build complete - 9 tests passing""#))
        // important (default) skips low
        #expect(workflow("build", "task_complete", inputs: on).requests.isEmpty)
        let errorsOnly = Self.inputs {
            Self.telegramOn(&$0)
            $0.verbosity = "errors-only"
        }
        #expect(workflow("build", "complete", inputs: errorsOnly).requests.isEmpty)
        #expect(workflow("build", "failed", inputs: errorsOnly).requests.count == 1)
        let all = Self.inputs {
            Self.telegramOn(&$0)
            $0.verbosity = "all"
        }
        #expect(workflow("build", "task_complete", inputs: all).requests.count == 1)
        let silent = Self.inputs {
            Self.telegramOn(&$0)
            $0.style = "none"
        }
        #expect(workflow("build", "complete", inputs: silent).requests.isEmpty)
        let firstFlagOnly = Self.inputs {
            Self.telegramOn(&$0)
            $0.telegramEnabled = false
        }
        #expect(workflow("build", "complete", inputs: firstFlagOnly).requests.isEmpty)
        let secondFlagOnly = Self.inputs {
            Self.telegramOn(&$0)
            $0.notificationsTelegramEnabled = false
        }
        #expect(workflow("build", "complete", inputs: secondFlagOnly).requests.isEmpty)
        let noChat = Self.inputs {
            Self.telegramOn(&$0)
            $0.telegramChatId = ""
        }
        #expect(workflow("build", "complete", inputs: noChat).requests.isEmpty)
        #expect(workflow("integration", "milestone", inputs: on).requests.count == 1)
    }

    @Test func sessionEvents() {
        let restored = NotifyPlan.session(
            event: "context_restored", context: NotifyContext("{\"saveDate\":\"2h ago\"}"), inputs: Self.inputs())
        #expect(restored.log == .session(event: "context_restored", text: "{\"saveDate\":\"2h ago\"}"))
        #expect(
            restored.verbs == [
                .setSupervisor("watching"), .setNotification(message: "Picked up from 2h ago", ttlSeconds: 10),
            ])
        #expect(restored.updateCheck)
        let fresh = NotifyPlan.session(
            event: "fresh_start", context: NotifyContext("{\"project\":\"web\"}"), inputs: Self.inputs())
        #expect(fresh.verbs == [.setSupervisor("watching"), .setNotification(message: "web", ttlSeconds: 10)])
        let saved = NotifyPlan.session(event: "context_saved", context: NotifyContext(nil), inputs: Self.inputs())
        #expect(saved.log == .session(event: "context_saved", text: "{}"))
        #expect(saved.verbs == [.setSupervisor("idle")])
        #expect(!saved.updateCheck)
        #expect(
            NotifyPlan.session(event: "session_end", context: NotifyContext(nil), inputs: Self.inputs()).verbs.isEmpty)
    }

    @Test func issueSetsTheIssueWhenThereIsAMessage() {
        let plan = NotifyPlan.issue(type: "loop_detected", context: NotifyContext("{\"message\":\"Read ×5\"}"))
        #expect(plan.log == .write(command: "issue", message: "[loop_detected] {\"message\":\"Read ×5\"}"))
        #expect(plan.verbs == [.setSupervisor("intervening"), .setIssue(type: "loop_detected", message: "Read ×5")])
        let bare = NotifyPlan.issue(type: "tdd_violation", context: NotifyContext(nil))
        #expect(bare.log == .write(command: "issue", message: "[tdd_violation] {}"))
        #expect(bare.verbs == [.setSupervisor("intervening")])
    }

    @Test func directModeSpeaksOrPlaysFilteredByVerbosity() {
        let which: @Sendable (String) -> String? = { $0 == "spd-say" ? "/usr/bin/spd-say" : nil }
        let audio = Self.inputs({ $0.style = "audio" }, which: which)
        #expect(
            NotifyPlan.direct(message: "-done", priority: .high, inputs: audio).audio == [
                "/usr/bin/spd-say", "--", "-done",
            ])
        #expect(NotifyPlan.direct(message: "x", priority: .low, inputs: audio).audio == nil)
        let visual = Self.inputs(which: which)
        #expect(NotifyPlan.direct(message: "x", priority: .critical, inputs: visual).audio == nil)
        #expect(NotifyPlan.direct(message: "x", priority: .critical, inputs: visual).verbs.isEmpty)
        #expect(NotifyPlan.direct(message: "x", priority: .critical, inputs: visual).log == nil)
    }
}
