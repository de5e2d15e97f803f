import Foundation
import Shared
import SharedCrypto
import TestSupport
import Testing

/// A temp HOME with `~/.oss/config.json` pointing at a started `OSSAPIServer`, plus helpers to run the built
/// `oss-decrypt` in it with an explicit minimal environment.
struct DecryptSandbox {
    let home: String
    let server: OSSAPIServer
    /// Added to every run's environment (after the defaults).
    var environment: [String: String]

    var configDir: String { home + "/.oss" }

    /// Runs `body` with a fresh sandbox whose server is stopped afterwards.
    static func with<T>(
        user: OSSAPIServer.User = .standard, latency: Double = 0,
        _ body: (DecryptSandbox) async throws -> T
    ) async throws -> T {
        let home = try makeTemporaryDirectory()
        defer { FileSystem.removeTree(home) }
        let server = try OSSAPIServer(user: user, latency: latency)
        try await server.start()
        let sandbox = DecryptSandbox(
            home: home, server: server,
            environment: [
                "OSS_MANIFEST_PUBLIC_KEY": server.publicKeySPKI,
                "OSS_HTTP_TIMEOUT": "10",
            ])
        try sandbox.writeConfig(apiKey: user.apiKey)
        do {
            let result = try await body(sandbox)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Writes `<configDir>/config.json`.
    func writeConfig(apiKey: String?, apiURL: String? = nil, directory: String? = nil) throws {
        var config = JSONObject()
        if let apiKey { config["apiKey"] = .string(apiKey) }
        config["apiUrl"] = .string(apiURL ?? server.baseURL)
        try writeFile((directory ?? configDir) + "/config.json", JSONValue.object(config).pretty)
    }

    /// The environment of a run: PATH, HOME, USER, LANG, TZ, then `environment`, then `extra`; `removing` drops
    /// names.
    func runEnvironment(_ extra: [String: String] = [:], removing: [String] = []) -> [String: String] {
        var result = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "USER": "ossuser", "LANG": "C.UTF-8", "TZ": "UTC",
        ]
        for (key, value) in environment { result[key] = value }
        for (key, value) in extra { result[key] = value }
        for name in removing { result[name] = nil }
        return result
    }

    /// Runs the built oss-decrypt.
    func run(_ arguments: [String], _ extra: [String: String] = [:], removing: [String] = []) async throws
        -> ToolResult
    {
        try await ToolRunner.runAsync(
            "oss-decrypt", arguments, environment: runEnvironment(extra, removing: removing), cwd: home)
    }

    /// Runs `--setup` and requires it to succeed.
    func setup(_ extra: [String: String] = [:], removing: [String] = []) async throws {
        let result = try await run(["--setup"], extra, removing: removing)
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout
                == "Setup complete. Credentials stored securely.\nNote: Any previously cached prompts have been cleared for security.\n"
        )
    }

    /// The text of a file in the config dir, or nil.
    func configFile(_ name: String) -> String? { readFile(configDir + "/" + name) }

    /// The permission bits of a path.
    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o777
    }
}

/// Files under `Tests/EndToEndTests/Fixtures/`.
enum EndToEndFixtures {
    private static func files() throws -> FixtureFiles {
        try FixtureFiles(resourcePath: Bundle.module.resourcePath, subdirectory: "Fixtures")
    }

    static func path(_ relative: String) throws -> String { try files().path(relative) }
    static func bytes(_ relative: String) throws -> [UInt8] { try files().bytes(relative) }
    static func text(_ relative: String) throws -> String { try files().text(relative) }
    static func json(_ relative: String) throws -> JSONValue { try files().json(relative) }
}
