import Shared
import WorkflowState

/// oss-log's `phase`/`agent` side effects (compatibility.md#log-state-effects) applied in-process, each as one silent transaction on the
/// same state file `oss-notify` uses (no confirmation lines reach the caller: D10).
package struct StoredWorkflowStateEffects: WorkflowStateEffects {
    /// The working directory (for the git fallback of `phase`).
    package var workingDirectory: String?
    /// The clock stamping the state.
    package var clock: WallClock
    /// Receives warnings (a corrupt file moved aside, a rejected project path).
    package var report: @Sendable (String) -> Void

    /// Side effects for the running oss-log process: resolved from its working directory, warnings on `console`'s
    /// stderr as `oss-log: warning: …`.
    package init(reportingTo console: Console) {
        self.init(workingDirectory: FileSystem.realPath(".")) { console.errorLine("oss-log: warning: \($0)") }
    }

    /// Side effects resolved from `workingDirectory`, reporting warnings to `report`.
    package init(
        workingDirectory: String?, clock: WallClock = .system, report: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.workingDirectory = workingDirectory
        self.clock = clock
        self.report = report
    }

    package func tddPhaseStarted(_ phase: String, environment: Environment) throws {
        try apply([.setTddPhase(phase.lowercased())], environment: environment, gitFallback: true)
    }

    package func agentStarted(type: String, task: String, environment: Environment) throws {
        try apply(
            [.setSupervisor("intervening"), .setActiveAgent(type: type, task: .string(task))],
            environment: environment, gitFallback: false)
    }

    package func agentCompleted(environment: Environment) throws {
        try apply([.clearActiveAgent, .setSupervisor("watching")], environment: environment, gitFallback: false)
    }

    private func apply(_ verbs: [WorkflowStateVerb], environment: Environment, gitFallback: Bool) throws {
        let paths = OSSPaths(environment: environment)
        let location = WorkflowStateLocator(environment: environment, paths: paths)
            .locateForHook(cwd: workingDirectory, gitFallback: gitFallback)
        location.warnings.forEach(report)
        let outcome = try WorkflowStateStore(path: location.path, clock: clock, home: paths.home).apply(verbs)
        outcome.warnings.forEach(report)
    }
}
