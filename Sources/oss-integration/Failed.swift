import ArgumentParser
import Integration
import Shared

extension OSSIntegration {
    /// `oss-integration failed`: reports a failed run like `oss-notify --workflow integration failed`.
    struct Failed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report that the integration run failed (supervisor set to intervening, log line).",
            discussion: "Same effect as oss-notify --workflow integration failed '{\"reason\": \"…\"}'."
        )

        @Option(parsing: .unconditional, help: ArgumentHelp("Why the run failed.", valueName: "TEXT"))
        var reason: String

        func run() throws {
            try OSSIntegration.report(.failed(reason: reason))
        }
    }
}
