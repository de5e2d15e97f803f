import Shared

extension NotificationCopy {
    /// The chain steps shown in a workflow subtitle, in order.
    package static let chainSteps = ["ideate", "plan", "acceptance", "red", "green", "refactor", "integration", "ship"]
    /// The build command's steps.
    private static let buildSteps = ["acceptance", "red", "green", "refactor", "integration"]

    /// The chain subtitle: each step as `step✓` (done), `STEP` (active) or `step` (pending), joined by ` → `,
    /// prefixed `🤖✓ `/`🤖⚡ `/`🤖✗ ` for a watching/intervening/idle `supervisor` in the context.
    ///
    /// The states come from `context.chainState` when it is an object (a step it lacks, or gives another value, is
    /// pending); otherwise they are derived: for `build`, ideate and plan are done and, on `complete`/`merged`, the
    /// five build steps too, else the active step is `context.tddPhase` (when it names a build step) or
    /// `acceptance`; for `ideate`, `plan` and `ship`, earlier steps are done, the step itself done on
    /// `complete`/`merged` and active otherwise, later steps pending.
    package static func chainSubtitle(command: String, event: String, context: JSONObject) -> String {
        let states = context["chainState"]?.objectValue.map(explicitStates) ?? derivedStates(command, event, context)
        let chain = chainSteps.map { step -> String in
            switch states[step] {
            case "done": return "\(step)✓"
            case "active": return step.uppercased()
            default: return step
            }
        }.joined(separator: " → ")
        let prefix: String
        switch context["supervisor"]?.stringValue {
        case "watching": prefix = "🤖✓ "
        case "intervening": prefix = "🤖⚡ "
        case "idle": prefix = "🤖✗ "
        default: prefix = ""
        }
        return prefix + chain
    }

    private static func explicitStates(_ chainState: JSONObject) -> [String: String] {
        var states: [String: String] = [:]
        for step in chainSteps { states[step] = chainState[step]?.stringValue }
        return states
    }

    private static func derivedStates(_ command: String, _ event: String, _ context: JSONObject) -> [String: String] {
        let finished = event == "complete" || event == "merged"
        var states: [String: String] = [:]
        if command == "build" {
            states["ideate"] = "done"
            states["plan"] = "done"
            if finished {
                for step in buildSteps { states[step] = "done" }
            } else {
                let phase = context["tddPhase"]?.stringValue?.lowercased()
                let active = phase.flatMap { buildSteps.firstIndex(of: $0) } ?? 0
                for (index, step) in buildSteps.enumerated() {
                    states[step] = index < active ? "done" : index == active ? "active" : "pending"
                }
            }
            return states
        }
        guard let position = chainSteps.firstIndex(of: command) else { return states }
        for (index, step) in chainSteps.enumerated() {
            if index < position {
                states[step] = "done"
            } else if index == position {
                states[step] = finished ? "done" : "active"
            }
        }
        return states
    }
}
