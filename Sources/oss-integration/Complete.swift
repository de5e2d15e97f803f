import ArgumentParser
import Integration
import Shared

extension OSSIntegration {
    /// `oss-integration complete`: reports a finished run like `oss-notify --workflow integration complete`.
    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report that the integration tests pass (workflow state, log, chain commands).",
            discussion: """
                Same effect as oss-notify --workflow integration complete \
                '{"testsPass": N, "boundariesTested": "…"}': the log line, the workflow state, the iron-law \
                checklist, Telegram when enabled, and the chain block (if any) on stdout.
                """
        )

        @Option(help: "How many integration tests pass.")
        var testsPass: Int

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The boundaries tested, e.g. \"database, api\".", valueName: "LIST"))
        var boundaries: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("How long the run took, e.g. 4m.", valueName: "D"))
        var duration: String?

        func validate() throws {
            guard testsPass >= 0 else { throw ValidationError("--tests-pass must not be negative") }
        }

        func run() throws {
            let event = IntegrationEvent.complete(testsPass: testsPass, boundaries: boundaries, duration: duration)
            try OSSIntegration.report(event)
        }
    }
}
