import Foundation
import Shared

/// What a finished tool process produced.
package struct ToolResult: Sendable, CustomStringConvertible {
    /// The exit status (or 128 + signal).
    package var status: Int32
    /// Everything written to stdout.
    package var stdout: String
    /// Everything written to stderr.
    package var stderr: String
    /// Wall time from launch to exit, in seconds.
    package var seconds: Double

    package var description: String {
        "status \(status)\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)"
    }
}

/// Runs the package's built executables with an explicit, minimal environment.
package enum ToolRunner {
    /// The directory holding the built products (`.build/<triple>/debug`), found next to the test bundle.
    package static var productsDirectory: String {
        if let override = ProcessInfo.processInfo.environment["OSS_PRODUCTS_DIR"], !override.isEmpty {
            return override
        }
        var url = Bundle.main.bundleURL
        if url.pathExtension == "xctest" { url = url.deletingLastPathComponent() }
        let candidate = url.path
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("oss-log")) { return candidate }
        // Under some runners Bundle.main is the runner itself; fall back to the executable's directory.
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        return executable
    }

    /// The path of a built tool.
    package static func path(of tool: String) -> String {
        productsDirectory.appendingPathComponent(tool)
    }

    /// The minimal environment for a tool run in a sandbox HOME: PATH, HOME, TMPDIR, LANG and TZ=UTC.
    package static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "TMPDIR": home.deletingLastPathComponent,
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "USER": "ossuser",
        ]
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Runs `tool` with `arguments`, the given environment (nothing inherited), optional stdin, in `cwd`.
    /// - Throws: when the binary is missing (naming its path) or cannot be started.
    @discardableResult
    package static func run(
        _ tool: String, _ arguments: [String], environment: [String: String], stdin: String? = nil,
        cwd: String? = nil, timeout: Double = 60
    ) throws -> ToolResult {
        let executable = path(of: tool)
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ToolRunnerError.missingBinary(executable)
        }
        return try runProcess(
            executable, arguments, environment: environment, stdin: stdin, cwd: cwd, timeout: timeout)
    }

    /// Runs any executable (e.g. a shell for the hook shims). Pipes are read on dedicated threads, never on
    /// Dispatch's global queues, which on Linux also carry the cooperative pool that in-process servers need.
    package static func runProcess(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: String? = nil,
        cwd: String? = nil, timeout: Double = 60
    ) throws -> ToolResult {
        try runOnThreads(executable, arguments, environment: environment, stdin: stdin, cwd: cwd, timeout: timeout)
    }
}

/// Why a tool could not be run.
package enum ToolRunnerError: Error, CustomStringConvertible {
    case missingBinary(String)
    case timedOut(String, Double)

    package var description: String {
        switch self {
        case .missingBinary(let path): return "built tool not found at \(path); run `swift build` first"
        case .timedOut(let path, let seconds): return "\(path) did not exit within \(seconds) s"
        }
    }
}
