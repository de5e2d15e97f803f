import SessionLog
import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `oss-log`: the native replacement for the plugin's `oss-log.sh`.
///
/// The grammar is the original's positional one (`oss-log <action> <args…>`), where payloads are free text that
/// may begin with `-`; it is parsed in Shared rather than by ArgumentParser, which also keeps this hot-path binary
/// small and quick to start.
@main
enum OSSLog {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "-h", "--help":
            Console.standard.out(LogCommandHelp.text)
            exit(0)
        case "--version":
            Console.standard.line("oss-log \(ToolVersion.current)")
            exit(0)
        default:
            let effects = StoredWorkflowStateEffects(reportingTo: .standard)
            let command = LogCommand(environment: .current(), console: .standard, effects: effects)
            exit(command.run(arguments))
        }
    }
}
