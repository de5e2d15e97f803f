import Shared

extension WorkflowState {
    /// What one verb did: the confirmation line of compatibility.md#workflow-state-verbs and whether the document must be written.
    package struct Effect: Equatable, Sendable {
        /// The stdout confirmation (e.g. `Active step set to: build`).
        package var line: String
        /// Whether the verb counts as a write (every verb does, except `init` on an existing file).
        package var writes: Bool

        /// An effect with a confirmation line.
        package init(line: String, writes: Bool) {
            self.line = line
            self.writes = writes
        }
    }

    /// The `nextCommand` that `completeStep` sets for the main workflow commands (`.null` for ship); nil leaves it.
    package static func nextCommand(afterCompleting step: String) -> JSONValue? {
        switch step {
        case "ideate": return "plan"
        case "plan": return "build"
        case "build": return "ship"
        case "ship": return .null
        default: return nil
        }
    }

    /// Applies one verb in memory. `fileExisted` tells `init` whether there is anything to keep.
    package mutating func apply(_ verb: WorkflowStateVerb, now: Timestamp, fileExisted: Bool) -> Effect {
        switch verb {
        case .initialize:
            return Effect(line: "State initialized", writes: !fileExisted)
        case .setActiveStep(let step):
            setActiveStep(step)
            return Effect(line: "Active step set to: \(step)", writes: true)
        case .setTddPhase(let phase):
            setTddPhase(phase)
            return Effect(line: "TDD phase set to: \(phase)", writes: true)
        case .clearTddPhase:
            object["tddPhase"] = nil
            return Effect(line: "TDD phase cleared", writes: true)
        case .completeStep(let step):
            if Self.chainSteps.contains(step) { setChain(step, "done") }
            object["activeStep"] = .null
            if let next = Self.nextCommand(afterCompleting: step) { object["nextCommand"] = next }
            return Effect(line: "Step completed: \(step)", writes: true)
        case .setSupervisor(let status):
            object["supervisor"] = .string(status)
            return Effect(line: "Supervisor status set to: \(status)", writes: true)
        case .setProgress(let data):
            for key in ["currentTask", "progress", "testsPass"] {
                if let value = data[key], !value.isNull { object[key] = value }
            }
            return Effect(line: "Progress updated", writes: true)
        case .resetTddCycle:
            for step in ["red", "mock", "green", "refactor"] { setChain(step, "pending") }
            setChain("red", "active")
            object["activeStep"] = "red"
            object["tddCycle"] = .number(Double((object["tddCycle"]?.intValue ?? 1) + 1))
            return Effect(line: "TDD cycle reset - starting new iteration", writes: true)
        case .workflowComplete:
            for step in Self.chainSteps { setChain(step, "done") }
            object["supervisor"] = "idle"
            object["activeStep"] = .null
            for key in ["tddCycle", "tddPhase", "message", "notification"] { object[key] = nil }
            return Effect(line: "Workflow marked complete", writes: true)
        case .reset:
            self = Self.initial(now: now)
            return Effect(line: "State reset", writes: true)
        case .setActiveAgent(let type, let task):
            var agent = JSONObject()
            agent["type"] = .string(type)
            agent["task"] = task
            agent["startedAt"] = .string(TimeFormatter.isoUTC(now))
            object["activeAgent"] = .object(agent)
            return Effect(line: "Active agent set: \(type)", writes: true)
        case .clearActiveAgent:
            object["activeAgent"] = nil
            return Effect(line: "Active agent cleared", writes: true)
        case .setMessage(let message):
            object["message"] = .string(message)
            return Effect(line: "Message set: \(message)", writes: true)
        case .clearMessage:
            object["message"] = nil
            return Effect(line: "Message cleared", writes: true)
        case .setCurrentCommand(let command):
            object["currentCommand"] = .string(command)
            return Effect(line: "Current command set to: \(command)", writes: true)
        case .clearCurrentCommand:
            object["currentCommand"] = nil
            return Effect(line: "Current command cleared", writes: true)
        case .setNextCommand(let command):
            object["nextCommand"] = .string(command)
            return Effect(line: "Next command set to: \(command)", writes: true)
        case .clearNextCommand:
            object["nextCommand"] = .null
            return Effect(line: "Next command cleared", writes: true)
        case .setNotification(let message, let ttl):
            object["notification"] = [
                "message": .string(message),
                "expiresAt": .string(TimeFormatter.isoUTC(now.adding(seconds: Int64(ttl)))),
            ]
            return Effect(line: "Notification set: \(message) (expires in \(ttl)s)", writes: true)
        case .clearNotification:
            object["notification"] = nil
            return Effect(line: "Notification cleared", writes: true)
        case .clearProgress:
            for key in ["progress", "currentTask", "testsPass"] { object[key] = nil }
            return Effect(line: "Progress cleared", writes: true)
        case .prepareForNewSession:
            for key in [
                "progress", "currentTask", "testsPass", "message", "notification", "tddPhase", "currentCommand",
                "sessionId", "activeAgent", "issue",
            ] {
                object[key] = nil
            }
            object["activeStep"] = .null
            object["supervisor"] = "watching"
            return Effect(line: "Session state prepared", writes: true)
        case .setSessionId(let id):
            object["sessionId"] = .string(id)
            return Effect(line: "Session ID set: \(id)", writes: true)
        case .setLastCommand(let command):
            object["lastCommand"] = .string(command)
            return Effect(line: "Last command set to: \(command)", writes: true)
        case .clearLastCommand:
            object["lastCommand"] = nil
            return Effect(line: "Last command cleared", writes: true)
        case .setWorkflowComplete(let complete):
            object["workflowComplete"] = complete ? .bool(true) : nil
            return Effect(line: "Workflow complete set to: \(complete)", writes: true)
        case .setIssue(let type, let message):
            object["issue"] = [
                "type": .string(type), "message": .string(message), "at": .string(TimeFormatter.isoUTC(now)),
            ]
            return Effect(line: "Issue set: \(type)", writes: true)
        case .clearIssue:
            object["issue"] = nil
            return Effect(line: "Issue cleared", writes: true)
        }
    }

    private mutating func setChain(_ step: String, _ status: String) {
        var chain = chainState
        chain[step] = .string(status)
        chainState = chain
    }

    /// `build` is the umbrella of the build phases; chain steps are marked in order; any other step (review, debug,
    /// quick, …) only becomes `activeStep` and leaves `chainState` untouched (contract D28).
    private mutating func setActiveStep(_ step: String) {
        object["workflowComplete"] = nil
        if step == "build" {
            object["activeStep"] = "build"
            setChain("ideate", "done")
            setChain("plan", "done")
            setChain("acceptance", "active")
            for phase in ["red", "mock", "green", "refactor", "integration", "contract", "ship"] {
                setChain(phase, "pending")
            }
            return
        }
        if let index = Self.chainSteps.firstIndex(of: step) {
            for (offset, name) in Self.chainSteps.enumerated() {
                setChain(name, offset < index ? "done" : offset == index ? "active" : "pending")
            }
        }
        object["activeStep"] = .string(step)
    }

    /// Build phases are marked in order after ideate and plan; an unknown phase changes nothing in `chainState`
    /// (the D28 rule applied to phases).
    private mutating func setTddPhase(_ phase: String) {
        guard let index = Self.buildPhases.firstIndex(of: phase) else { return }
        setChain("ideate", "done")
        setChain("plan", "done")
        for (offset, name) in Self.buildPhases.enumerated() {
            setChain(name, offset < index ? "done" : offset == index ? "active" : "pending")
        }
        if Self.tddPhases.contains(phase) { object["tddPhase"] = .string(phase) }
    }
}
