import ArgumentParser
import Networking
import Shared
import ToolSupport

/// `oss-integration`: the runner for `/oss:integration`.
@main
struct OSSIntegration: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oss-integration",
        abstract: "Start an /oss:integration run: the integration prompt plus the project's mock inventory.",
        discussion: """
            Without a subcommand: checks that ~/.oss/config.json holds an apiKey, starts the integration log and \
            workflow event, fetches and verifies the integration prompt, and prints it followed by a markdown \
            inventory of the project's mocks: which boundaries (database, api, filesystem) are mocked and which \
            mocks no real-dependency test covers. The model then writes the missing integration tests and reports \
            the outcome with `complete` or `failed`.

            Exit status: 0 on success; 77 without an API key, on HTTP 401 or 403; 69 when the API is \
            unavailable; 75 on a timeout; 66 when the project directory does not exist.

            Examples:
              oss-integration                               # the whole project
              oss-integration --boundary database           # only database mocks
              oss-integration --offline --project ./app     # inventory only, no API call
              oss-integration complete --tests-pass 12 --boundaries "database, api"
              oss-integration failed --reason "test database did not start"
            """,
        version: ToolVersion.current,
        subcommands: [Scan.self, Complete.self, Failed.self]
    )

    @Option(name: [.short, .long], help: "Only inventory mocks at this boundary (database, api, filesystem, other).")
    var boundary: Scan.BoundaryOption?

    @Option(
        help: ArgumentHelp(
            "The project to inventory (default: $CLAUDE_PROJECT_DIR, else the current directory).", valueName: "DIR")
    )
    var project: String?

    @Option(help: "Output format: text (prompt, then markdown) or json.")
    var format: Scan.Format = .text

    @Flag(help: "Skip the API key check and the prompt fetch; log, workflow event and inventory still run.")
    var offline = false

    func run() throws {
        let flow = IntegrationFlow(
            environment: .current(), transport: URLSessionTransport(), console: .standard,
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
