import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `oss-log <action> [args…]`: every action of compatibility.md#log-actions, with the original's positional grammar (any payload
/// text is accepted verbatim, leading dashes included), stdout lines and exit codes (0, and 1 for usage errors).
package struct LogCommand {
    /// The process environment.
    package var environment: Environment
    /// Where output goes.
    package var console: Console
    /// The clock.
    package var clock: WallClock
    /// Workflow-state side effects of `phase` and `agent`; nil disables them.
    package var effects: (any WorkflowStateEffects)?
    /// The pid written into `init` headers.
    package var pid: Int32
    /// The working directory (`checklist` inspects it).
    package var workingDirectory: String

    /// A command with its collaborators.
    package init(
        environment: Environment, console: Console, clock: WallClock = .system,
        effects: (any WorkflowStateEffects)? = nil, pid: Int32 = getpid(), workingDirectory: String? = nil
    ) {
        self.environment = environment
        self.console = console
        self.clock = clock
        self.effects = effects
        self.pid = pid
        self.workingDirectory = workingDirectory ?? FileSystem.realPath(".") ?? "."
    }

    /// Runs `arguments` (without the program name) and returns the exit status.
    package func run(_ arguments: [String]) -> Int32 {
        let book: LogBook
        do {
            let opened = try LogBook.open(environment: environment, clock: clock)
            if let warning = opened.warning { console.errorLine("oss-log: \(warning)") }
            book = opened.book
        } catch {
            // Hooks fail open: a log directory we cannot create must not abort the caller's command.
            console.errorLine("oss-log: error: \(error)")
            return 0
        }
        guard let action = arguments.first else {
            console.err(Self.longUsage)
            return 1
        }
        let args = Array(arguments.dropFirst())
        do {
            return try dispatch(action, args, book)
        } catch let failure as UsageFailure {
            console.errorLine("Usage: oss-log.sh \(failure.usage)")
            return 1
        } catch let error as CommandNameError {
            console.errorLine("oss-log: \(error)")
            return error.exitStatus.rawValue
        } catch {
            console.errorLine("oss-log: error: \(error)")
            return 0
        }
    }

    private struct UsageFailure: Error {
        var usage: String
    }

    /// The n-th argument when present and non-empty, else a usage failure.
    private func required(_ args: [String], _ index: Int, _ usage: String) throws -> String {
        guard index < args.count, !args[index].isEmpty else { throw UsageFailure(usage: usage) }
        return args[index]
    }

    private func optional(_ args: [String], _ index: Int, default value: String = "") -> String {
        index < args.count && !args[index].isEmpty ? args[index] : value
    }

    private func dispatch(_ action: String, _ args: [String], _ book: LogBook) throws -> Int32 {
        switch action {
        case "init":
            let cmd = try required(args, 0, "init <command>")
            console.line(try book.start(command: cmd, pid: pid))
        case "write":
            let usage = "write <command> <message>"
            let cmd = try required(args, 0, usage)
            try book.write(command: cmd, message: try required(args, 1, usage))
        case "phase":
            let usage = "phase <command> <RED|GREEN|REFACTOR> [start|complete]"
            let cmd = try required(args, 0, usage)
            let phase = try required(args, 1, usage)
            let status = optional(args, 2, default: "start")
            try book.entry(command: cmd, type: "PHASE", message: "\(phase) \(status)")
            let lower = phase.lowercased()
            if status == "start", ["red", "green", "refactor"].contains(lower) {
                applyEffect { try $0.tddPhaseStarted(lower, environment: environment) }
            }
        case "tool":
            let usage = "tool <command> <tool> [result]"
            let cmd = try required(args, 0, usage)
            let tool = try required(args, 1, usage)
            try book.entry(command: cmd, type: "TOOL", message: "\(tool): \(optional(args, 2, default: "called"))")
        case "test":
            let usage = "test <command> <PASS|FAIL> [details]"
            let cmd = try required(args, 0, usage)
            let status = try required(args, 1, usage)
            let details = optional(args, 2)
            try book.entry(command: cmd, type: "TEST", message: details.isEmpty ? status : "\(status) - \(details)")
        case "error":
            let usage = "error <command> <error>"
            let cmd = try required(args, 0, usage)
            try book.entry(command: cmd, type: "ERROR", message: try required(args, 1, usage))
        case "file":
            let usage = "file <command> <action> [path]"
            let cmd = try required(args, 0, usage)
            let fileAction = try required(args, 1, usage)
            try book.entry(command: cmd, type: "FILE", message: "\(fileAction) \(optional(args, 2))")
        case "agent":
            let usage = "agent <command> <agent> [task]"
            let cmd = try required(args, 0, usage)
            let agent = try required(args, 1, usage)
            let task = optional(args, 2, default: "spawned")
            try book.entry(command: cmd, type: "AGENT", message: "\(agent): \(task)")
            switch AgentTask(task) {
            case .starting(let description):
                applyEffect { try $0.agentStarted(type: agent, task: description, environment: environment) }
            case .completed:
                applyEffect { try $0.agentCompleted(environment: environment) }
            case .other:
                break
            }
        case "progress":
            let usage = "progress <command> <n/m> [task]"
            let cmd = try required(args, 0, usage)
            let count = try required(args, 1, usage)
            let task = optional(args, 2)
            try book.entry(command: cmd, type: "PROGRESS", message: task.isEmpty ? count : "\(count) - \(task)")
        case "hook", "skill":
            let usage = "\(action) <name> <event> [details]"
            let name = try required(args, 0, usage)
            let event = try required(args, 1, usage)
            let details = optional(args, 2)
            try book.sessionLine(tag: action, event: event, text: details.isEmpty ? name : "\(name) \(details)")
        case "milestone":
            let usage = "milestone <command> <name> [description]"
            let cmd = try required(args, 0, usage)
            let name = try required(args, 1, usage)
            try book.entry(command: cmd, type: "MILESTONE", message: "\(name): \(optional(args, 2))")
        case "recovery", "timeout":
            let usage = "\(action) <command> <message> [details]"
            let cmd = try required(args, 0, usage)
            let message = try required(args, 1, usage)
            let details = optional(args, 2)
            try book.entry(
                command: cmd, type: action.uppercased(), message: details.isEmpty ? message : "\(message) \(details)")
        case "ironlaw":
            let usage = "ironlaw <command> <PASSED|FAILED> [violations]"
            let cmd = try required(args, 0, usage)
            let status = try required(args, 1, usage)
            let violations = optional(args, 2)
            let message = status == "FAILED" && !violations.isEmpty ? "FAILED violations=[\(violations)]" : status
            try book.entry(command: cmd, type: "IRON_LAW", message: message)
        case "checklist":
            let cmd = try required(args, 0, "checklist <command>")
            try CommandNameError.validate(cmd)
            try IronLawChecklist.record(
                command: cmd, in: book, environment: environment, workingDirectory: workingDirectory)
        case "read":
            let cmd = try required(args, 0, "read <command>")
            try CommandNameError.validate(cmd)
            if let bytes = try book.readLog(book.commandLog(cmd)) {
                console.out(String(decoding: bytes, as: UTF8.self))
            } else {
                console.line("No log found for /oss:\(cmd)")
            }
        case "path":
            let cmd = try required(args, 0, "path <command>")
            try CommandNameError.validate(cmd)
            console.line(book.commandLog(cmd))
        case "session-path":
            console.line(book.sessionLog)
        case "session":
            if let bytes = try book.readLog(book.sessionLog) {
                console.out(String(decoding: bytes, as: UTF8.self))
            } else {
                console.line("No session log found")
            }
        case "clear-session":
            _ = try book.clearSession()
            console.line("Session archived. Started fresh session.")
        case "list":
            list(book)
        case "tail":
            LogTail(book: book, console: console).follow()
        case "status":
            LogStatusReport(book: book).lines().forEach(console.line)
        case "rotate":
            console.line(try book.rotate() ? "Session log rotated and archived." : "No session log to rotate.")
        case "clean":
            console.line("Cleaning logs in \(book.base)...")
            let report = try book.clean()
            StaleFiles.sweepGlobal(paths: OSSPaths(environment: environment), now: clock.now())
            console.line("Removed \(report.expired) archive(s) older than \(book.settings.maxArchiveAgeDays) days.")
            console.line("Removed \(report.excess) archive(s) beyond the newest \(book.settings.maxArchiveCount).")
            console.line(
                "Truncated \(report.truncated) command log(s) over \(DiskUsage.human(book.limit(for: "")))"
                    + (report.rotated ? "; rotated the session log." : "."))
            console.line("Done.")
        case "purge":
            if args.first == "--force" {
                try book.purge()
                console.line("All logs purged.")
            } else {
                console.line("This deletes every log in \(book.currentSession) and \(book.archiveDir).")
                console.line("To confirm, run: oss-log.sh purge --force")
            }
        case "archives":
            console.line("Archived Sessions:")
            let archives = book.archives()
            if archives.isEmpty { console.line("  (none)") }
            for path in archives {
                console.line("  \(path) (\(DiskUsage.human(FileSystem.size(path) ?? 0)))")
            }
        case "health":
            let usage = "health <status> <details_json>"
            let status = try required(args, 0, usage)
            let details = try required(args, 1, usage)
            try book.sessionLine(tag: "healthcheck", event: "HEALTH_CHECK", text: "status=\(status) details=\(details)")
        case "workflow":
            return try workflow(args)
        case "health-check":
            return HealthCheckRunner(environment: environment, console: console, book: book).run()
        default:
            console.err(Self.longUsage)
            return 1
        }
        return 0
    }

    private func applyEffect(_ body: (any WorkflowStateEffects) throws -> Void) {
        guard let effects else { return }
        do {
            try body(effects)
        } catch {
            console.errorLine("oss-log: warning: workflow state not updated: \(error)")
        }
    }

    private func list(_ book: LogBook) {
        guard FileSystem.isDirectory(book.currentSession) else {
            console.line("No current session")
            return
        }
        let logs = FileSystem.listDirectory(book.currentSession).filter { $0.hasSuffix(".log") }
        guard !logs.isEmpty else {
            console.line("No logs in current session")
            return
        }
        let formatter = TimeFormatter()
        for name in logs {
            let path = book.currentSession.appendingPathComponent(name)
            let size = FileSystem.size(path) ?? 0
            let modified = formatter.dateTime(Timestamp(seconds: FileSystem.modificationTime(path) ?? 0))
            let sizeText = String(size)
            console.line(
                "\(String(repeating: " ", count: max(0, 10 - sizeText.count)))\(sizeText)  \(modified)  \(path)")
        }
    }

    private func workflow(_ args: [String]) throws -> Int32 {
        let state = HealthWorkflowState.locate(environment: environment, clock: clock)
        let warn: ([String]) -> Void = { $0.forEach { self.console.errorLine("oss-log: warning: \($0)") } }
        switch args.first ?? "" {
        case "get":
            console.line(state.get())
        case "set-feature":
            let name = try required(args, 1, "workflow set-feature <name>")
            warn(try state.setFeature(name))
            console.line("Workflow: Set feature to '\(name)'")
        case "complete":
            let usage = "workflow complete <ideate|plan|build|ship>"
            let step = try required(args, 1, usage)
            guard HealthWorkflowState.steps.contains(step) else { throw UsageFailure(usage: usage) }
            let (timestamp, warnings) = try state.complete(step: step)
            warn(warnings)
            console.line("Workflow: Marked '\(step)' as completed at \(timestamp)")
        case "clear":
            warn(try state.clear())
            console.line("Workflow: State cleared")
        default:
            console.err(
                """
                Usage: oss-log.sh workflow <subcommand>
                  get                     Print the workflow health state
                  set-feature <name>      Start tracking a feature
                  complete <step>         Mark ideate, plan, build or ship completed
                  clear                   Reset the state

                """)
            return 1
        }
        return 0
    }

    /// The help printed for a missing or unknown action.
    static let longUsage = """
        Usage: oss-log.sh <action> [args...]

        Logging (each writes <command>.log and the unified session.log):
          init <cmd>                              Start a command log (prints its path)
          write <cmd> <message>                   Append a free-text line
          phase <cmd> <RED|GREEN|REFACTOR> [start|complete]
          tool <cmd> <tool> [result]              test <cmd> <PASS|FAIL> [details]
          error <cmd> <error>                     file <cmd> <action> [path]
          agent <cmd> <agent> [task]              progress <cmd> <n/m> [task]
          milestone <cmd> <name> [description]    recovery|timeout <cmd> <message> [details]
          ironlaw <cmd> <status> [violations]     checklist <cmd>
          hook|skill <name> <event> [details]     health <status> <details_json>
        Reading:
          read <cmd>   path <cmd>   session   session-path   list   tail   status   archives
        Maintenance:
          rotate   clean   purge [--force]   clear-session
        Workflow health state:
          workflow get|set-feature <name>|complete <step>|clear
          health-check

        """
}

/// How an `agent` task text relates to the active agent: `starting:`/`completed:` count only as the first word
/// (fixes D12, where `restarting: x` matched).
enum AgentTask: Equatable {
    case starting(String)
    case completed
    case other

    init(_ task: String) {
        let text = task.drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("starting:") {
            let rest = String(text.dropFirst("starting:".count)).trimmingWhitespace
            self = .starting(rest.isEmpty ? "(no task description)" : rest)
        } else if text.hasPrefix("completed:") {
            self = .completed
        } else {
            self = .other
        }
    }
}
