import Shared

/// Turns what the status line read (workflow state, queue, iron-law state, branch, the time) into the segments of
/// compatibility.md#status-line-segments. Pure: no I/O, so every rule is unit-testable.
///
/// Segments, in order: health, model and project, branch, workflow, agent, supervisor, issue, queue, notification.
/// The issue segment (`⚠️ <type>: <message>`, contract D17 fixed) is ours: it shows the state's `issue` while its
/// `at` lies within the last ten minutes. The idle layout (no current command or active step, no agent type, no TDD
/// phase) keeps health, model and project, branch, workflow, issue, the queue only when critical, and the
/// notification. Text from the files is made single-line: control characters become spaces.
package struct StatusLineRenderer: Sendable {
    /// The model's display name.
    package var modelName: String
    /// The project's name (basename of its directory); empty for none.
    package var projectName: String
    /// The workflow state (`{}` when missing or unreadable).
    package var state: JSONValue
    /// `queue.json`, if one was read.
    package var queue: JSONValue?
    /// `~/.oss/iron-law-state.json`, if it was read.
    package var ironLaw: JSONValue?
    /// The checked-out branch, nil when none (no repository, detached `HEAD`).
    package var branch: String?
    /// The current time.
    package var now: Timestamp

    /// How long an issue stays on the status line.
    package static let issueLifetimeSeconds: Int64 = 600
    /// Longer queue task names are cut to this many characters plus `...`.
    package static let taskNameLimit = 20
    /// Longer issue messages are cut to this many characters plus `...`.
    package static let issueMessageLimit = 30

    /// A renderer over everything the status line read.
    package init(
        modelName: String = "Claude", projectName: String = "", state: JSONValue = .object(JSONObject()),
        queue: JSONValue? = nil, ironLaw: JSONValue? = nil, branch: String? = nil, now: Timestamp
    ) {
        self.modelName = modelName
        self.projectName = projectName
        self.state = state
        self.queue = queue
        self.ironLaw = ironLaw
        self.branch = branch
        self.now = now
    }

    /// The line: the non-empty segments joined by ` | ` (no newline).
    package func render() -> String {
        segments().joined(separator: " | ")
    }

    /// The non-empty segments of the active or idle layout, in order.
    package func segments() -> [String] {
        var result = [health(), modelAndProject()]
        if let branch = branchSegment() { result.append(branch) }
        if let workflow = workflow() { result.append(workflow) }
        if isIdle {
            if let issue = issue() { result.append(issue) }
            if let queue = queueSegment(), queue.hasPrefix("🚨") { result.append(queue) }
        } else {
            if let agent = agent() { result.append(agent) }
            if let supervisor = supervisor() { result.append(supervisor) }
            if let issue = issue() { result.append(issue) }
            if let queue = queueSegment() { result.append(queue) }
        }
        if let notification = notification() { result.append(notification) }
        return result
    }

    /// Whether the idle layout applies: no current command or active step, no agent type, no TDD phase.
    package var isIdle: Bool {
        currentCommand == nil && text(state["activeAgent"]?["type"]) == nil && text(state["tddPhase"]) == nil
    }

    // MARK: Segments

    /// Segment 1: `⛔ LAW#4` on main/master, else a state health violation, else the first unresolved non-#4
    /// violation of the iron-law file, else `✅`.
    package func health() -> String {
        if branch == "main" || branch == "master" { return "⛔ LAW#4" }
        if state["health"]?["status"]?.stringValue == "violation", let law = text(state["health"]?["violatedLaw"]) {
            return "⛔ LAW#\(law)"
        }
        for violation in ironLaw?["violations"]?.arrayValue ?? [] where violation["resolved"]?.boolValue != true {
            if let law = text(violation["law"]), law != "4" { return "⛔ LAW#\(law)" }
        }
        return "✅"
    }

    /// Segment 2: `[<model>] <project>`, or `[<model>]` without a project.
    package func modelAndProject() -> String {
        let model = Self.singleLine(modelName)
        let project = Self.singleLine(projectName)
        return project.isEmpty ? "[\(model)]" : "[\(model)] \(project)"
    }

    /// Segment 3: `⚠️ <branch>` on main/master, `🌿 <branch>` elsewhere, nil without a branch.
    package func branchSegment() -> String? {
        guard let branch, !branch.isEmpty else { return nil }
        let name = Self.singleLine(branch)
        return branch == "main" || branch == "master" ? "⚠️ \(name)" : "🌿 \(name)"
    }

    /// Segment 4: the workflow position (first rule that applies, compatibility.md#status-line-segments).
    package func workflow() -> String? {
        if state["workflowComplete"]?.boolValue == true { return "→ DONE" }
        let progress = text(state["progress"])
        let next = text(state["nextCommand"])
        if let phase = text(state["tddPhase"]) {
            let shown: String
            switch phase.lowercased() {
            case "red": shown = "🔴"
            case "green": shown = "🟢"
            case "refactor": shown = "🔄"
            default: shown = phase
            }
            return progress.map { "TDD: \(shown) \($0)" } ?? "TDD: \(shown)"
        }
        if let current = currentCommand {
            if let progress { return "\(current) \(progress)" }
            if let next, next != current { return "\(current) → \(next)" }
            return current
        }
        if let last = text(state["lastCommand"]) {
            return next.map { "\(last) → \($0)" } ?? "\(last) ✓"
        }
        return next.map { "→ \($0)" }
    }

    /// Segment 5: `🤖 <type>` for the active agent.
    package func agent() -> String? {
        text(state["activeAgent"]?["type"]).map { "🤖 \($0)" }
    }

    /// Segment 6: `⚡` while intervening, `✓` while watching.
    package func supervisor() -> String? {
        switch state["supervisor"]?.stringValue {
        case "intervening": return "⚡"
        case "watching": return "✓"
        default: return nil
        }
    }

    /// The issue segment: `⚠️ <type>: <message>` while the issue's `at` is at most ten minutes old (a minute of
    /// clock skew into the future is tolerated); `type` defaults to `issue`.
    package func issue() -> String? {
        guard let issue = state["issue"], issue.objectValue != nil,
            let atText = issue["at"]?.stringValue, let at = TimeFormatter.parseISO(atText)
        else { return nil }
        let age = now.seconds - at.seconds
        guard age <= Self.issueLifetimeSeconds, age >= -60 else { return nil }
        let type = text(issue["type"])
        guard let message = text(issue["message"]) else { return type.map { "⚠️ \($0)" } }
        return "⚠️ \(type ?? "issue"): \(Self.cut(message, to: Self.issueMessageLimit))"
    }

    /// Segment 7: the task queue from the state's `queueSummary`, else from `queue.json` (pending tasks).
    package func queueSegment() -> String? {
        if let summary = state["queueSummary"], summary.objectValue != nil {
            let top = text(summary["topTask"])
            if let critical = Self.count(summary["criticalCount"]), critical > 0 {
                return Self.queueText("🚨", critical, top)
            }
            if let pending = Self.count(summary["pendingCount"]), pending > 0 {
                return Self.queueText("📋", pending, top)
            }
        }
        let pending = (queue?["tasks"]?.arrayValue ?? []).filter { $0["status"]?.stringValue == "pending" }
        let critical = pending.filter { $0["priority"]?.stringValue == "critical" }
        if let first = critical.first {
            return Self.queueText("🚨", critical.count, text(first["description"]))
        }
        if let first = pending.first {
            return Self.queueText("📋", pending.count, text(first["description"]))
        }
        return nil
    }

    /// Segment 8: `📣 <message>` while `expiresAt` is later than now (whole epoch seconds; unparsable = expired).
    package func notification() -> String? {
        guard let message = text(state["notification"]?["message"]),
            let expires = state["notification"]?["expiresAt"]?.stringValue.flatMap(TimeFormatter.parseISO),
            expires.seconds > now.seconds
        else { return nil }
        return "📣 \(message)"
    }

    // MARK: Helpers

    /// `currentCommand`, else `activeStep`.
    private var currentCommand: String? {
        text(state["currentCommand"]) ?? text(state["activeStep"])
    }

    /// A field that is "set": a non-empty string or a number, made single-line.
    private func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let string) where !string.isEmpty: return Self.singleLine(string)
        case .number: return value?.displayText
        default: return nil
        }
    }

    private static func queueText(_ icon: String, _ count: Int, _ top: String?) -> String {
        guard let top else { return "\(icon)\(count)" }
        return "\(icon)\(count): \(cut(top, to: taskNameLimit))"
    }

    /// A count from a number or a numeric string.
    private static func count(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let number) where number.isFinite && abs(number) < 1e15: return Int(number)
        case .string(let string): return Int(string.trimmingWhitespace)
        default: return nil
        }
    }

    /// `text` cut to `limit` characters (grapheme clusters) plus `...` when longer.
    package static func cut(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "..." : text
    }

    /// `text` with control characters and line/paragraph separators replaced by spaces, so the output stays one
    /// line and carries no terminal escape sequences.
    package static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isControl(scalar) ? " " : scalar) }
        return String(scalars)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
