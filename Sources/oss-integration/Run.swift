import ArgumentParser
import Integration
import MockInventory
import Shared
import ToolSupport

extension OSSIntegration {
    /// `oss-integration [run]`: the flow (the default subcommand).
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the login, start the run, print the integration prompt and the mock inventory."
        )

        @Option(
            name: [.short, .long], help: "Only inventory mocks at this boundary (database, api, filesystem, other).")
        var boundary: Scan.BoundaryOption?

        @Option(
            help: ArgumentHelp(
                "The project to inventory (default: $CLAUDE_PROJECT_DIR, else the current directory).",
                valueName: "DIR"))
        var project: String?

        @Option(help: "Output format: text (prompt, then markdown) or json.")
        var format: Scan.Format = .text

        @Flag(help: "Skip the API key check and the prompt fetch; log, workflow event and inventory still run.")
        var offline = false

        func run() throws {
            let environment = Environment.current()
            BrokenPipe.ignore()
            try? OSSPaths(environment: environment).prepareOSSDirectory()
            let flow = IntegrationFlow(
                environment: environment, transport: CurlTransport.preferred(environment: environment),
                console: .standard,
                workingDirectory: FileSystem.realPath("."))
            let options = IntegrationFlow.Options(
                project: project, boundary: boundary.flatMap { Boundary(rawValue: $0.rawValue) }, offline: offline)
            let result = BlockingTask.run { () async -> Result<IntegrationOutcome, IntegrationError> in
                do throws(IntegrationError) {
                    return .success(try await flow.run(options))
                } catch {
                    return .failure(error)
                }
            }
            switch result {
            case .success(let outcome):
                Console.standard.out(format == .json ? outcome.json.pretty + "\n" : outcome.text)
            case .failure(let error):
                Console.standard.err(error.standardErrorText(tool: "oss-integration"))
                throw ExitCode(error.exitStatus.rawValue)
            }
        }
    }
}
