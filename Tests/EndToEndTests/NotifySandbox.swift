import Foundation
import Shared
import TestSupport

/// A temp HOME with a project, `config.json` pointing at a loopback OSS API, Telegram enabled through both flags,
/// and helpers to run the built tools without blocking the cooperative threads the in-process server needs.
struct NotifySandbox {
    let root: String
    let home: String
    let project: String
    let server: OSSAPIServer

    init(root: String, server: OSSAPIServer, telegram: Bool = true) throws {
        self.root = root
        self.server = server
        home = root.appendingPathComponent("home")
        project = home.appendingPathComponent("proj")
        try FileSystem.createDirectories(project)
        try writeConfig(apiURL: server.baseURL)
        if telegram {
            try writeFile(
                home.appendingPathComponent(".oss/settings.json"),
                #"""
                {"notifications":{"style":"visual","verbosity":"important","telegram":{"enabled":true}},
                 "telegram":{"enabled":true,"botToken":"123456:TEST-token_x","chatId":"42"}}
                """#)
        }
    }

    /// Rewrites `~/.oss/config.json` with the standard user's key and `apiURL`.
    func writeConfig(apiURL: String) throws {
        let config: JSONValue = ["apiKey": .string(OSSAPIServer.User.standard.apiKey), "apiUrl": .string(apiURL)]
        try writeFile(home.appendingPathComponent(".oss/config.json"), config.pretty)
    }

    /// The environment of a hook call in the project.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var variables = ["CLAUDE_PROJECT_DIR": project, "OSS_TELEGRAM_API_URL": server.baseURL]
        for (key, value) in extra { variables[key] = value }
        return ToolRunner.environment(home: home, extra: variables)
    }

    var stateFile: String { project.appendingPathComponent(".oss/workflow-state.json") }
    var sessionLog: String { project.appendingPathComponent(".oss/logs/current-session/session.log") }
    func commandLog(_ command: String) -> String {
        project.appendingPathComponent(".oss/logs/current-session/\(command).log")
    }

    /// Runs a built tool on a dispatch thread; returns its result and the wall time until its output pipes closed.
    func run(_ tool: String, _ arguments: [String], extra: [String: String] = [:]) async throws -> (
        result: ToolResult, seconds: Double
    ) {
        let environment = environment(extra)
        let cwd = project
        return try await Self.offload {
            let start = Date()
            let result = try ToolRunner.run(tool, arguments, environment: environment, cwd: cwd, timeout: 60)
            return (result, Date().timeIntervalSince(start))
        }
    }

    /// `oss-decrypt --setup` against the server, so `--workflow-config` can decrypt.
    func setUpCredentials() async throws {
        let (result, _) = try await run("oss-decrypt", ["--setup"])
        guard result.status == 0 else { throw SandboxError.setupFailed(result.description) }
    }

    /// Runs blocking work on a global dispatch queue.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Waits until `condition` holds (polling every 20 ms), up to `seconds`; returns whether it held.
    static func eventually(_ seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return condition()
    }

    /// The lines of a log without their `[HH:MM:SS] ` stamps.
    static func unstamped(_ path: String) -> [String] {
        (readFile(path) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("[") && line.count >= 11 && line.dropFirst(9).hasPrefix("] ")
                ? String(line.dropFirst(11)) : String(line)
        }
    }

    enum SandboxError: Error {
        case setupFailed(String)
    }
}
