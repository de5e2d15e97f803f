import Shared

/// One workflow-state mutation (compatibility.md#workflow-state-verbs, plus `setIssue`/`clearIssue` for D17), with its arguments parsed.
package enum WorkflowStateVerb: Equatable, Sendable {
    /// Write the default state only when the file is absent.
    case initialize
    /// Mark a step active in chain order (non-chain steps leave `chainState` alone, D28).
    case setActiveStep(String)
    /// Mark a build phase active; `tddPhase` only for red/green/refactor.
    case setTddPhase(String)
    /// Remove `tddPhase`.
    case clearTddPhase
    /// Mark a chain step done, clear `activeStep`, advance `nextCommand`.
    case completeStep(String)
    /// Set `supervisor` (not validated).
    case setSupervisor(String)
    /// Copy `currentTask`, `progress`, `testsPass` from the object when present.
    case setProgress(JSONObject)
    /// Start a new red/green/refactor iteration.
    case resetTddCycle
    /// Mark all 14 steps done and go idle.
    case workflowComplete
    /// Replace the whole file with the default state.
    case reset
    /// `activeAgent` = `{type, task, startedAt}`.
    case setActiveAgent(type: String, task: JSONValue?)
    /// Remove `activeAgent`.
    case clearActiveAgent
    /// Set `message`.
    case setMessage(String)
    /// Remove `message`.
    case clearMessage
    /// Set `currentCommand`.
    case setCurrentCommand(String)
    /// Remove `currentCommand`.
    case clearCurrentCommand
    /// Set `nextCommand`.
    case setNextCommand(String)
    /// Set `nextCommand` to null.
    case clearNextCommand
    /// `notification` = `{message, expiresAt: now + ttl}`.
    case setNotification(message: String, ttlSeconds: Int)
    /// Remove `notification`.
    case clearNotification
    /// Remove `progress`, `currentTask`, `testsPass`.
    case clearProgress
    /// Clear the per-session fields (including a stale `activeAgent`, D29, and `issue`).
    case prepareForNewSession
    /// Set `sessionId`.
    case setSessionId(String)
    /// Set `lastCommand`.
    case setLastCommand(String)
    /// Remove `lastCommand`.
    case clearLastCommand
    /// `true` sets `workflowComplete: true`; anything else removes the key.
    case setWorkflowComplete(Bool)
    /// `issue` = `{type, message, at}` (D17: the status line shows it).
    case setIssue(type: String, message: String)
    /// Remove `issue`.
    case clearIssue

    /// The command-line name of every verb.
    package static let names = [
        "init", "setActiveStep", "setTddPhase", "clearTddPhase", "completeStep", "setSupervisor", "setProgress",
        "resetTddCycle", "workflowComplete", "reset", "setActiveAgent", "clearActiveAgent", "setMessage",
        "clearMessage", "setCurrentCommand", "clearCurrentCommand", "setNextCommand", "clearNextCommand",
        "setNotification", "clearNotification", "clearProgress", "prepareForNewSession", "setSessionId",
        "setLastCommand", "clearLastCommand", "setWorkflowComplete", "setIssue", "clearIssue",
    ]

    /// How many positional arguments a verb takes at most (the rest of argv is not consumed by it).
    package static func arity(of name: String) -> Int {
        switch name {
        case "setNotification", "setIssue": return 2
        case "setActiveStep", "setTddPhase", "completeStep", "setSupervisor", "setProgress", "setActiveAgent",
            "setMessage", "setCurrentCommand", "setNextCommand", "setSessionId", "setLastCommand",
            "setWorkflowComplete":
            return 1
        default: return 0
        }
    }

    /// How many of a verb's positional arguments are required.
    package static func requiredArity(of name: String) -> Int {
        switch name {
        case "setProgress", "setWorkflowComplete": return 0
        case "setNotification", "setIssue": return 1
        default: return arity(of: name)
        }
    }

    /// Parses a verb and its positional arguments (already separated from `--project-dir`).
    /// - Throws: `WorkflowStateError` for an unknown verb, a missing argument, bad JSON or a bad TTL.
    package static func parse(_ name: String, _ arguments: [String]) throws(WorkflowStateError) -> WorkflowStateVerb {
        func required(_ index: Int, _ usage: String) throws(WorkflowStateError) -> String {
            guard index < arguments.count else { throw .missingArgument(verb: name, usage: "\(name) \(usage)") }
            return arguments[index]
        }
        switch name {
        case "init": return .initialize
        case "setActiveStep": return .setActiveStep(try required(0, "<step>"))
        case "setTddPhase": return .setTddPhase(try required(0, "<phase>").lowercased())
        case "clearTddPhase": return .clearTddPhase
        case "completeStep": return .completeStep(try required(0, "<step>"))
        case "setSupervisor": return .setSupervisor(try required(0, "<status>"))
        case "setProgress":
            let text = arguments.first ?? "{}"
            guard let object = (try? JSONValue.parse(text))?.objectValue else {
                throw .invalidJSON(verb: name, detail: "expected a JSON object, got \(text)")
            }
            return .setProgress(object)
        case "resetTddCycle": return .resetTddCycle
        case "workflowComplete": return .workflowComplete
        case "reset": return .reset
        case "setActiveAgent":
            let text = try required(0, "<json {\"type\",\"task\"}>")
            guard let object = (try? JSONValue.parse(text))?.objectValue,
                let type = object["type"]?.stringValue
            else {
                throw .invalidJSON(verb: name, detail: "expected a JSON object with a string \"type\", got \(text)")
            }
            return .setActiveAgent(type: type, task: object["task"])
        case "clearActiveAgent": return .clearActiveAgent
        case "setMessage": return .setMessage(try required(0, "<message>"))
        case "clearMessage": return .clearMessage
        case "setCurrentCommand": return .setCurrentCommand(try required(0, "<command>"))
        case "clearCurrentCommand": return .clearCurrentCommand
        case "setNextCommand": return .setNextCommand(try required(0, "<command>"))
        case "clearNextCommand": return .clearNextCommand
        case "setNotification":
            let message = try required(0, "<message> [ttlSeconds]")
            guard arguments.count > 1 else { return .setNotification(message: message, ttlSeconds: 10) }
            guard let ttl = parseLeadingInteger(arguments[1]) else { throw .invalidTTL(arguments[1]) }
            return .setNotification(message: message, ttlSeconds: ttl)
        case "clearNotification": return .clearNotification
        case "clearProgress": return .clearProgress
        case "prepareForNewSession": return .prepareForNewSession
        case "setSessionId": return .setSessionId(try required(0, "<id>"))
        case "setLastCommand": return .setLastCommand(try required(0, "<command>"))
        case "clearLastCommand": return .clearLastCommand
        case "setWorkflowComplete": return .setWorkflowComplete(arguments.first == "true")
        case "setIssue":
            let type = try required(0, "<type> [message]")
            return .setIssue(type: type, message: arguments.count > 1 ? arguments[1] : "")
        case "clearIssue": return .clearIssue
        default: throw .unknownVerb(name)
        }
    }

    /// JavaScript `parseInt(text, 10)`: optional leading whitespace and sign, then the leading digits; nil without
    /// digits (or on overflow).
    package static func parseLeadingInteger(_ text: String) -> Int? {
        var scalars = Substring(text.trimmingWhitespace).unicodeScalars[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        let digits = scalars.prefix { $0 >= "0" && $0 <= "9" }
        guard !digits.isEmpty, let value = Int(String(String.UnicodeScalarView(digits))) else { return nil }
        return negative ? -value : value
    }
}
