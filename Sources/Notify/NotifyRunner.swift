import SessionLog
import Shared
import WorkflowState

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Carries out one `oss-notify` call: builds its `NotifyPlan`, then writes the log line, applies the state verbs in
/// one transaction, hands network sends to a detached `oss-decrypt --deliver`, runs the checklist and prints the
/// chain block. Confirmation lines of the state verbs are not printed (D10); stdout carries only the chain block.
package struct NotifyRunner: Sendable {
    /// The process environment.
    package var environment: Environment
    /// The clock.
    package var clock: WallClock
    /// The working directory (git fallback of the state location, checklist).
    package var workingDirectory: String?
    /// Local-time formatting.
    package var formatter: TimeFormatter
    /// The running executable (re-launched detached for the update check).
    package var executable: String?

    /// A runner with its collaborators.
    package init(
        environment: Environment, clock: WallClock = .system, workingDirectory: String?,
        formatter: TimeFormatter = TimeFormatter(), executable: String? = SiblingExecutable.currentExecutable()
    ) {
        self.environment = environment
        self.clock = clock
        self.workingDirectory = workingDirectory
        self.formatter = formatter
        self.executable = executable
    }

    /// The chain trigger's budget for fetching the server workflow config, in seconds.
    package static let chainTimeout = 10.0

    private var paths: OSSPaths { OSSPaths(environment: environment) }

    /// Runs a notification mode (workflow, session, issue or direct).
    package func run(_ command: NotifyArguments) -> CommandOutput {
        var output = CommandOutput()
        do {
            try paths.prepareOSSDirectory()
        } catch {
            output.report(["oss-notify: warning: \(error)"])
        }
        let (settings, warning) = Settings.load(path: paths.settingsFile)
        if let warning { output.report(["oss-notify: \(warning)"]) }
        let inputs = NotifyPlan.Inputs(
            settings: settings, config: OSSConfig.load(path: paths.ossDir.appendingPathComponent("config.json")),
            now: clock.now(), formatter: formatter,
            telegramBaseURL: environment.nonEmpty("OSS_TELEGRAM_API_URL") ?? TelegramMessage.defaultBaseURL,
            which: { [environment] in ChildProcess.which($0, environment: environment) })
        let plan: NotifyPlan
        switch command {
        case .workflow(let name, let event, let context):
            plan = .workflow(command: name, event: event, context: context, inputs: inputs)
        case .session(let event, let context):
            plan = .session(event: event, context: context, inputs: inputs)
        case .issue(let type, let context):
            plan = .issue(type: type, context: context)
        case .direct(_, let message, let priority):
            plan = .direct(message: message, priority: priority, inputs: inputs)
        default:
            return output
        }
        execute(plan, settings: settings, into: &output)
        return output
    }

    private func execute(_ plan: NotifyPlan, settings: Settings, into output: inout CommandOutput) {
        if let log = plan.log { writeLog(log, settings: settings, into: &output) }
        var stateFile: String?
        if !plan.verbs.isEmpty {
            let location = WorkflowStateLocator(environment: environment, paths: paths)
                .locateForHook(cwd: workingDirectory, gitFallback: true)
            output.report(location.warnings)
            stateFile = location.path
            do {
                let outcome = try WorkflowStateStore(path: location.path, clock: clock, home: paths.home)
                    .apply(plan.verbs)
                output.report(outcome.warnings.map { "oss-notify: warning: \($0)" })
            } catch {
                output.report(["oss-notify: warning: workflow state not updated: \(error)"])
            }
        }
        if !plan.requests.isEmpty { deliver(plan.requests, into: &output) }
        if let audio = plan.audio, let player = audio.first {
            ChildProcess.spawnDetached(player, arguments: Array(audio.dropFirst()), environment: environment)
        }
        if plan.updateCheck, let stateFile, let executable, let script = UpdateNotice.script(environment: environment) {
            ChildProcess.spawnDetached(
                executable,
                arguments: ["--session-update-notice", script, stateFile, String(UpdateNotice.delaySeconds)],
                environment: environment)
        }
        if let command = plan.checklist { runChecklist(command, into: &output) }
        if let command = plan.chainCommand { output.stdout += chainBlock(for: command) }
    }

    private func writeLog(_ log: NotifyPlan.LogLine, settings: Settings, into output: inout CommandOutput) {
        let base = ProjectResolver(environment: environment, paths: paths).logBase()
        let book = LogBook(base: base, settings: settings, clock: clock, formatter: formatter, home: paths.home)
        do {
            try book.prepare()
            switch log {
            case .write(let command, let message): try book.write(command: command, message: message)
            case .session(let event, let text): try book.sessionLine(tag: "session", event: event, text: text)
            }
        } catch {
            output.report(["oss-notify: warning: log not written: \(error)"])
        }
    }

    /// Writes the requests to a 0600 outbox file and starts `oss-decrypt --deliver <file>` detached; the API key
    /// and bot token travel in the file, never on argv (D16, D21).
    private func deliver(_ requests: [OutboxRequest], into output: inout CommandOutput) {
        guard let sender = decryptExecutable() else {
            output.report(["oss-notify: warning: oss-decrypt not found; analytics and Telegram not sent"])
            return
        }
        do {
            let file = try Outbox.write(requests, directory: paths.outboxDir)
            if ChildProcess.spawnDetached(sender, arguments: ["--deliver", file], environment: environment) == nil {
                FileSystem.remove(file)
                output.report(["oss-notify: warning: could not start \(sender) --deliver"])
            }
        } catch {
            output.report(["oss-notify: warning: outbox not written: \(error)"])
        }
    }

    /// `oss-log checklist <command>`, in process; its problems are reported the way oss-log reports them.
    private func runChecklist(_ command: String, into output: inout CommandOutput) {
        do {
            let (book, warning) = try LogBook.open(environment: environment, clock: clock)
            if let warning { output.report(["oss-log: \(warning)"]) }
            try IronLawChecklist.record(
                command: command, in: book, environment: environment,
                workingDirectory: workingDirectory ?? FileSystem.realPath(".") ?? ".")
        } catch let error as CommandNameError {
            output.report(["oss-log: \(error)"])
        } catch {
            output.report(["oss-log: error: \(error)"])
        }
    }

    /// The chain block (compatibility.md#chain-block): nothing without credentials (the reason goes to `~/.oss/logs/chain-trigger.log`,
    /// D18), else the server config fetched by `oss-decrypt --workflow-config` within 10 s, merged over the
    /// defaults; a fetch failure means the defaults alone.
    private func chainBlock(for command: String) -> String {
        let logFile = paths.globalLogsDir.appendingPathComponent("chain-trigger.log")
        let config = OSSConfig.load(path: paths.ossDir.appendingPathComponent("config.json"))
        if let problem = ChainTrigger.credentialsProblem(config: config) {
            appendChainLog(logFile, "\(command): \(problem)")
            return ""
        }
        var serverConfig: String?
        if (try? PromptReference.validate(name: command)) == nil {
            appendChainLog(logFile, "\(command): not a valid workflow name; using the built-in chain")
        } else if let decrypt = decryptExecutable() {
            let result = ChildProcess.run(
                decrypt, arguments: ["--workflow-config", command], environment: environment,
                stderr: .appendToFile(logFile), timeout: Self.chainTimeout)
            if result.status == 0 {
                serverConfig = String(decoding: result.stdout, as: UTF8.self)
            } else {
                let reason =
                    result.timedOut
                    ? "timed out after \(Int(Self.chainTimeout)) s"
                    : "exit status \(result.status.map(String.init) ?? "none")"
                appendChainLog(logFile, "\(command): workflow config not fetched (\(reason)); using the built-in chain")
            }
        } else {
            appendChainLog(logFile, "\(command): oss-decrypt not found; using the built-in chain")
        }
        return ChainTrigger.block(for: command, serverConfigText: serverConfig)
    }

    private func appendChainLog(_ path: String, _ line: String) {
        try? FileSystem.createDirectories(path.deletingLastPathComponent, mode: 0o700)
        _ = try? FileSystem.appendLine("[\(TimeFormatter.isoUTC(clock.now()))] \(line)", to: path)
    }

    private func decryptExecutable() -> String? {
        SiblingExecutable.locate(
            "oss-decrypt", overrideVariable: "OSS_DECRYPT_BIN", environment: environment, paths: paths)
    }
}
