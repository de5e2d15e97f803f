import Installer
import Shared

/// `oss-hooks`: installs, re-applies, checks and removes the native hook bundle. Hand-parsed (no ArgumentParser):
/// `reapply` runs at every session start and must cost next to nothing.
@main
enum OSSHooks {
    static func main() {
        let console = Console.standard
        do {
            let command = try HooksCommandLine.parse(Array(CommandLine.arguments.dropFirst()))
            exit(command.run(environment: .current(), console: console))
        } catch {
            console.errorLine("oss-hooks: error: \(error.description)")
            console.err(HooksCommandLine.usage)
            exit(error.exitStatus.rawValue)
        }
    }
}
