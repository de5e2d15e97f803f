import Foundation
import Shared
import TestSupport
import Testing

/// Bad inputs for the built `oss-log`: broken files, hostile names, huge and non-UTF-8 arguments, odd homes,
/// read-only and full directories. oss-log is a hook: it never exits 2, keeps logging through a bad settings file
/// (D6), exits 0 when a log cannot be written (fail open) and 1 only for usage errors (compatibility.md#exit-codes).
struct OSSLogFaultTests {
    private static let session = "home/proj/.oss/logs/current-session/session.log"
    private static let earlier = FaultCase.file(session, "[00:00:00] [build] earlier line\n")
    /// The longest single argument Linux passes (MAX_ARG_STRLEN is 32 pages; `execve` fails with E2BIG beyond).
    static let maximumArgument = 131_071

    private static func sessionText(_ sandbox: FaultSandbox) -> String {
        readFile(sandbox.path(session)) ?? ""
    }

    static let cases: [FaultCase] = [
        FaultCase(
            name: "malformed settings.json",
            files: [earlier, FaultCase.file("home/.oss/settings.json", #"{"logs": {"maxSessionSizeMB": "#)],
            arguments: ["write", "build", "hi"], status: 0,
            stderr: .contains("oss-log: warning: ignoring "),
            appendOnly: [session],
            why: "D6 fixed: defaults apply, one warning, the line is still logged; settings.json is never rewritten",
            check: { sandbox, _ in #expect(sessionText(sandbox).hasSuffix("[build] hi\n")) }),
        FaultCase(
            name: "settings.json of binary garbage",
            files: [earlier, ("home/.oss/settings.json", [0xFF, 0xFE, 0x00, 0x7B, 0x22, 0xC3])],
            arguments: ["error", "build", "boom"], status: 0, stderr: .contains("using default settings"),
            appendOnly: [session], why: "D6: unparsable bytes are a warning, not an abort",
            check: { sandbox, _ in #expect(sessionText(sandbox).hasSuffix("[build] [ERROR] boom\n")) }),
        FaultCase(
            name: "settings.json with wrong types",
            files: [
                earlier,
                FaultCase.file(
                    "home/.oss/settings.json",
                    #"{"logs":{"maxSessionSizeMB":"ten","maxArchiveCount":[],"maxCommandLogSizeKB":-5},"notifications":7}"#
                ),
            ],
            arguments: ["test", "build", "PASS"], status: 0, stderr: .empty, appendOnly: [session],
            why: "D6: a non-numeric logs.* value falls back to its default silently, as jq's `// default` does",
            check: { sandbox, _ in #expect(sessionText(sandbox).hasSuffix("[build] [TEST] PASS\n")) }),
        FaultCase(
            name: "settings.json nested deeper than the parser allows",
            files: [earlier, ("home/.oss/settings.json", Array(repeating: UInt8(ascii: "["), count: 200_000))],
            arguments: ["write", "build", "deep"], status: 0, stderr: .contains("nesting deeper than 512"),
            appendOnly: [session], why: "the nesting cap turns a stack-exhausting file into a warning"),
        FaultCase(
            name: "malformed workflow-state.json on phase",
            files: [earlier, FaultCase.file("home/proj/.oss/workflow-state.json", #"{"activeStep": "build", "chai"#)],
            arguments: ["phase", "build", "RED", "start"], status: 0, stderr: .contains("moved it aside to"),
            movedAside: ["home/proj/.oss/workflow-state.json"], appendOnly: [session],
            why: "D27 fixed: the unparsable state is kept as <name>.corrupt-*, reported, and a fresh state written",
            check: { sandbox, _ in
                let state = try JSONValue.parse(try #require(readFile(sandbox.project + "/.oss/workflow-state.json")))
                #expect(state["tddPhase"] == "red")
            }),
        FaultCase(
            name: "workflow-state.json that is an array, on agent start",
            files: [earlier, FaultCase.file("home/proj/.oss/workflow-state.json", #"[{"version": 3}]"#)],
            arguments: ["agent", "build", "swift-expert", "starting: parser"], status: 0,
            stderr: .contains("is not a JSON object; moved it aside"),
            movedAside: ["home/proj/.oss/workflow-state.json"], appendOnly: [session],
            why: "D27: JSON that is not an object is moved aside just like unparsable text"),
        FaultCase(
            name: "malformed health-workflow-state.json",
            files: [FaultCase.file("home/.oss/health-workflow-state.json", #"{"currentFeature": "auth"#)],
            arguments: ["workflow", "complete", "build"], status: 0, stderr: .contains("moved it aside to"),
            movedAside: ["home/.oss/health-workflow-state.json"],
            why: "the health state is a JSON file store too: moved aside, never overwritten"),
        FaultCase(
            name: "invalid JSON in health details",
            files: [earlier], arguments: ["health", "degraded", #"{"checks": [1, 2"#], status: 0, stderr: .empty,
            appendOnly: [session], why: "compatibility.md#log-actions: details_json is written raw, never parsed",
            check: { sandbox, _ in
                #expect(
                    sessionText(sandbox).hasSuffix(#"[HEALTH_CHECK] status=degraded details={"checks": [1, 2"# + "\n"))
            }),
        FaultCase(
            name: "path traversal in the command name",
            files: [earlier], arguments: ["write", "../../../../escape", "hi"], status: 1,
            stderr: .contains(#"invalid command name "../../../../escape": it must not contain /"#),
            why: "fixed here: the name used to become current-session/../../../../escape.log, outside the logs",
            check: { sandbox, _ in
                #expect(sandbox.files(under: sandbox.root).allSatisfy { !$0.hasSuffix("escape.log") })
            }),
        FaultCase(
            name: "absolute path as the command of init",
            files: [earlier], arguments: ["init", "$ROOT/owned"], status: 1, stderr: .contains("must not contain /"),
            why: "a usage error (exit 1) before any file is created",
            check: { sandbox, _ in #expect(!FileSystem.exists(sandbox.path("owned.log"))) }),
        FaultCase(
            name: "dot-dot as the command of read",
            files: [earlier, FaultCase.file("home/proj/.oss/logs/...log", "secret\n")],
            arguments: ["read", ".."], status: 1, stderr: .contains("must not be . or .."),
            why: "read/path build the same file name, so they refuse the same names",
            check: { _, result in #expect(result.stdout == "") }),
        FaultCase(
            name: "newline in the command name forging a session line",
            files: [earlier], arguments: ["write", "build\n[00:00:00] [ship] [MILESTONE] forged", "x"], status: 1,
            stderr: .contains("must not contain control characters"),
            why: "a command name is a bracketed field of session.log: a newline would forge a line for the watcher"),
        FaultCase(
            name: "control characters in the message",
            files: [earlier], arguments: ["write", "build", "red \u{1B}[31mtext\u{07} and\ttab"], status: 0,
            stderr: .empty, appendOnly: [session],
            why: "compatibility.md#log-lines: messages are written raw, no escaping",
            check: { sandbox, _ in
                #expect(sessionText(sandbox).hasSuffix("[build] red \u{1B}[31mtext\u{07} and\ttab\n"))
            }),
        FaultCase(
            name: "traversal in a hook name (session log only)",
            files: [earlier], arguments: ["hook", "../../x", "START"], status: 0, stderr: .empty,
            appendOnly: [session], why: "hook/skill names only appear inside session.log lines, never in a path",
            check: { sandbox, _ in #expect(sessionText(sandbox).hasSuffix("[hook] [START] ../../x\n")) }),
        FaultCase(
            name: "maximum-size message argument",
            files: [earlier],
            arguments: ["write", "build", .text(String(repeating: "m", count: maximumArgument))],
            status: 0, stderr: .empty, appendOnly: [session],
            why: "a 128 KiB message is one line written in one write(2)",
            check: { sandbox, _ in
                let line = try #require(sessionText(sandbox).split(separator: "\n").last)
                #expect(line.hasSuffix("] [build] " + String(repeating: "m", count: maximumArgument)))
            }),
        FaultCase(
            name: "1 MB of arguments",
            files: [earlier],
            arguments: ["test", "build", "FAIL"]
                + Array(repeating: .text(String(repeating: "d", count: maximumArgument)), count: 8),
            status: 0, stderr: .empty, appendOnly: [session],
            why: "arguments beyond an action's arity are ignored, whatever their size",
            check: { sandbox, _ in
                #expect(
                    sessionText(sandbox).hasSuffix(
                        "[build] [TEST] FAIL - " + String(repeating: "d", count: maximumArgument) + "\n"))
            }),
        FaultCase(
            name: "maximum-size command name",
            files: [earlier], arguments: ["write", .text(String(repeating: "c", count: maximumArgument)), "x"],
            status: 1, stderr: .contains("it is longer than 251 bytes"),
            why: "<name>.log must fit in a file name; the message quotes 40 characters, not 128 KiB",
            check: { _, result in #expect(result.stderr.utf8.count < 300) }),
        FaultCase(
            name: "non-UTF-8 bytes in the message",
            files: [earlier], arguments: ["write", "build", .bytes([0x66, 0xFF, 0xFE, 0x6F, 0xC3])], status: 0,
            stderr: .empty, appendOnly: [session],
            why: "argv is decoded with U+FFFD for invalid sequences, so the log stays valid UTF-8",
            check: { sandbox, _ in #expect(sessionText(sandbox).hasSuffix("[build] f\u{FFFD}\u{FFFD}o\u{FFFD}\n")) }),
        FaultCase(
            name: "non-UTF-8 bytes in the command name",
            files: [earlier], arguments: ["write", .bytes([0x62, 0xFF, 0x64]), "x"], status: 0, stderr: .empty,
            appendOnly: [session], why: "a repaired name is still one safe file name",
            check: { sandbox, _ in
                #expect(FileSystem.exists(sandbox.project + "/.oss/logs/current-session/b\u{FFFD}d.log"))
            }),
        FaultCase(
            name: "~/.oss is a regular file",
            files: [FaultCase.file("h2/.oss", "not a directory\n")],
            arguments: ["write", "build", "x"], environment: ["HOME": "$ROOT/h2", "CLAUDE_PROJECT_DIR": nil],
            status: 0, stderr: .contains("oss-log: error: cannot create directory"),
            why: "fail open: a log that cannot be written is reported and exits 0; the file is left alone"),
        FaultCase(
            name: "dangling ~/.oss symlink",
            links: [("h2/.oss", "$ROOT/nowhere")],
            arguments: ["write", "build", "x"], environment: ["HOME": "$ROOT/h2", "CLAUDE_PROJECT_DIR": nil],
            status: 0, stderr: .contains("oss-log: error:"),
            why: "a dangling link is not followed into creating its target; fail open",
            check: { sandbox, _ in #expect(!FileSystem.exists(sandbox.path("nowhere"))) }),
        FaultCase(
            name: "symlinked ~/.oss",
            files: [
                FaultCase.file("real-oss/settings.json", "{}"),
                FaultCase.file("real-oss/logs/current-session/session.log", "[00:00:00] [x] old\n"),
            ],
            links: [("h2/.oss", "$ROOT/real-oss")],
            arguments: ["write", "build", "via link"], environment: ["HOME": "$ROOT/h2", "CLAUDE_PROJECT_DIR": nil],
            status: 0, stderr: .empty, appendOnly: ["real-oss/logs/current-session/session.log"],
            why: "a symlinked ~/.oss (dotfiles repos) is used through the link, which stays a link",
            check: { sandbox, _ in
                #expect(
                    readFile(sandbox.path("real-oss/logs/current-session/session.log"))?.hasSuffix("[build] via link\n")
                        == true)
                var status = stat()
                #expect(lstat(sandbox.path("h2/.oss"), &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK)
            }),
        FaultCase(
            name: "CLAUDE_PROJECT_DIR climbing out with ..",
            files: [earlier], arguments: ["write", "build", "x"],
            environment: ["CLAUDE_PROJECT_DIR": "$PROJECT/../../../../../.."], status: 0, stderr: .empty,
            why:
                "compatibility.md#log-location: a project outside HOME/TMPDIR is rejected and the global logs are used (no fall-through)",
            check: { sandbox, _ in
                #expect(
                    readFile(sandbox.home + "/.oss/logs/current-session/session.log")?.hasSuffix("[build] x\n") == true)
            }),
        FaultCase(
            name: "current-project of binary garbage",
            files: [earlier, ("home/.oss/current-project", [0x2F, 0xFF, 0x00, 0x0A, 0x2E, 0x2E])],
            arguments: ["write", "build", "x"], environment: ["CLAUDE_PROJECT_DIR": nil], status: 0, stderr: .empty,
            why: "an unusable current-project means the global logs",
            check: { sandbox, _ in
                #expect(
                    readFile(sandbox.home + "/.oss/logs/current-session/session.log")?.hasSuffix("[build] x\n") == true)
            }),
    ]

    @Test(arguments: cases)
    func badInput(_ fault: FaultCase) async throws {
        try await FaultRunner.run("oss-log", fault)
    }

    // MARK: Read-only, full and home-less (mount namespaces; root ignores chmod)

    @Test(.enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")))
    func readOnlyLogDirectory() async throws {
        try await NotifySandbox.offload {
            try withTemporaryDirectory { root in
                let sandbox = try FaultSandbox(root)
                let before = "[00:00:00] [build] earlier line\n"
                try writeFile(sandbox.path(Self.session), before)
                let result = try MountNamespace.runReadOnly(
                    sandbox.project + "/.oss", ToolRunner.path(of: "oss-log"), ["write", "build", "x"],
                    environment: sandbox.environment())
                #expect(result.status == 0, "fail open: \(result)")
                #expect(result.stderr.contains("oss-log: error:") && result.stderr.contains("Read-only file system"))
                #expect(readFile(sandbox.path(Self.session)) == before)
            }
        }
    }

    @Test(.enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")))
    func fullLogDirectory() async throws {
        try await NotifySandbox.offload {
            try withTemporaryDirectory { root in
                let sandbox = try FaultSandbox(root)
                let before = "[00:00:00] [build] earlier line\n"
                try writeFile(sandbox.path(Self.session), before)
                let snapshot = try sandbox.directory("snapshot")
                // A line longer than the slack in the file's last page, so the append really meets ENOSPC.
                let message = String(repeating: "z", count: 20_000)
                let result = try MountNamespace.runFull(
                    sandbox.project + "/.oss", kilobytes: 64, snapshot: snapshot, ToolRunner.path(of: "oss-log"),
                    ["write", "build", message], environment: sandbox.environment())
                #expect(result.status == 0, "fail open: \(result)")
                #expect(result.stderr.contains("No space left on device"), "\(result)")
                #expect(readFile(snapshot + "/logs/current-session/session.log") == before, "no torn line may remain")
            }
        }
    }

    @Test(.enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")))
    func missingHome() async throws {
        try await NotifySandbox.offload {
            try withTemporaryDirectory { root in
                let (result, fakeHome) = try MountNamespace.runWithoutHome(
                    "oss-log", ["write", "build", "no home"], root: root)
                #expect(result.status == 0, "\(result)")
                #expect(result.stderr == "")
                #expect(
                    readFile(fakeHome + "/.oss/logs/current-session/session.log")?.hasSuffix("[build] no home\n")
                        == true,
                    "without HOME the password database's home is used, as Node's os.homedir() does")
            }
        }
    }
}
