import Shared

/// Why a workflow-state command could not run. Every case exits 1, as `update-workflow-state` does (compatibility.md#workflow-state-verbs).
package enum WorkflowStateError: ReportableError, Equatable {
    /// No verb was given.
    case missingVerb
    /// The verb is not one of compatibility.md#workflow-state-verbs (plus `setIssue`/`clearIssue`).
    case unknownVerb(String)
    /// A required argument is missing; carries the verb's usage line.
    case missingArgument(verb: String, usage: String)
    /// A JSON argument does not parse or has the wrong shape.
    case invalidJSON(verb: String, detail: String)
    /// A TTL that does not start with an integer (contract D30: upstream threw a RangeError).
    case invalidTTL(String)

    package var description: String {
        switch self {
        case .missingVerb:
            return "Usage: oss-notify --state <command> [args] [--project-dir <dir>]"
        case .unknownVerb(let verb):
            return "Unknown command: \(verb)"
        case .missingArgument(_, let usage):
            return "Usage: oss-notify --state \(usage)"
        case .invalidJSON(let verb, let detail):
            return "Error: \(verb): \(detail)"
        case .invalidTTL(let text):
            return "Error: setNotification: TTL must be a whole number of seconds, got \"\(text)\""
        }
    }

    package var exitStatus: ExitStatus { .failure }
}
