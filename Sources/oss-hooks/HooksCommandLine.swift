import Installer
import Shared

/// The verbs of `oss-hooks` and their options.
enum HooksCommandLine {
    case install(InstallOptions)
    case reapply
    case doctor(json: Bool)
    case uninstall(pluginRoots: [String])
    case help
    case version

    static let usage = """
        usage: oss-hooks install [--from DIR] [--source DIR] [--plugin-root DIR]... [--no-settings]
               oss-hooks reapply
               oss-hooks doctor [--format text|json]
               oss-hooks uninstall [--plugin-root DIR]...
               oss-hooks --version | --help

        """

    static let helpText = """
        oss-hooks: keeps the OSS plugin's hooks native.

          install     copy the binaries (--from DIR) and the shims and slash command (--source DIR, a checkout of
                      oss-hooks) into ~/.oss, make every OSS plugin root found (and each --plugin-root DIR) native,
                      and add a SessionStart entry running `oss-hooks reapply` to Claude Code's settings.json
                      (--no-settings: leave settings.json alone)
          reapply     put the native shims back wherever the plugin's session start or an update replaced them;
                      silent, fails open (the session-start hook)
          doctor      report what is native and what to run to fix the rest; exit 1 when something is not native
          uninstall   restore the plugin's own files and settings.json, remove the binaries

        Exit status: 0 ok, 1 doctor found something not native, 64 usage, 65 unparsable settings.json,
        66 missing input, 74 write error, 75 another install is running.

        """

    struct UsageError: ReportableError {
        var description: String
        var exitStatus: ExitStatus { .usage }
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> HooksCommandLine {
        guard let verb = arguments.first else { throw UsageError(description: "a verb is needed") }
        var rest = arguments.dropFirst()
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = rest.popFirst(), !next.isEmpty else {
                throw UsageError(description: "\(flag) needs a value")
            }
            return next
        }
        switch verb {
        case "install":
            var options = InstallOptions()
            while let flag = rest.popFirst() {
                switch flag {
                case "--from": options.binariesDir = try value(flag)
                case "--source": options.sourceDir = try value(flag)
                case "--plugin-root": options.pluginRoots.append(try value(flag))
                case "--no-settings": options.editSettings = false
                default: throw UsageError(description: "unknown option for install: \(flag)")
                }
            }
            return .install(options)
        case "reapply":
            // Extra arguments are ignored: a hook must never fail on its command line.
            return .reapply
        case "doctor":
            var json = false
            while let flag = rest.popFirst() {
                guard flag == "--format" else { throw UsageError(description: "unknown option for doctor: \(flag)") }
                switch try value(flag) {
                case "json": json = true
                case "text": json = false
                case let other: throw UsageError(description: "--format must be text or json, not \(other)")
                }
            }
            return .doctor(json: json)
        case "uninstall":
            var roots: [String] = []
            while let flag = rest.popFirst() {
                guard flag == "--plugin-root" else {
                    throw UsageError(description: "unknown option for uninstall: \(flag)")
                }
                roots.append(try value(flag))
            }
            return .uninstall(pluginRoots: roots)
        case "-h", "--help", "help": return .help
        case "--version": return .version
        default: throw UsageError(description: "unknown verb: \(verb)")
        }
    }

    func run(environment: Environment, console: Console) -> Int32 {
        switch self {
        case .help:
            console.out(Self.helpText + "\n" + Self.usage)
            return 0
        case .version:
            console.line("oss-hooks \(ToolVersion.current)")
            return 0
        case .reapply:
            // Take in the hook input Claude Code writes (so its write never meets a closed pipe), for at most 50 ms
            // and stopping as soon as it is one whole JSON value; it is not needed.
            if isatty(0) == 0 {
                _ = StdinReader(deadlineMilliseconds: 50).read(fd: 0) { (try? JSONValue.parse(bytes: $0)) != nil }
            }
            let result = Installer(environment: environment).reapply()
            for error in result.errors { console.errorLine("oss-hooks reapply: \(error)") }
            return 0
        case .doctor(let json):
            let report = Doctor(environment: environment).run()
            console.out(json ? report.json.pretty + "\n" : report.text)
            return report.isNative ? 0 : ExitStatus.failure.rawValue
        case .install(let options):
            return report(console) { () throws(InstallerError) in
                try Installer(environment: environment).install(options)
            }
        case .uninstall(let roots):
            return report(console) { () throws(InstallerError) in
                try Installer(environment: environment).uninstall(pluginRoots: roots)
            }
        }
    }

    private func report(_ console: Console, _ body: () throws(InstallerError) -> [String]) -> Int32 {
        do {
            for line in try body() { console.line(line) }
            return 0
        } catch {
            console.errorLine("oss-hooks: error: \(error.description)")
            return error.exitStatus.rawValue
        }
    }
}
