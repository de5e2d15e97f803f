import MockInventory
import PromptDecrypt
import SessionLog
import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `/oss:integration` run (compatibility.md#integration) in one process: project check, auth check, `oss-log init
/// integration`, `oss-notify --workflow integration start '{}'`, the decrypted `commands/integration` prompt (as
/// `oss-decrypt --type commands --name integration` fetches and verifies it) and the project's mock inventory.
///
/// Every step runs the Shared code the tools themselves run, in-process; the only child processes are those
/// `NotifyRunner` starts (the detached background sender). The prompt fetch overlaps the scan.
package struct IntegrationFlow: Sendable {
    /// What to run.
    package struct Options: Sendable {
        /// The project to scan; nil means `CLAUDE_PROJECT_DIR`, else the working directory.
        package var project: String?
        /// Only report mocks at this boundary.
        package var boundary: Boundary?
        /// Skip the auth check and the prompt fetch.
        package var offline: Bool

        /// Options with every field given.
        package init(project: String? = nil, boundary: Boundary? = nil, offline: Bool = false) {
            self.project = project
            self.boundary = boundary
            self.offline = offline
        }
    }

    /// The process environment.
    package var environment: Environment
    /// The HTTP transport for the prompt and manifest requests.
    package var transport: any HTTPTransport
    /// Receives diagnostics (stderr only: the result is returned, never printed).
    package var console: Console
    /// The clock.
    package var clock: WallClock
    /// The working directory (state location fallback and checklist, as for the hooks).
    package var workingDirectory: String?

    /// A flow with its collaborators.
    package init(
        environment: Environment, transport: any HTTPTransport, console: Console, clock: WallClock = .system,
        workingDirectory: String?
    ) {
        self.environment = environment
        self.transport = transport
        self.console = console
        self.clock = clock
        self.workingDirectory = workingDirectory
    }

    /// Runs the flow.
    /// - Throws: `IntegrationError`. A missing project or API key stops the run before any side effect; a prompt or
    ///   scan failure after the start event is also reported as the `failed` workflow event.
    package func run(_ options: Options) async throws(IntegrationError) -> IntegrationOutcome {
        let given = options.project ?? environment.nonEmpty("CLAUDE_PROJECT_DIR") ?? "."
        guard FileSystem.isDirectory(given), let project = FileSystem.realPath(given) else {
            throw .projectNotFound(path: given)
        }
        if !options.offline, OSSConfig.load(path: OSSPaths(environment: environment).configFile).apiKey == nil {
            throw .noAPIKey
        }
        startLog()
        report(.start)

        async let fetched = options.offline ? nil : fetchPrompt()
        // The scan is synchronous and local; it runs while the prompt request is in flight.
        let scanned = Result { () throws(ScanError) in
            try MockScanner.scan(root: given, options: ScanOptions(boundary: options.boundary))
        }
        let prompt: String?
        switch await fetched {
        case .failure(let error)?:
            report(.failed(reason: error.reason))
            throw error
        case .success(let text)?:
            prompt = text
        case nil:
            prompt = nil
        }
        switch scanned {
        case .failure(let error):
            let failure = IntegrationError.scanFailed(error)
            report(.failed(reason: failure.reason))
            throw failure
        case .success(let inventory):
            return IntegrationOutcome(prompt: prompt, offline: options.offline, project: project, inventory: inventory)
        }
    }

    /// `oss-log init integration`: a fresh command log (its path is not part of our output). Problems are reported
    /// on stderr as oss-log would, and never stop the flow.
    private func startLog() {
        do {
            let (book, warning) = try LogBook.open(environment: environment, clock: clock)
            if let warning { console.errorLine("oss-log: \(warning)") }
            _ = try book.start(command: IntegrationEvent.command, pid: getpid())
        } catch {
            console.errorLine("oss-log: error: \(error)")
        }
    }

    /// Reports a workflow event; its diagnostics go to stderr (start and failed print nothing on stdout).
    private func report(_ event: IntegrationEvent) {
        let output = event.report(environment: environment, clock: clock, workingDirectory: workingDirectory)
        if !output.stderr.isEmpty { console.err(output.stderr) }
    }

    /// `oss-decrypt --type commands --name integration`: the same pipeline, its stderr lines passed through, the
    /// plaintext returned in memory.
    private func fetchPrompt() async -> Result<String, IntegrationError> {
        let context = DecryptContext(environment: environment, transport: transport, console: console, clock: clock)
        do {
            let decryptor = PromptDecryptor(context: context, debug: DebugLog(enabled: false, console: console))
            return .success(try await decryptor.prompt(type: "commands", name: IntegrationEvent.command))
        } catch {
            return .failure(IntegrationError(promptFailure: error))
        }
    }
}
