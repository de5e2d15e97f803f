import ArgumentParser
import Shared

/// `oss-integration`: the runner for `/oss:integration` (the flow lands later; today: the mock inventory scan).
@main
struct OSSIntegration: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oss-integration",
        abstract: "Find mocked boundaries in a repository's tests and the real-dependency tests that cover them.",
        version: ToolVersion.current,
        subcommands: [Scan.self]
    )
}
