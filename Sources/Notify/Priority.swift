/// How urgent a notification is (compatibility.md#notify-modes), and whether the verbosity setting lets it through (compatibility.md#notify-filter).
package enum Priority: String, Equatable, Sendable {
    /// `task_complete`.
    case low
    /// Direct mode's explicit `normal`.
    case normal
    /// Most workflow events, every session event, direct mode's default.
    case high
    /// `failed` and every issue.
    case critical

    /// The priority of a workflow event: `task_complete` low, `failed` critical, anything else (including a missing
    /// event) high.
    package static func workflow(event: String) -> Priority {
        switch event {
        case "task_complete": return .low
        case "failed": return .critical
        default: return .high
        }
    }

    /// Direct mode's priority argument; an unknown word counts as high.
    package init(direct text: String) {
        self = Priority(rawValue: text.lowercased()) ?? .high
    }

    /// Whether `verbosity` lets this priority through: `errors-only` only critical, `important` everything but low,
    /// `all` or an unknown value everything.
    package func passes(verbosity: String) -> Bool {
        switch verbosity {
        case "errors-only": return self == .critical
        case "important": return self != .low
        default: return true
        }
    }
}
