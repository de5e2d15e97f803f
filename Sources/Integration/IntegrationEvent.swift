import Notify
import Shared

/// A workflow event of `/oss:integration`, reported exactly like `oss-notify --workflow integration <event> <ctx>`.
package enum IntegrationEvent: Equatable, Sendable {
    /// The run started (`{}`).
    case start
    /// The integration tests ran: `{"testsPass": N, "boundariesTested": "…", "duration": "…"}` (the last two only
    /// when given).
    case complete(testsPass: Int, boundaries: String?, duration: String?)
    /// The run failed: `{"reason": "…"}`.
    case failed(reason: String)

    /// The workflow command the events belong to.
    package static let command = "integration"

    /// The event name (`start`, `complete`, `failed`).
    package var name: String {
        switch self {
        case .start: "start"
        case .complete: "complete"
        case .failed: "failed"
        }
    }

    /// The context object, built by the JSON encoder.
    package var context: JSONValue {
        var object = JSONObject()
        switch self {
        case .start:
            break
        case .complete(let testsPass, let boundaries, let duration):
            object["testsPass"] = .number(Double(testsPass))
            if let boundaries { object["boundariesTested"] = .string(boundaries) }
            if let duration { object["duration"] = .string(duration) }
        case .failed(let reason):
            object["reason"] = .string(reason)
        }
        return .object(object)
    }

    /// The `oss-notify` command this event is.
    package var notifyCommand: NotifyArguments {
        .workflow(command: Self.command, event: name, context: NotifyContext(context.compact))
    }

    /// Reports the event in-process through `NotifyRunner`: log line, one state transaction, background sends and,
    /// for `complete`, the checklist and chain block (on the returned stdout).
    package func report(environment: Environment, clock: WallClock = .system, workingDirectory: String?)
        -> CommandOutput
    {
        NotifyRunner(environment: environment, clock: clock, workingDirectory: workingDirectory).run(notifyCommand)
    }
}
