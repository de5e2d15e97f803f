import ArgumentParser
import Dispatch
import Networking
import Shared

/// Fetches, decrypts and verifies One Shot Ship prompts (drop-in for the node `oss-decrypt`).
@main
struct OSSDecrypt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oss-decrypt",
        abstract: "Fetch, decrypt and verify One Shot Ship prompts.",
        discussion: """
            Reads <config>/config.json ({"apiKey": "ak_…", "apiUrl": "https://…"}) where <config> is
            $OSS_CONFIG_DIR or ~/.oss. The grammar is the original's: unknown arguments are ignored, so
            oss-decrypt parses its own arguments (see `oss-decrypt --help`).
            """,
        // The original's -h/--help/-v/--version must reach our own parser.
        helpNames: []
    )

    @Argument(parsing: .allUnrecognized, help: "Arguments, parsed with the original grammar.")
    var arguments: [String] = []

    func run() throws {
        let status = Self.runBlocking(CommandLine.arguments.dropFirst().map { $0 })
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs the async tool on the cooperative pool and waits for it (a synchronous main keeps exit cheap).
    private static func runBlocking(_ arguments: [String]) -> Int32 {
        let context = DecryptContext(
            environment: .current(), transport: URLSessionTransport(), console: .standard)
        let status = LockedBox<Int32>(ExitStatus.failure.rawValue)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result = await DecryptTool.run(arguments, context: context)
            status.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return status.current
    }
}
