import Foundation
import Shared
import SharedCrypto
import TestSupport
import Testing

/// Bad inputs and a hostile network for the built `oss-decrypt`. Contract compatibility.md#decrypt-flags: every failure prints
/// `Error: <message>` and exits 1 (75 for a timeout, which upstream could not have); the hidden
/// `--workflow-config` uses sysexits codes. Names are validated before any URL exists (D35), secrets and files are
/// never damaged, and every request is bounded in time and size.
struct OSSDecryptFaultTests {
    private static let credentials = "home/.oss/credentials.enc"
    private static let config = "home/.oss/config.json"
    /// A config whose API is a closed loopback port: any request that escaped validation would fail differently.
    private static let deadConfig = FaultCase.file(config, #"{"apiKey": "ak_test", "apiUrl": "http://127.0.0.1:9"}"#)
    private static let decrypt: [FaultArgument] = ["--type", "commands", "--name", "build"]

    static let cases: [FaultCase] = [
        FaultCase(
            name: "malformed config.json",
            files: [FaultCase.file(config, #"{"apiKey": "ak_test", "apiUrl": "#)], arguments: decrypt, status: 1,
            stderr: .contains("Error: No API key configured. Run /oss:login first."),
            why: "compatibility.md#credentials: an unparsable config counts as empty; config.json is never rewritten"),
        FaultCase(
            name: "config.json of binary garbage",
            files: [(config, [0xFF, 0x00, 0xFE, 0x7B])], arguments: ["--setup"], status: 1,
            stderr: .contains("Error: No API key configured."), why: "compatibility.md#credentials"),
        FaultCase(
            name: "config.json with an empty key and a non-string URL",
            files: [FaultCase.file(config, #"{"apiKey": "", "apiUrl": 42}"#)], arguments: ["--setup"], status: 1,
            stderr: .contains("Error: No API key configured."), why: "an empty apiKey is no key"),
        FaultCase(
            name: "insecure apiUrl",
            files: [FaultCase.file(config, #"{"apiKey": "ak_test", "apiUrl": "http://example.com"}"#)],
            arguments: ["--setup"], status: 1, stderr: .contains("Error: Refusing insecure API URL http://example.com"),
            why: "D37 fixed: https only except loopback, checked before any connection"),
        FaultCase(
            name: "file:// apiUrl",
            files: [FaultCase.file(config, #"{"apiKey": "ak_test", "apiUrl": "file:///etc/passwd"}"#)],
            arguments: ["--verify-manifest"], status: 1, stderr: .contains("Error: Refusing insecure API URL file://"),
            why: "only http(s) URLs are ever requested"),
        FaultCase(
            name: "apiUrl smuggling a host with a backslash",
            files: [FaultCase.file(config, #"{"apiKey": "ak_test", "apiUrl": "http://127.0.0.1\\@evil.example"}"#)],
            arguments: ["--setup"], status: 1, stderr: .contains("Error: Refusing insecure API URL"),
            why: "parsers disagree on backslashes in authorities, so such URLs are refused outright"),
        FaultCase(
            name: "malformed credentials.enc",
            files: [deadConfig, FaultCase.file(credentials, "not:valid:credentials")], arguments: decrypt, status: 1,
            stderr: .contains("Error: Credentials not found. Run setup first."),
            why:
                "compatibility.md#credentials: unreadable credentials count as none; the file is left for --setup to replace"
        ),
        FaultCase(
            name: "credentials.enc of binary garbage",
            files: [deadConfig, (credentials, [0x00, 0x3A, 0xFF, 0x3A, 0x80])], arguments: decrypt, status: 1,
            stderr: .contains("Error: Credentials not found."), why: "compatibility.md#credentials"),
        FaultCase(
            name: "credentials.enc of 1 MB",
            files: [deadConfig, FaultCase.file(credentials, String(repeating: "QUFB", count: 262_144))],
            arguments: decrypt, status: 1, stderr: .contains("Error: Credentials not found."),
            why: "compatibility.md#credentials"),
        FaultCase(
            name: "credentials.enc encrypted for someone else",
            files: [
                deadConfig,
                FaultCase.file(credentials, "AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAA==:e30="),
            ],
            arguments: decrypt, status: 1, stderr: .contains("Error: Credentials not found."),
            why: "compatibility.md#credentials: an authentication failure is 'no credentials'"),
        FaultCase(
            name: "path traversal in --name",
            files: [deadConfig], arguments: ["--type", "commands", "--name", "../../admin/users"], status: 1,
            stderr: .contains("Error: Invalid prompt name: the name must not contain / or \\"),
            why: "D35 fixed: names are one URL path segment, checked before any request"),
        FaultCase(
            name: "encoded traversal in --name",
            files: [deadConfig], arguments: ["--type", "workflows", "--name", "..%2f..%2fadmin"], status: 1,
            stderr: .contains("Error: Invalid prompt name: the name must not contain .."), why: "D35"),
        FaultCase(
            name: "percent-encoded dots in --name",
            files: [deadConfig], arguments: ["--type", "commands", "--name", "%2e%2e"], status: 1,
            stderr: .contains("Error: Invalid prompt name: the name must not contain percent-encoded characters"),
            why: "issue 10 #13: encoded forms are refused before any request, not encoded again and sent"),
        FaultCase(
            name: "percent-encoded slash in --name",
            files: [deadConfig], arguments: ["--type", "agents", "--name", "a%2Fb"], status: 1,
            stderr: .contains("must not contain percent-encoded characters"), why: "issue 10 #13"),
        FaultCase(
            name: "percent-encoded NUL in --name",
            files: [deadConfig], arguments: ["--type", "commands", "--name", "build%00"], status: 1,
            stderr: .contains("must not contain percent-encoded characters"), why: "issue 10 #13"),
        FaultCase(
            name: "percent-encoded name for --workflow-config",
            files: [deadConfig], arguments: ["--workflow-config", "plan%2e%2e"], status: 64,
            stderr: .contains("must not contain percent-encoded characters"),
            why: "issue 10 #13: the hidden flag validates names the same way (64: bad name)"),
        FaultCase(
            name: "control character in --name",
            files: [deadConfig], arguments: ["--type", "commands", "--name", "build\r\nX-Injected: 1"], status: 1,
            stderr: .contains("must not contain control characters"), why: "no header or log injection through names"),
        FaultCase(
            name: "path traversal in --type",
            files: [deadConfig], arguments: ["--type", "../../etc", "--name", "passwd"], status: 1,
            stderr: .contains("Error: Invalid prompt type: ../../etc. Allowed: commands, workflows"), why: "D35"),
        FaultCase(
            name: "maximum-size --name",
            files: [deadConfig],
            arguments: ["--type", "commands", "--name", .text(String(repeating: "n", count: 131_071))], status: 1,
            stderr: .contains("Error: Invalid prompt name: the name is longer than 100 characters"), why: "D35"),
        FaultCase(
            name: "1 MB of ignored arguments",
            files: [deadConfig],
            arguments: ["--version"] + Array(repeating: .text(String(repeating: "v", count: 131_071)), count: 8),
            status: 0, stderr: .empty, why: "compatibility.md#decrypt-flags: unknown arguments are ignored",
            check: { _, result in #expect(result.stdout.hasPrefix("oss-decrypt v")) }),
        FaultCase(
            name: "non-UTF-8 --name",
            files: [deadConfig], arguments: ["--type", "commands", "--name", .bytes([0x62, 0xFF, 0xC0])], status: 1,
            stderr: .contains("Error: Credentials not found."),
            why: "a repaired name (U+FFFD) is a valid segment; the run then stops at the missing credentials"),
        FaultCase(
            name: "traversal in --workflow-config",
            files: [deadConfig], arguments: ["--workflow-config", "../../admin"], status: 64,
            stderr: .contains("Error: Invalid prompt name"),
            why: "hidden flag: sysexits usage error, before any request"),
        FaultCase(
            name: "--deliver of a file outside the outbox",
            files: [deadConfig],
            arguments: ["--deliver", "$HOME/.oss/config.json"], status: 0, stderr: .empty,
            why: "fixed here: --deliver deleted any malformed file it was given (e.g. config.json); it now touches "
                + "only entries of ~/.oss/outbox, logs the refusal and exits 0 (it runs detached)",
            check: { sandbox, _ in
                #expect(readFile(sandbox.home + "/.oss/logs/delivery.log")?.contains("left untouched") == true)
            }),
        FaultCase(
            name: "--deliver of a malformed outbox entry",
            files: [deadConfig, FaultCase.file("home/.oss/outbox/1-1-1.json", "{not json")],
            arguments: ["--deliver", "$HOME/.oss/outbox/1-1-1.json"], status: 0, stderr: .empty,
            consumed: ["home/.oss/outbox/1-1-1.json"],
            why: "an unreadable outbox entry is dropped (it could never be sent) and logged",
            check: { sandbox, _ in
                #expect(!FileSystem.exists(sandbox.home + "/.oss/outbox/1-1-1.json"))
                #expect(readFile(sandbox.home + "/.oss/logs/delivery.log")?.contains("malformed outbox file") == true)
            }),
        FaultCase(
            name: "OSS_CONFIG_DIR pointing at a file",
            files: [FaultCase.file("cfg-file", "{}")], arguments: decrypt,
            environment: ["OSS_CONFIG_DIR": "$ROOT/cfg-file"], status: 1,
            stderr: .contains("Error: No API key configured."),
            why: "a config dir that is not a directory holds no config"),
        FaultCase(
            name: "dangling ~/.oss symlink",
            links: [("h2/.oss", "$ROOT/nowhere")], arguments: ["--clear-cache"],
            environment: ["HOME": "$ROOT/h2"], status: 0, stderr: .empty,
            why: "clear-cache of a missing cache is a no-op; nothing is created at the link's target",
            check: { sandbox, _ in #expect(!FileSystem.exists(sandbox.path("nowhere"))) }),
    ]

    @Test(arguments: cases)
    func badInput(_ fault: FaultCase) async throws {
        try await FaultRunner.run("oss-decrypt", fault)
    }
}

/// The API misbehaving under oss-decrypt, and damaged files around a successful decrypt. Serialized: every test
/// runs its own in-process server, and dozens of them at once on two cores starve each other.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct OSSDecryptNetworkFaultTests {
    // MARK: Network faults

    /// What the API does wrong.
    enum NetworkFault: String, CaseIterable, Sendable {
        /// Never answers.
        case hang
        /// Resets the TCP connection after reading the request.
        case reset
        /// Closes the connection without a byte.
        case emptyReply
        /// 200 with a body that is not JSON.
        case garbage
        /// 200 with a body one byte over the 8 MiB cap.
        case hugeBody
        /// 302 to plain http on a non-loopback host.
        case redirectToHTTP
    }

    /// Which oss-decrypt flow meets the fault, and on which endpoint.
    enum Flow: String, CaseIterable, Sendable {
        case decrypt, setup, workflowConfig, verifyManifest, listPrompts, manifestDuringDecrypt

        var arguments: [String] {
            switch self {
            case .decrypt, .manifestDuringDecrypt: ["--type", "commands", "--name", "build"]
            case .setup: ["--setup"]
            case .workflowConfig: ["--workflow-config", "build"]
            case .verifyManifest: ["--verify-manifest"]
            case .listPrompts: ["--list-prompts"]
            }
        }

        var faultyPath: String {
            switch self {
            case .decrypt: "/api/v1/prompts/build"
            case .setup: "/api/v1/auth/credentials"
            case .workflowConfig: "/api/v1/workflows/build"
            case .verifyManifest, .listPrompts, .manifestDuringDecrypt: "/api/v1/prompts/manifest"
            }
        }
    }

    /// The exit status and stderr phrase a flow must end with under a fault (stdout is checked separately).
    static func expectation(_ fault: NetworkFault, _ flow: Flow) -> (status: Int32, phrase: String) {
        let message: String
        switch fault {
        case .hang: message = "Error: Request timed out after 1 s"
        case .reset, .emptyReply: message = "Error: Cannot reach http://127.0.0.1:"
        case .garbage: message = "Error: Invalid response from http://127.0.0.1:"
        case .hugeBody: message = "exceeds 8388608 bytes"
        case .redirectToHTTP: message = "Error: Refusing redirect from http://127.0.0.1:"
        }
        switch flow {
        case .decrypt, .setup:
            return (fault == .hang ? 75 : 1, message)
        case .workflowConfig:
            switch fault {
            case .hang: return (75, message)
            case .reset, .emptyReply, .redirectToHTTP: return (69, message)
            case .garbage, .hugeBody: return (65, message)
            }
        case .verifyManifest: return (1, "")
        case .listPrompts: return (0, "")
        case .manifestDuringDecrypt: return (0, "[verify] Manifest unavailable — skipping verification")
        }
    }

    @Test(arguments: NetworkFault.allCases, Flow.allCases)
    func networkFault(_ fault: NetworkFault, _ flow: Flow) async throws {
        let server = try OSSAPIServer()
        try await server.start()
        let raw = try RawTCPServer(fault == .reset ? .reset : .close)
        defer {
            raw.stop()
            Task { await server.stop() }
        }
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: server, telegram: false)
            try await sandbox.setUpCredentials()
            server.addPrompt(type: "commands", name: "build", text: "# Build\nDo the thing.")
            server.addWorkflow(name: "build", json: #"{"name":"build"}"#)
            let credentials = try #require(FileSystem.readIfPresent(sandbox.home + "/.oss/credentials.enc"))
            let reply: TestHTTPServer.Reply
            switch fault {
            case .hang: reply = .hang
            case .reset, .emptyReply:
                reply = .respond(status: 307, headers: [HTTPHeader("Location", raw.baseURL + "/gone")], body: [])
            case .garbage: reply = .text("<html>Service Unavailable</html>")
            case .hugeBody:
                reply = .respond(status: 200, headers: [], body: [UInt8](repeating: 0x20, count: 8 * 1024 * 1024 + 1))
            case .redirectToHTTP:
                // 0.0.0.0 is not loopback for the policy; should it ever be followed, it fails locally at once.
                reply = .respond(status: 302, headers: [HTTPHeader("Location", "http://0.0.0.0:9/stolen")], body: [])
            }
            server.override(path: flow.faultyPath, with: reply)
            let extra = ["OSS_HTTP_TIMEOUT": "1", "OSS_MANIFEST_PUBLIC_KEY": server.publicKeySPKI]
            let (result, seconds) = try await sandbox.run("oss-decrypt", flow.arguments, extra: extra)
            let (status, phrase) = Self.expectation(fault, flow)
            #expect(result.status == status, "\(fault) \(flow): \(result)")
            #expect(phrase.isEmpty || result.stderr.contains(phrase), "\(fault) \(flow): \(result)")
            #expect(seconds < 8, "\(fault) \(flow) took \(seconds) s")
            switch flow {
            case .verifyManifest:
                #expect(result.stdout == #"{"signatureValid":false,"error":"Failed to fetch manifest"}"# + "\n")
            case .listPrompts:
                #expect(result.stdout == "[]\n")
            case .manifestDuringDecrypt:
                #expect(result.stdout == "# Build\nDo the thing.\n")
            default:
                #expect(result.stdout == "", "nothing unverified reaches stdout")
            }
            #expect(FileSystem.readIfPresent(sandbox.home + "/.oss/credentials.enc") == credentials)
            #expect(!result.stderr.contains(OSSAPIServer.User.standard.apiKey), "the API key never reaches stderr")
        }
    }

    // MARK: Damaged state around a successful decrypt

    /// `update-state.json` contents that are not a usable state, and whether they are valid JSON.
    static let damagedUpdateStates: [(name: String, bytes: [UInt8])] = [
        ("truncated", Array(#"{"lastPluginVersion": "2.0.80", "promptSignatures": {"#.utf8)),
        ("binary", [0x00, 0xFF, 0x7B, 0x7D, 0xC3]),
        ("array", Array(#"[{"promptSignatures": {}}]"#.utf8)),
        ("string", Array(#""2.0.80""#.utf8)),
    ]

    @Test(arguments: damagedUpdateStates.map(\.name))
    func damagedUpdateStateIsMovedAside(_ name: String) async throws {
        let bytes = try #require(Self.damagedUpdateStates.first { $0.name == name }?.bytes)
        try await withDecryptServer { sandbox, server in
            let path = sandbox.home + "/.oss/update-state.json"
            try FileSystem.writeAtomically(bytes, to: path, mode: 0o600)
            let (result, _) = try await sandbox.run(
                "oss-decrypt", ["--type", "commands", "--name", "build"],
                extra: ["OSS_MANIFEST_PUBLIC_KEY": server.publicKeySPKI])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "# Build\nDo the thing.\n")
            #expect(result.stderr.contains("[update] \(path) is not"), "\(result)")
            let aside = FileSystem.listDirectory(sandbox.home + "/.oss").filter {
                $0.hasPrefix("update-state.json.corrupt-")
            }
            #expect(aside.count == 1)
            #expect(aside.first.flatMap { FileSystem.readIfPresent(sandbox.home + "/.oss/" + $0) } == bytes)
            let fresh = try JSONValue.parse(try #require(readFile(path)))
            #expect(fresh["promptSignatures"]?["commands/build"]?.stringValue?.count == 64)
        }
    }

    @Test func symlinkedOSSDirectoryWorksThroughTheLink() async throws {
        try await withDecryptServer { sandbox, server in
            let real = sandbox.root.appendingPathComponent("dotfiles-oss")
            try FileSystem.move(sandbox.home + "/.oss", to: real)
            #expect(symlink(real, sandbox.home + "/.oss") == 0)
            let (result, _) = try await sandbox.run(
                "oss-decrypt", ["--type", "commands", "--name", "build"],
                extra: ["OSS_MANIFEST_PUBLIC_KEY": server.publicKeySPKI])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "# Build\nDo the thing.\n")
            #expect(FileSystem.exists(real + "/update-state.json"))
            var status = stat()
            #expect(lstat(sandbox.home + "/.oss", &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK)
        }
    }

    @Test(.enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")))
    func readOnlyConfigDirectory() async throws {
        try await withDecryptServer { sandbox, server in
            let credentials = try #require(FileSystem.readIfPresent(sandbox.home + "/.oss/credentials.enc"))
            let environment = sandbox.environment(["OSS_MANIFEST_PUBLIC_KEY": server.publicKeySPKI])
            let decrypt = try await NotifySandbox.offload {
                try MountNamespace.runReadOnly(
                    sandbox.home + "/.oss", ToolRunner.path(of: "oss-decrypt"),
                    ["--type", "commands", "--name", "build"],
                    environment: environment)
            }
            #expect(decrypt.status == 0, "the prompt is still delivered: \(decrypt)")
            #expect(decrypt.stdout == "# Build\nDo the thing.\n")
            #expect(decrypt.stderr.contains("[update] cannot record the prompt version"), "\(decrypt)")
            let setup = try await NotifySandbox.offload {
                try MountNamespace.runReadOnly(
                    sandbox.home + "/.oss", ToolRunner.path(of: "oss-decrypt"), ["--setup"], environment: environment)
            }
            #expect(setup.status == 1, "\(setup)")
            #expect(setup.stderr.contains("Error:") && setup.stderr.contains("Read-only file system"), "\(setup)")
            #expect(FileSystem.readIfPresent(sandbox.home + "/.oss/credentials.enc") == credentials)
        }
    }

    @Test(.enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")))
    func fullConfigDirectory() async throws {
        try await withDecryptServer { sandbox, server in
            let credentials = try #require(FileSystem.readIfPresent(sandbox.home + "/.oss/credentials.enc"))
            let snapshot = sandbox.root.appendingPathComponent("snapshot")
            try FileSystem.createDirectories(snapshot)
            let environment = sandbox.environment(["OSS_MANIFEST_PUBLIC_KEY": server.publicKeySPKI])
            let setup = try await NotifySandbox.offload {
                try MountNamespace.runFull(
                    sandbox.home + "/.oss", kilobytes: 64, snapshot: snapshot, ToolRunner.path(of: "oss-decrypt"),
                    ["--setup"], environment: environment)
            }
            #expect(setup.status == 1, "\(setup)")
            #expect(setup.stderr.contains("No space left on device"), "\(setup)")
            #expect(FileSystem.readIfPresent(snapshot + "/credentials.enc") == credentials, "atomic: old file kept")
            #expect(FileSystem.listDirectory(snapshot).allSatisfy { !$0.contains(".tmp-") })
        }
    }

    @Test(.enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")))
    func missingHome() async throws {
        try await NotifySandbox.offload {
            try withTemporaryDirectory { root in
                let (result, fakeHome) = try MountNamespace.runWithoutHome(
                    "oss-decrypt", ["--type", "commands", "--name", "build"], root: root)
                #expect(result.status == 1)
                #expect(result.stderr == "Error: No API key configured. Run /oss:login first.\n")
                #expect(FileSystem.listDirectory(fakeHome).isEmpty, "a failed decrypt writes nothing")
            }
        }
    }

    /// Runs `body` with a started API serving `commands/build` and a sandbox whose credentials are set up.
    private func withDecryptServer(_ body: (NotifySandbox, OSSAPIServer) async throws -> Void) async throws {
        let server = try OSSAPIServer()
        try await server.start()
        defer { Task { await server.stop() } }
        try await withTemporaryDirectory { root in
            let sandbox = try NotifySandbox(root: root, server: server, telegram: false)
            try await sandbox.setUpCredentials()
            server.addPrompt(type: "commands", name: "build", text: "# Build\nDo the thing.")
            try await body(sandbox, server)
        }
    }
}
