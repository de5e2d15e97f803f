import Shared

/// The workflow-state side effects of `oss-log phase` and `oss-log agent` (compatibility.md#log-state-effects), applied synchronously
/// and silently (the original leaked the state CLI's confirmation lines into the caller's output: D10).
package protocol WorkflowStateEffects: Sendable {
    /// `phase <cmd> RED|GREEN|REFACTOR start`: the TDD phase (lowercased) became active.
    func tddPhaseStarted(_ phase: String, environment: Environment) throws
    /// `agent <cmd> <type> "starting: <task>"`: an agent started.
    func agentStarted(type: String, task: String, environment: Environment) throws
    /// `agent <cmd> <type> "completed: …"`: the active agent finished.
    func agentCompleted(environment: Environment) throws
}
