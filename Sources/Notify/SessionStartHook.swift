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
        var projectArguments: [String] = []
        let project = environment.nonEmpty("CLAUDE_PROJECT_DIR") ?? hookInput["cwd"]?.stringValue
        if let project, FileSystem.isDirectory(project.appendingPathComponent(".oss")) {
            projectArguments = ["--project-dir", project]
        }
        var errors = ""
        var verbs = [["prepareForNewSession"]]
        if let id = hookInput["session_id"]?.stringValue, !id.isEmpty { verbs.append(["setSessionId", id]) }
        for verb in verbs {
            let output = WorkflowStateCommand.run(
                arguments: verb + projectArguments, environment: environment, clock: clock)
            errors += output.stderr
        }
        return errors
    }

    /// Reads the hook input: at most 1 MiB, for at most 200 ms, stopping as soon as it is a whole JSON value (Claude
    /// Code does not always close a hook's stdin).
    package static func readStandardInput() -> [UInt8] {
        StdinReader().read(fd: 0) { (try? JSONValue.parse(bytes: $0)) != nil }.bytes
    }
}
