import Shared

/// `oss-notify`: workflow, session, issue and direct notifications, the workflow-state verbs and the status line.
@main
struct OSSNotify {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let environment = Environment.current()
        let output: CommandOutput
        switch arguments.first {
        case "--statusline":
            let input = StatusLineCommand.readStandardInput()
            output = CommandOutput(stdout: StatusLineCommand.run(input: input, environment: environment, clock: .system) + "\n")
        case "--state":
            output = WorkflowStateCommand.run(
                arguments: Array(arguments.dropFirst()), environment: environment, clock: .system)
        default:
            output = CommandOutput(stderr: "not yet available\n", status: .failure)
        }
        emit(output.stdout, to: 1)
        emit(output.stderr, to: 2)
        exit(output.status.rawValue)
    }

    private static func emit(_ text: String, to fd: Int32) {
        guard !text.isEmpty else { return }
        try? FileSystem.writeAll(fd: fd, bytes: Array(text.utf8), path: fd == 1 ? "stdout" : "stderr")
    }
}
