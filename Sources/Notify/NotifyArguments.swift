/// The argv grammar of `oss-notify` (compatibility.md#notify-modes), parsed by hand because every payload is positional free text
/// that may start with `-` or `--`.
package enum NotifyArguments: Equatable, Sendable {
    /// `--workflow <cmd> <event> [ctx]`.
    case workflow(command: String, event: String, context: NotifyContext)
    /// `--session <event> [ctx]`.
    case session(event: String, context: NotifyContext)
    /// `--issue <type> [ctx]`.
    case issue(type: String, context: NotifyContext)
    /// `"Title" "Message" [priority]` (anything that is not a mode flag).
    case direct(title: String, message: String, priority: Priority)
    /// `--state <verb> [args] [--project-dir D]`: the workflow-state verbs.
    case state(arguments: [String])
    /// `--statusline`: render the status line from stdin.
    case statusLine
    /// `--hook SessionStart`: the quiet session-start state step, hook input on stdin (`SessionStartHook`).
    case sessionStartHook
    /// Hidden: `--session-update-notice <script> <state-file> <delay-seconds>`, the detached update check of a
    /// session start.
    case updateNotice(script: String, stateFile: String, delaySeconds: Int)
    /// `--help` / `-h` alone.
    case help
    /// `--version` alone.
    case version

    /// The usage text.
    package static let usage = """
        Usage: oss-notify --workflow <command> <event> [context-json]
               oss-notify --session <event> [context-json]
               oss-notify --issue <type> [context-json]
               oss-notify <title> <message> [low|normal|high|critical]
               oss-notify --state <verb> [args] [--project-dir <dir>]
               oss-notify --statusline < status-json
               oss-notify --hook SessionStart < hook-input-json

        """

    /// Parses argv (without the program name).
    /// - Throws: `NotifyUsageError` when a mode lacks a required argument.
    package static func parse(_ arguments: [String]) throws(NotifyUsageError) -> NotifyArguments {
        let rest = Array(arguments.dropFirst())
        func argument(_ index: Int) -> String? { index < rest.count ? rest[index] : nil }
        func required(_ index: Int, _ usage: String) throws(NotifyUsageError) -> String {
            guard let value = argument(index), !value.isEmpty else { throw NotifyUsageError(usage: usage) }
            return value
        }
        switch arguments.first {
        case "--workflow":
            let usage = "--workflow <command> <event> [context-json]"
            return .workflow(
                command: try required(0, usage), event: try required(1, usage), context: NotifyContext(argument(2)))
        case "--session":
            return .session(
                event: try required(0, "--session <event> [context-json]"), context: NotifyContext(argument(1)))
        case "--issue":
            return .issue(type: try required(0, "--issue <type> [context-json]"), context: NotifyContext(argument(1)))
        case "--state":
            return .state(arguments: rest)
        case "--statusline":
            return .statusLine
        case "--hook":
            guard argument(0) == "SessionStart" else { throw NotifyUsageError(usage: "--hook SessionStart") }
            return .sessionStartHook
        case "--session-update-notice":
            let usage = "--session-update-notice <script> <state-file> <delay-seconds>"
            guard let delay = Int(try required(2, usage)), delay >= 0 else { throw NotifyUsageError(usage: usage) }
            return .updateNotice(script: try required(0, usage), stateFile: try required(1, usage), delaySeconds: delay)
        case "--help" where rest.isEmpty, "-h" where rest.isEmpty:
            return .help
        case "--version" where rest.isEmpty:
            return .version
        default:
            let title = arguments.first ?? ""
            return .direct(
                title: title.isEmpty ? "Notification" : title, message: arguments.count > 1 ? arguments[1] : "",
                priority: arguments.count > 2 ? Priority(direct: arguments[2]) : .high)
        }
    }
}
