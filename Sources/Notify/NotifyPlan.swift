import Shared
import WorkflowState

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything one `oss-notify` call will do, decided without side effects (compatibility.md#notify-workflow, compatibility.md#notify-session-issue, compatibility.md#notify): the
/// log line, the state verbs (applied as one transaction), the checklist and chain trigger, the background HTTP
/// requests and the audible notification.
package struct NotifyPlan: Equatable, Sendable {
    /// A log write.
    package enum LogLine: Equatable, Sendable {
        /// oss-log's `write`: `<cmd>.log` and session.log.
        case write(command: String, message: String)
        /// One session.log line `[ts] [session] [<event>] <raw ctx>` (written once: D23).
        case session(event: String, text: String)
    }

    /// The log write, if any.
    package var log: LogLine?
    /// The state verbs, in order, for one transaction.
    package var verbs: [WorkflowStateVerb] = []
    /// The command whose iron-law checklist runs after the state update.
    package var checklist: String?
    /// The command whose chain block is printed (`complete` only).
    package var chainCommand: String?
    /// Background HTTP requests (analytics, Telegram), delivered detached.
    package var requests: [OutboxRequest] = []
    /// The argv of an audible notification (direct mode), run detached.
    package var audio: [String]?
    /// Whether a session start runs the background update check.
    package var updateCheck = false

    /// The inputs a plan depends on.
    package struct Inputs: Sendable {
        /// `~/.oss/settings.json`.
        package var settings: Settings
        /// `~/.oss/config.json` (analytics).
        package var config: OSSConfig
        /// Now.
        package var now: Timestamp
        /// Local-time formatting for copy dates.
        package var formatter: TimeFormatter
        /// The Telegram Bot API base URL.
        package var telegramBaseURL: String
        /// The platform whose audio tools are used.
        package var platform: AudioPlayer.Platform
        /// Finds an executable on PATH.
        package var which: @Sendable (String) -> String?

        /// Inputs with every field given.
        package init(
            settings: Settings, config: OSSConfig, now: Timestamp, formatter: TimeFormatter = TimeFormatter(),
            telegramBaseURL: String = TelegramMessage.defaultBaseURL, platform: AudioPlayer.Platform = .current,
            which: @escaping @Sendable (String) -> String? = { _ in nil }
        ) {
            self.settings = settings
            self.config = config
            self.now = now
            self.formatter = formatter
            self.telegramBaseURL = telegramBaseURL
            self.platform = platform
            self.which = which
        }
    }

    /// An empty plan.
    package init() {}

    /// The plan of a workflow event.
    package static func workflow(
        command: String, event: String, context: NotifyContext, inputs: Inputs
    ) -> NotifyPlan {
        var plan = NotifyPlan()
        if !command.isEmpty {
            plan.log = .write(command: command, message: "[\(event)]\(ContextSummary.summarize(context))")
        }
        switch event {
        case "start":
            plan.verbs = [
                .setActiveStep(command), .setCurrentCommand(command), .setSupervisor("watching"), .clearTddPhase,
                .clearLastCommand, .setWorkflowComplete(false), .clearProgress,
            ]
            switch command {
            case "ideate": plan.verbs.append(.setNextCommand("plan"))
            case "plan": plan.verbs.append(.setNextCommand("build"))
            case "build": plan.verbs.append(.setNextCommand("ship"))
            case "ship": plan.verbs.append(.clearNextCommand)
            default: break
            }
            if let analytics = analyticsRequest(command: command, config: inputs.config) {
                plan.requests.append(analytics)
            }
        case "complete":
            plan.verbs = [.completeStep(command), .clearCurrentCommand, .clearTddPhase, .setLastCommand(command)]
            switch command {
            case "ideate": plan.verbs.append(.setNextCommand("plan"))
            case "plan": plan.verbs.append(.setNextCommand("build"))
            case "build": plan.verbs.append(.setNextCommand("ship"))
            case "ship": plan.verbs += [.clearNextCommand, .setWorkflowComplete(true)]
            default: break
            }
            plan.checklist = command
            plan.chainCommand = command
        case "merged":
            plan.verbs = command == "ship" ? [.reset] : [.completeStep(command)]
            plan.checklist = command
        case "failed":
            plan.verbs = [.setSupervisor("intervening")]
        case "task_complete":
            if let phase = context.text("tddPhase") { plan.verbs.append(.setTddPhase(phase.lowercased())) }
            if let current = context.text("current") {
                var progress = JSONObject()
                progress["progress"] = .string(context.text("total").map { "\(current)/\($0)" } ?? current)
                if let task = context.text("taskName") { progress["currentTask"] = .string(task) }
                plan.verbs.append(.setProgress(progress))
            }
        default:
            break
        }
        if let telegram = telegramRequest(command: command, event: event, context: context, inputs: inputs) {
            plan.requests.append(telegram)
        }
        return plan
    }

    /// The plan of a session event.
    package static func session(event: String, context: NotifyContext, inputs: Inputs) -> NotifyPlan {
        var plan = NotifyPlan()
        plan.log = .session(event: event, text: context.raw)
        switch event {
        case "context_restored", "fresh_start":
            plan.verbs = [.setSupervisor("watching")]
            let copy = NotificationCopy.make(
                .session(event: event), context: context.members, now: inputs.now, formatter: inputs.formatter)
            if !copy.message.isEmpty { plan.verbs.append(.setNotification(message: copy.message, ttlSeconds: 10)) }
            plan.updateCheck = true
        case "context_saved":
            plan.verbs = [.setSupervisor("idle")]
        default:
            break
        }
        return plan
    }

    /// The plan of an issue.
    package static func issue(type: String, context: NotifyContext) -> NotifyPlan {
        var plan = NotifyPlan()
        plan.log = .write(command: "issue", message: "[\(type)] \(context.raw)")
        plan.verbs = [.setSupervisor("intervening")]
        if let message = context.text("message") { plan.verbs.append(.setIssue(type: type, message: message)) }
        return plan
    }

    /// The plan of a direct notification: only the audible part, filtered by verbosity (D24).
    package static func direct(message: String, priority: Priority, inputs: Inputs) -> NotifyPlan {
        var plan = NotifyPlan()
        guard priority.passes(verbosity: inputs.settings.verbosity) else { return plan }
        plan.audio = AudioPlayer.command(
            style: inputs.settings.style, message: message, settings: inputs.settings, platform: inputs.platform,
            which: inputs.which)
        return plan
    }

    /// The analytics POST of a workflow start (compatibility.md#analytics), when an API key is configured and the URL is https or
    /// loopback; the body is built by the JSON encoder (D16).
    package static func analyticsRequest(command: String, config: OSSConfig) -> OutboxRequest? {
        guard let key = config.apiKey else { return nil }
        var base = config.apiURL
        while base.hasSuffix("/") { base.removeLast() }
        let url = base + "/api/v1/analytics/track"
        guard URLPolicy.isAllowed(url) else { return nil }
        let body: JSONValue = [
            "command": .string(command), "promptType": "command", "promptName": .string(command),
        ]
        return OutboxRequest(
            method: "POST", url: url,
            headers: [HTTPHeader("Authorization", "Bearer \(key)"), HTTPHeader("Content-Type", "application/json")],
            body: body.compact)
    }

    /// The Telegram send of a workflow event: the verbosity/style filter (compatibility.md#notify-filter), both enable flags with a bot
    /// token and chat id (D22), and a non-empty notification copy (compatibility.md#notification-copy).
    package static func telegramRequest(
        command: String, event: String, context: NotifyContext, inputs: Inputs
    ) -> OutboxRequest? {
        let settings = inputs.settings
        guard Priority.workflow(event: event).passes(verbosity: settings.verbosity), settings.style != "none",
            settings.notificationsTelegramEnabled, settings.telegramEnabled, !settings.telegramBotToken.isEmpty,
            !settings.telegramChatId.isEmpty
        else { return nil }
        let copy = NotificationCopy.make(
            .workflow(command: command, event: event), context: context.members, now: inputs.now,
            formatter: inputs.formatter)
        guard !copy.message.isEmpty else { return nil }
        return TelegramMessage.request(
            text: TelegramMessage.text(command: command, event: event, context: context), settings: settings,
            baseURL: inputs.telegramBaseURL)
    }
}
