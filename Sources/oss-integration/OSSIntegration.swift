import ArgumentParser
import Shared
import ToolSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `oss-integration`: the runner for `/oss:integration`.
@main
struct OSSIntegration: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oss-integration",
        abstract: "Start an /oss:integration run: the integration prompt plus the project's mock inventory.",
        discussion: """
            Usage:
              oss-integration [run] [-b database|api|filesystem] [--project DIR]
                                    [--format text|json] [--offline]
              oss-integration complete --tests-pass N [--boundaries LIST] [--duration D]
              oss-integration failed --reason TEXT
              oss-integration scan [DIR] [--boundary B] [--format text|json]

            The run (the default) checks that ~/.oss/config.json holds an apiKey, starts the integration log and \
            workflow event, fetches and verifies the integration prompt, and prints it followed by a markdown \
            inventory of the project's mocks: which boundaries are mocked and which mocks no real-dependency test \
            covers. The model then writes the missing integration tests and reports the outcome with `complete` \
            or `failed`, which print the chain commands (if any) and update the workflow state and logs.

            Options of the run (see `oss-integration run --help`):
              -b, --boundary B  database, api or filesystem (or other): one boundary only
              --project DIR     default: $CLAUDE_PROJECT_DIR, else the current directory
              --format F        text (prompt, blank line, inventory) or json
              --offline         no key check, no prompt fetch; everything else runs

            Exit status: 0 on success; 77 without an API key and on HTTP 401 or 403; 69 when the API is \
            unavailable; 75 on a timeout; 66 when the project directory does not exist; 64 on bad options.

            Examples:
              oss-integration                          # the whole project
              oss-integration -b database              # only database mocks
              oss-integration --offline --project app  # inventory only, no API
              oss-integration complete --tests-pass 12 --boundaries "database, api"
              oss-integration failed --reason "the test database did not start"
            """,
        version: ToolVersion.current,
        subcommands: [Run.self, Scan.self, Complete.self, Failed.self],
        defaultSubcommand: Run.self
    )
}
