import Foundation
import Shared
import TestSupport

/// A throw-away HOME for running the built `oss-log`: `<root>/home` is HOME, `<root>/tmpdir` is TMPDIR, and
/// `<root>/elsewhere` lies outside both (so a project there is rejected).
struct LogSandbox {
    let root: String

    var home: String { root.appendingPathComponent("home") }
    var tmp: String { root.appendingPathComponent("tmpdir") }
    var elsewhere: String { root.appendingPathComponent("elsewhere") }
    /// `~/.oss/logs`.
    var globalBase: String { home.appendingPathComponent(".oss/logs") }
    /// `~/.oss/logs/current-session`.
    var globalSession: String { globalBase.appendingPathComponent("current-session") }

    init(_ root: String) throws {
        self.root = root
        for dir in [home, tmp, elsewhere] { try FileSystem.createDirectories(dir) }
    }

    /// The minimal environment plus `extra` (TMPDIR is the sandbox's own).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var variables = ["TMPDIR": tmp]
        for (key, value) in extra { variables[key] = value }
        return ToolRunner.environment(home: home, extra: variables)
    }

    /// Runs the built `oss-log`.
    @discardableResult
    func run(_ arguments: [String], _ extra: [String: String] = [:], cwd: String? = nil) throws -> ToolResult {
        try ToolRunner.run("oss-log", arguments, environment: environment(extra), cwd: cwd ?? root)
    }

    /// Creates a directory (and parents) and returns its path.
    func directory(_ path: String) throws -> String {
        try FileSystem.createDirectories(path)
        return path
    }

    /// A file's text, "" when missing.
    func text(_ path: String) -> String {
        readFile(path) ?? ""
    }
}

/// Log text with every `[HH:MM:SS]` stamp replaced by `[TS]` (after checking each is a real time of day), the init
/// header's date replaced by `DATE` and its PID by `PID`.
func normalised(_ text: String) -> String {
    var result = text.replacing(/\[([01]\d|2[0-3]):[0-5]\d:[0-5]\d\]/, with: "[TS]")
    result = result.replacing(/Started: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/, with: "Started: DATE")
    result = result.replacing(/PID: \d+\n/, with: "PID: PID\n")
    return result
}

/// The 7-line header `init` writes, normalised.
func initHeader(_ command: String) -> String {
    let rule = String(repeating: "═", count: 63)
    return
        "\(rule)\n  OSS Command: /oss:\(command)\n  Started: DATE\n  Session: current-session\n  PID: PID\n\(rule)\n\n"
}
