import Foundation
import PromptDecrypt
import Shared
import SharedCrypto
import TestSupport

/// A temporary HOME for in-process orchestrator tests: `~/.oss/config.json` pointing at `FakeOSSAPI.baseURL`, an
/// explicit environment (no variable of the real process leaks in), a fixed clock and a fixed hardware id.
struct OrchestratorSandbox {
    /// The account the fake API serves.
    static let credentials = Credentials(
        apiKey: "ak_unit_5f4dcc3b5aa7", userID: "user_unit_1", hardwareID: "hw-bound-by-server", salt: "salt-unit-1")
    /// The fixed "now": 2026-11-25T21:25:57Z.
    static let now = Timestamp(seconds: 1_795_641_957)
    /// The hardware id this "machine" reports.
    static let localHardwareID = "hw-local-0123456789"

    let home: String
    var variables: [String: String]

    var environment: Environment { Environment(variables) }
    var paths: OSSPaths { OSSPaths(environment: environment) }
    var configDir: String { paths.configDir }
    var clock: WallClock { .fixed(Self.now) }

    /// Runs `body` in a fresh sandbox, removed afterwards. `signer`'s public key is the manifest key override.
    static func with<T>(
        signer: ManifestSigner? = nil, _ body: (inout OrchestratorSandbox) async throws -> T
    ) async throws -> T {
        let home = try makeTemporaryDirectory()
        defer { FileSystem.removeTree(home) }
        var variables = [
            "HOME": home, "USER": "ossuser", "PATH": home + "/empty-path", "LANG": "C.UTF-8", "TZ": "UTC",
        ]
        if let signer { variables[ManifestPublicKey.environmentVariable] = signer.publicKey.spkiBase64 }
        var sandbox = OrchestratorSandbox(home: home, variables: variables)
        try sandbox.writeConfig()
        return try await body(&sandbox)
    }

    /// Writes `config.json` (the key is left out when nil).
    func writeConfig(apiKey: String? = credentials.apiKey, apiURL: String = FakeOSSAPI.baseURL) throws {
        var config = JSONObject()
        if let apiKey { config["apiKey"] = .string(apiKey) }
        config["apiUrl"] = .string(apiURL)
        try writeFile(paths.configFile, JSONValue.object(config).pretty)
    }

    /// A decrypt context over `transport` writing to `console`.
    func decryptContext(transport: any HTTPTransport, console: Console) -> DecryptContext {
        DecryptContext(
            environment: environment, transport: transport, console: console, clock: clock, loginName: nil,
            hardwareID: { _ in Self.localHardwareID })
    }

    /// Stores `credentials` in `credentials.enc` the way `--setup` does.
    func storeCredentials(_ credentials: Credentials = credentials) throws {
        let context = decryptContext(transport: FakeTransport { _ in HTTPResponse(status: 500) }, console: .discard)
        try context.credentialStore.write(credentials)
    }

    /// `~/fake-sender-calls.txt`: one line of arguments per call of the fake sender.
    var fakeSenderCalls: String { home + "/fake-sender-calls.txt" }
    /// `~/delivered.json`: the last outbox file the fake sender was handed.
    var deliveredOutbox: String { home + "/delivered.json" }

    /// Installs a fake `oss-decrypt` (through `OSS_DECRYPT_BIN`) that records its arguments, keeps the outbox file
    /// it is handed as `deliveredOutbox`, and answers `--workflow-config` with `~/workflow-config.json` (exit 3 and a
    /// stderr line when that file is missing). The network side of the hooks is observed without a network.
    mutating func installFakeSender() throws {
        let sender = home + "/fake-oss-decrypt"
        try writeFile(
            sender,
            """
            #!/bin/sh
            printf '%s\\n' "$*" >> "$HOME/fake-sender-calls.txt"
            case "$1" in
            --deliver) /bin/mv "$2" "$HOME/delivered.json" ;;
            --workflow-config)
                if [ -f "$HOME/workflow-config.json" ]; then /bin/cat "$HOME/workflow-config.json"
                else echo "fake: no workflow config" >&2; exit 3; fi ;;
            esac

            """, mode: 0o755)
        variables["OSS_DECRYPT_BIN"] = sender
    }

    /// The requests of the outbox file the fake sender took, waiting for the detached sender at most 10 s.
    func deliveredRequests() async throws -> [OutboxRequest] {
        for _ in 0..<200 where !FileSystem.exists(deliveredOutbox) {
            try await Task.sleep(for: .milliseconds(50))
        }
        return try Outbox.read(deliveredOutbox)
    }

    /// The parsed JSON of a file, or nil.
    static func json(_ path: String) -> JSONValue? {
        readFile(path).flatMap { try? JSONValue.parse($0) }
    }

    /// The permission bits of a path.
    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o777
    }
}
