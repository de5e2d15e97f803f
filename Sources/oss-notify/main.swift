import Shared

// Interim dispatcher for the statusline branch: the notify branch's `OSSNotify.swift` (@main) replaces this file
// and routes `--statusline` to `StatusLineCommand` the same way.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--statusline" {
    let input = StatusLineCommand.readStandardInput()
    print(StatusLineCommand.run(input: input, environment: .current(), clock: .system))
} else {
    let message = Array("oss-notify: error: not yet available\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}
