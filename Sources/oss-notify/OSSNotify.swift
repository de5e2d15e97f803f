import Notify
import Shared
import StatusLine
import WorkflowState

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `oss-notify`: workflow, session, issue and direct notifications, the workflow-state verbs and the status line.
///
/// The grammar is the original's positional one, whose payloads are free text that may begin with `-`; it is
/// parsed in Shared (`NotifyArguments`) rather than by ArgumentParser, which keeps this hot-path binary quick to start.
@main
enum OSSNotify {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let environment = Environment.current()
        // oss-notify starts oss-decrypt and scripts; a child that closes its pipe early must not kill the hook.
        BrokenPipe.ignore()
        let output: CommandOutput
        do {
            switch try NotifyArguments.parse(arguments) {
            case .help:
                output = CommandOutput(stdout: NotifyArguments.usage)
            case .version:
                output = CommandOutput(stdout: "oss-notify \(ToolVersion.current)\n")
            case .statusLine:
                let line = StatusLineCommand.run(
                    input: StatusLineCommand.readStandardInput(), environment: environment, clock: .system)
                output = CommandOutput(stdout: line + "\n")
            case .sessionStartHook:
                output = CommandOutput(
                    stderr: SessionStartHook.run(
                        input: SessionStartHook.readStandardInput(), environment: environment, clock: .system))
            case .state(let verbArguments):
                output = WorkflowStateCommand.run(arguments: verbArguments, environment: environment, clock: .system)
            case .updateNotice(let script, let stateFile, let delay):
                _ = try? UpdateNotice.run(
                    script: script, stateFile: stateFile, delaySeconds: delay, environment: environment, clock: .system)
                output = CommandOutput()
            case let command:
                output = NotifyRunner(environment: environment, workingDirectory: FileSystem.realPath("."))
                    .run(command)
            }
        } catch {
            output = CommandOutput(stderr: "\(error)\n", status: error.exitStatus)
        }
        Console.standard.out(output.stdout)
        Console.standard.err(output.stderr)
        exit(output.status.rawValue)
    }
}
