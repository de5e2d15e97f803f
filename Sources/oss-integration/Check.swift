import ArgumentParser
import MockInventory
import RealityCheck
import Shared
import ToolSupport

extension OSSIntegration {
    /// `oss-integration check`: the mocks checked against the reality the repository holds.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check mocks against reality: SQL on a real engine, HTTP against API descriptions, modules.",
            discussion: """
                Builds the schema from the repository's migrations and prepares every mocked (and mocked-through) \
                SQL statement on an in-memory SQLite and, with --database-url or a PostgreSQL server on PATH, on \
                a throwaway PostgreSQL database; checks mocked HTTP calls against the OpenAPI/Swagger documents and \
                recordings in the repository (or named with --spec); checks mocked modules against their exports, \
                patch targets against their modules and generated Go mocks against their interfaces. Never runs \
                the repository's code and sends nothing over the network.

                Exit status: 0 when no mismatch, 1 when there are mismatches, 64 on bad options, 66 when DIR or a \
                --spec file cannot be read, 69 with --engine postgresql and no server.
                """
        )

        /// An SQL engine choice on the command line.
        enum EngineOption: String, ExpressibleByArgument, CaseIterable {
            case auto, sqlite, postgresql
        }

        @Option(name: [.short, .long], help: "Only check mocks at this boundary (database, api, filesystem, other).")
        var boundary: Scan.BoundaryOption?

        @Option(help: "Output format: text (markdown) or json.")
        var format: Scan.Format = .text

        @Option(
            help: ArgumentHelp(
                "An API description for an outside host (repeatable), e.g. api.github.com=specs/github.yaml.",
                valueName: "HOST=FILE"))
        var spec: [String] = []

        @Option(help: ArgumentHelp("A PostgreSQL server for the throwaway database (postgres://…).", valueName: "URL"))
        var databaseURL: String?

        @Option(help: "SQL engines: auto (PostgreSQL when available, and SQLite), sqlite, or postgresql.")
        var engine: EngineOption = .auto

        @Argument(
            help: ArgumentHelp(
                "The repository to check (default: $CLAUDE_PROJECT_DIR, else the current directory).",
                valueName: "DIR"))
        var directory: String?

        func validate() throws {
            for item in spec {
                let parts = item.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError("--spec expects HOST=FILE, got '\(item)'")
                }
            }
            if let databaseURL, !(databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://")) {
                throw ValidationError("--database-url must start with postgres:// or postgresql://")
            }
        }

        func run() throws {
            let environment = Environment.current()
            let root = directory ?? environment.nonEmpty("CLAUDE_PROJECT_DIR") ?? "."
            let selected = boundary.flatMap { Boundary(rawValue: $0.rawValue) }
            var options = CheckOptions(environment: environment)
            options.boundary = selected
            options.databaseURL = databaseURL
            options.engine = CheckOptions.EngineChoice(rawValue: engine.rawValue) ?? .auto
            options.specs = CheckSettings.specs(environment: environment, root: root)
            for item in spec {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                options.specs[parts[0].lowercased()] = parts[1]
            }
            let report = try FailureReporter.run(tool: "oss-integration") {
                let scan = try MockScanner.scan(root: root)
                let claims = CheckClaims(findings: scan.findings, boundary: selected)
                return try RealityChecker.check(root: root, claims: claims, options: options)
            }
            for warning in report.warnings { Console.standard.errorLine("oss-integration: warning: \(warning)") }
            Console.standard.out(format == .json ? report.json.pretty + "\n" : report.text)
            if !report.mismatches.isEmpty { throw ExitCode(1) }
        }
    }
}
