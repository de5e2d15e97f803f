import Shared
import WorkflowState

/// `oss-notify --hook SessionStart`: the session-start state step for Claude Code's hook manifest.
///
/// It reads the hook input on stdin (`source`, `cwd`, `session_id`; capped and time-limited), prepares the workflow
/// state for a new session (as `--state prepareForNewSession` does) only when the session is new (`startup`, `clear`,
/// or no source given) — never on `resume` or `compact`, which continue the running workflow — records the
/// session id, and prints nothing to stdout: Claude Code adds a SessionStart hook's stdout to the model's context.
/// Problems go to stderr and the exit status stays 0 (hooks fail open).
package enum SessionStartHook {
    /// Sources after which the state is left alone.
    static let continuingSources: Set<String> = ["resume", "compact"]

    /// Runs the step on the given hook input; returns the stderr text (empty when all went well).
    package static func run(input: [UInt8], environment: Environment, clock: WallClock) -> String {
        let hookInput = (try? JSONValue.parse(bytes: input)) ?? .object(JSONObject())
        if let source = hookInput["source"]?.stringValue, continuingSources.contains(source) { return "" }
        let project = environment.nonEmpty("CLAUDE_PROJECT_DIR") ?? hookInput["cwd"]?.stringValue
        let projectDir = project.flatMap { FileSystem.isDirectory($0.appendingPathComponent(".oss")) ? $0 : nil }
        var verbs: [WorkflowStateVerb] = [.prepareForNewSession]
        if let id = hookInput["session_id"]?.stringValue, !id.isEmpty { verbs.append(.setSessionId(id)) }
        let location = WorkflowStateLocator(environment: environment, paths: OSSPaths(environment: environment))
            .locate(projectDir: projectDir)
        var errors = location.warnings.map { $0 + "\n" }.joined()
        do {
            // One transaction for both verbs: one write, one version bump.
            let outcome = try WorkflowStateStore(path: location.path, clock: clock).apply(verbs)
            errors += outcome.warnings.map { $0 + "\n" }.joined()
        } catch {
            errors += "Error: \(error)\n"
        }
        return errors
    }

    /// Reads the hook input: at most 1 MiB, for at most 200 ms, stopping as soon as it is a whole JSON value (Claude
    /// Code does not always close a hook's stdin).
    package static func readStandardInput() -> [UInt8] {
        StdinReader().read(fd: 0) { (try? JSONValue.parse(bytes: $0)) != nil }.bytes
    }
}
