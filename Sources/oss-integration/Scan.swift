import ArgumentParser
import MockInventory
import Shared
import ToolSupport

extension OSSIntegration {
    /// `oss-integration scan`: the mock inventory of a repository's test code.
    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the mocks in a repository's tests by boundary and the ones no real-dependency test covers.",
            discussion: """
                Reads test code only (never runs it) and skips vendored, generated and build folders. \
                Gaps are findings, not errors: the exit status is 0 whenever the scan ran.
                """
        )

        /// A boundary name on the command line.
        enum BoundaryOption: String, ExpressibleByArgument, CaseIterable {
            case database, api, filesystem, other
        }

        /// An output format.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(name: [.short, .long], help: "Only report mocks at this boundary (database, api, filesystem, other).")
        var boundary: BoundaryOption?

        @Option(help: "Output format: text (markdown) or json.")
        var format: Format = .text

        @Option(help: "Skip files larger than this many bytes.")
        var maxFileSize: Int = 1 << 20

        @Option(help: "Stop after visiting this many files (results are then marked partial).")
        var maxFiles: Int = 200_000

        @Option(help: "Stop after this many seconds (results are then marked partial).")
        var timeBudget: Double = 30

        @Argument(
            help: ArgumentHelp(
                "The repository to scan (default: $CLAUDE_PROJECT_DIR, else the current directory).",
                valueName: "DIR"
            )
        )
        var directory: String?

        func validate() throws {
            guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
            guard maxFiles > 0 else { throw ValidationError("--max-files must be positive") }
            guard timeBudget > 0 else { throw ValidationError("--time-budget must be positive") }
        }

        func run() throws {
            let environment = Environment.current()
            let root = directory ?? environment["CLAUDE_PROJECT_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
            let options = ScanOptions(
                boundary: boundary.flatMap { Boundary(rawValue: $0.rawValue) },
                maxFileSize: maxFileSize,
                maxFiles: maxFiles,
                timeBudget: timeBudget
            )
            let report = try FailureReporter.run(tool: "oss-integration") {
                try MockScanner.scan(root: root, options: options)
            }
            Console.standard.out(format == .json ? report.json.pretty + "\n" : report.text)
        }
    }
}
