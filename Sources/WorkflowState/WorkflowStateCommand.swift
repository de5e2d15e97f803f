import Shared

/// `oss-notify --state <verb> [args] [--project-dir D]`: the `update-workflow-state` CLI of compatibility.md#workflow-state-verbs without
/// node, so hooks and scripts can drive the state directly.
///
/// `--project-dir D` is accepted before the verb or after the verb's required arguments, never in their place, so a
/// message equal to `--project-dir` is kept (D30). Arguments beyond a verb's arity are ignored, as upstream does.
package enum WorkflowStateCommand {
    /// Runs one verb in one transaction and returns its confirmation, or the usage/error line and exit 1.
    package static func run(arguments: [String], environment: Environment, clock: WallClock) -> CommandOutput {
        var output = CommandOutput()
        var rest = ArraySlice(arguments)
        var projectDir: String?
        while rest.first == "--project-dir", rest.count >= 2 {
            projectDir = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        guard let name = rest.popFirst() else {
            return failure(WorkflowStateError.missingVerb)
        }
        let arity = WorkflowStateVerb.arity(of: name)
        let required = WorkflowStateVerb.requiredArity(of: name)
        var positional: [String] = []
        // Required arguments are taken verbatim; an optional one yields to a trailing `--project-dir D`.
        while positional.count < arity, let next = rest.first,
            positional.count < required || !(next == "--project-dir" && rest.count >= 2)
        {
            positional.append(next)
            rest = rest.dropFirst()
        }
        while let flag = rest.firstIndex(of: "--project-dir"), flag + 1 < rest.endIndex {
            projectDir = rest[flag + 1]
            rest = rest[(flag + 2)...]
        }
        let verb: WorkflowStateVerb
        do {
            verb = try WorkflowStateVerb.parse(name, positional)
        } catch {
            return failure(error)
        }
        let paths = OSSPaths(environment: environment)
        try? paths.prepareOSSDirectory()
        let location = WorkflowStateLocator(environment: environment, paths: paths).locate(projectDir: projectDir)
        output.report(location.warnings)
        do {
            let outcome = try WorkflowStateStore(path: location.path, clock: clock, home: paths.home).apply([verb])
            output.report(outcome.warnings)
            output.print(outcome.lines)
        } catch {
            output.report(["Error: \(error)"])
            output.status = .failure
        }
        return output
    }

    private static func failure(_ error: WorkflowStateError) -> CommandOutput {
        CommandOutput(stderr: error.description + "\n", status: error.exitStatus)
    }
}
