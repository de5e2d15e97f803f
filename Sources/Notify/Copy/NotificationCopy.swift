import Shared

/// The wording of every OSS notification (compatibility.md#notification-copy): session, workflow and issue events, `{placeholder}`
/// interpolation from a context object, and the workflow chain subtitle.
///
/// Rules kept from the contract: titles are at most 20 characters (a longer interpolated title is cut to 19 plus
/// `…`); a missing or null placeholder stays literally in the text; the ideate, plan and build `complete` titles
/// point at the next command (`→ Plan`, `→ Build`, `→ Ship`); a workflow command or event not in the table gets
/// the generic title `OSS`, a non-empty generic message and no subtitle.
package enum NotificationCopy {
    /// What happened.
    package enum Kind: Equatable, Sendable {
        /// A session event (`context_restored`, `fresh_session`, `context_saved`, …).
        case session(event: String)
        /// A workflow command's event (`build` `task_complete`, …).
        case workflow(command: String, event: String)
        /// An issue detected while working (`loop_detected`, …).
        case issue(type: String)
    }

    /// The longest title, in characters.
    package static let titleLimit = 20
    /// The generic title for anything without its own copy.
    package static let genericTitle = "OSS"

    /// The notification for `kind`, with `context` interpolated. `now` and `formatter` give the default
    /// `currentDate` of the save events (`Nov 25, 09:41 PM`, local time).
    package static func make(
        _ kind: Kind, context: JSONObject, now: Timestamp, formatter: TimeFormatter
    ) -> NotificationText {
        switch kind {
        case .session(let event):
            return session(event, context: context, now: now, formatter: formatter)
        case .workflow(let command, let event):
            return workflow(command, event, context: context)
        case .issue(let type):
            return issue(type, context: context)
        }
    }

    // MARK: Session

    private static func session(
        _ event: String, context: JSONObject, now: Timestamp, formatter: TimeFormatter
    ) -> NotificationText {
        switch event {
        case "context_restored":
            let saveDate = context["saveDate"].map(javaScriptString) ?? ""
            let message =
                saveDate.isEmpty || saveDate == "unknown"
                ? "Your last session is back in context" : "Picked up from {saveDate}"
            return text("Context Restored", message, context, subtitle: branchStatus(context))
        case "fresh_session", "fresh_start":
            return text("New Session", "{project}", context)
        case "session_end", "context_saved":
            var context = context
            if context["currentDate"] == nil || context["currentDate"] == .null {
                context["currentDate"] = .string(shortDate(now, formatter: formatter))
            }
            return text("Context Saved", "Session saved {currentDate}", context, subtitle: branchStatus(context))
        default:
            return NotificationText(title: genericTitle, message: "Session update")
        }
    }

    /// `[<branch or unknown>] • <clean | N uncommitted>`.
    private static func branchStatus(_ context: JSONObject) -> String {
        let branchText = context["branch"].flatMap { $0.isNull ? nil : javaScriptString($0) } ?? ""
        let branch = branchText.isEmpty ? "unknown" : branchText
        var uncommitted = 0.0
        switch context["uncommitted"] {
        case .number(let number): uncommitted = number
        case .string(let string): uncommitted = Double(string.trimmingWhitespace) ?? 0
        default: break
        }
        let status = uncommitted > 0 ? "\(JSONValue.javaScriptNumber(uncommitted)) uncommitted" : "clean"
        return "[\(branch)] • \(status)"
    }

    /// `Nov 25, 09:41 PM` in the formatter's local time (en-US short month, day, 2-digit 12-hour clock).
    package static func shortDate(_ time: Timestamp, formatter: TimeFormatter) -> String {
        // dateTime is `YYYY-MM-DD HH:MM:SS`.
        let parts = Array(formatter.dateTime(time).utf8)
        func number(_ start: Int, _ count: Int) -> Int {
            parts[start..<start + count].reduce(0) { $0 * 10 + Int($1) - 48 }
        }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count >= 16 else { return formatter.dateTime(time) }
        let month = months[max(0, min(11, number(5, 2) - 1))]
        let hour = number(11, 2)
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        let minute = number(14, 2)
        let hourText = twelve < 10 ? "0\(twelve)" : "\(twelve)"
        let minuteText = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(month) \(number(8, 2)), \(hourText):\(minuteText) \(hour < 12 ? "AM" : "PM")"
    }

    // MARK: Workflow

    private static let workflowCopy: [String: [String: (title: String, message: String)]] = [
        "ideate": [
            "start": ("Ideating", "Exploring {idea}"),
            "complete": ("→ Plan", "{requirementsCount} requirements captured"),
            "failed": ("Ideation Failed", "Ideation stopped: {reason}"),
        ],
        "plan": [
            "start": ("Planning", "Shaping the task list"),
            "complete": ("→ Build", "{taskCount} tasks across {phases} phases"),
            "failed": ("Planning Failed", "The plan could not be finished"),
        ],
        "build": [
            "start": ("Building", "{totalTasks} tasks lined up"),
            "task_complete": ("✓ {current}/{total}", "{taskName}"),
            "complete": ("→ Ship", "{testsPass} tests passing after {duration}"),
            "failed": ("Build Failed", "Still red: {failedTest}"),
        ],
        "ship": [
            "start": ("Shipping", "Running the quality checks"),
            "quality_passed": ("Checks Passed", "{checks} checks green"),
            "pr_created": ("PR #{prNumber}", "{prTitle}"),
            "merged": ("Merged", "{branch} is merged"),
            "failed": ("Ship Blocked", "Blocked by {blocker}"),
        ],
    ]

    private static func workflow(_ command: String, _ event: String, context: JSONObject) -> NotificationText {
        guard let copy = workflowCopy[command]?[event] else {
            let message = command.isEmpty || event.isEmpty ? "Workflow update" : "/oss:\(command) \(event)"
            return NotificationText(title: genericTitle, message: message)
        }
        var context = context
        if case .array(let checks) = context["checks"] { context["checks"] = .number(Double(checks.count)) }
        let subtitle = chainSubtitle(command: command, event: event, context: context)
        return text(copy.title, copy.message, context, subtitle: subtitle)
    }

    // MARK: Issue

    private static let issueCopy: [String: (title: String, message: String)] = [
        "loop_detected": ("Loop Detected", "{toolName} ran {iterations} times in a row"),
        "tdd_violation": ("TDD Violation", "Code changed before a failing test"),
        "regression": ("Regression", "{failedTests} tests started failing"),
        "phase_stuck": ("Phase Stuck", "{phase} has run for {duration}"),
        "chain_broken": ("Chain Broken", "Run {prereq} first"),
        "explicit_failure": ("Failure Reported", "{error}"),
        "agent_failed": ("Agent Failed", "{agent} did not finish"),
    ]

    private static func issue(_ type: String, context: JSONObject) -> NotificationText {
        guard let copy = issueCopy[type] else {
            return NotificationText(title: genericTitle, message: "Something needs your attention")
        }
        return text(copy.title, copy.message, context)
    }

    // MARK: Helpers

    private static func text(
        _ title: String, _ message: String, _ context: JSONObject, subtitle: String? = nil
    ) -> NotificationText {
        var shownTitle = interpolate(title, context)
        if shownTitle.count > titleLimit { shownTitle = String(shownTitle.prefix(titleLimit - 1)) + "…" }
        return NotificationText(title: shownTitle, message: interpolate(message, context), subtitle: subtitle)
    }
}
