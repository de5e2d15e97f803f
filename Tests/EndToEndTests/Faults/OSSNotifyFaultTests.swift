import Foundation
import Shared
import TestSupport
import Testing

/// Bad inputs for the built `oss-notify`. It is a hook and fails open: every notification mode exits 0 whatever the
/// files, context or names (problems go to stderr as warnings); only a copy mode without its required arguments and
/// a bad `--state` verb exit 1 (compatibility.md#notify-modes, compatibility.md#workflow-state-verbs). Never 2.
struct OSSNotifyFaultTests {
    private static let state = "home/proj/.oss/workflow-state.json"
    private static let session = "home/proj/.oss/logs/current-session/session.log"
    private static let earlier = FaultCase.file(session, "[00:00:00] [build] [start]\n")
    private static let validState = FaultCase.file(
        state, "{\n  \"version\": 7,\n  \"supervisor\": \"watching\",\n  \"activeStep\": \"plan\"\n}")

    private static func sessionText(_ sandbox: FaultSandbox) -> String {
        readFile(sandbox.path(session)) ?? ""
    }

    private static func stateObject(_ sandbox: FaultSandbox) throws -> JSONValue {
        try JSONValue.parse(try #require(readFile(sandbox.path(state))))
    }

    static let cases: [FaultCase] = [
        FaultCase(
            name: "malformed settings.json",
            files: [earlier, FaultCase.file("home/.oss/settings.json", #"{"notifications": {"style": "#)],
            arguments: ["--workflow", "build", "start", "{}"], status: 0,
            stderr: .contains("oss-notify: warning: ignoring "), appendOnly: [session],
            why: "defaults apply with one warning; the notification still happens",
            check: { sandbox, _ in
                let state = try stateObject(sandbox)
                #expect(state["activeStep"] == "build")
            }),
        FaultCase(
            name: "malformed config.json on complete",
            files: [earlier, FaultCase.file("home/.oss/config.json", #"{"apiKey": "ak_"#)],
            arguments: ["--workflow", "plan", "complete", "{}"], status: 0, stderr: .empty, appendOnly: [session],
            why:
                "compatibility.md#credentials: an unparsable config counts as empty, so there is no API key and no chain block (compatibility.md#chain-block)",
            check: { sandbox, result in
                #expect(!result.stdout.contains("CHAIN"))
                let state = try stateObject(sandbox)
                #expect(state["activeStep"] == nil || state["activeStep"] == .null)
            }),
        FaultCase(
            name: "truncated workflow-state.json",
            files: [earlier, FaultCase.file(state, "{\n  \"version\": 7,\n  \"chainState\": {\n    \"ideate\": \"do")],
            arguments: ["--workflow", "build", "start", "{}"], status: 0,
            stderr: .contains("oss-notify: warning: "), movedAside: [state], appendOnly: [session],
            why: "D27 fixed: moved aside as <name>.corrupt-* and reported, then a fresh state is written",
            check: { sandbox, _ in
                let state = try stateObject(sandbox)
                #expect(state["activeStep"] == "build")
            }),
        FaultCase(
            name: "workflow-state.json that is an array (--state)",
            files: [FaultCase.file(state, "[1, 2, 3]")],
            arguments: ["--state", "setActiveStep", "build"], status: 0,
            stderr: .contains("is not a JSON object; moved it aside"), movedAside: [state],
            why: "D27: valid JSON of the wrong shape is kept too",
            check: { _, result in #expect(result.stdout == "Active step set to: build\n") }),
        FaultCase(
            name: "workflow-state.json of binary garbage (--issue)",
            files: [("home/proj/.oss/workflow-state.json", [0x00, 0xFF, 0x7B, 0x0A, 0xC0, 0xAF])],
            arguments: ["--issue", "loop_detected", #"{"message": "Read × 5"}"#], status: 0,
            stderr: .contains("moved it aside"), movedAside: [state],
            why: "D27/D17: the issue transaction keeps the damaged bytes and records the issue",
            check: { sandbox, _ in
                let state = try stateObject(sandbox)
                #expect(state["issue"]?["type"] == "loop_detected")
            }),
        FaultCase(
            name: "workflow-state.json nested past the parser's cap",
            files: [("home/proj/.oss/workflow-state.json", Array(repeating: UInt8(ascii: "["), count: 100_000))],
            arguments: ["--workflow", "build", "task_complete", #"{"current": 1, "total": 3}"#], status: 0,
            stderr: .contains("nesting deeper than 512"), movedAside: [state],
            why: "hostile nesting is a parse error (moved aside), not a stack overflow"),
        FaultCase(
            name: "invalid context JSON",
            files: [earlier],
            arguments: ["--workflow", "build", "task_complete", #"{"current": 2, "taskName": "au"#], status: 0,
            stderr: .empty, appendOnly: [session],
            why: "D13/D14 fixed: a context that is not JSON is logged raw and has no fields, never an abort",
            check: { sandbox, _ in
                #expect(
                    sessionText(sandbox).hasSuffix(#"[build] [task_complete] {"current": 2, "taskName": "au"# + "\n"))
            }),
        FaultCase(
            name: "context that is JSON but not an object",
            files: [earlier], arguments: ["--workflow", "build", "failed", #"["a", 1]"#], status: 0,
            stderr: .empty, appendOnly: [session], why: "D14: logged raw, no fields",
            check: { sandbox, _ in #expect(sessionText(sandbox).hasSuffix(#"[build] [failed] ["a", 1]"# + "\n")) }),
        FaultCase(
            name: "context nested 100 000 deep",
            files: [earlier],
            arguments: ["--session", "context_saved", .text(String(repeating: "[", count: 100_000))], status: 0,
            stderr: .empty, appendOnly: [session], why: "the parser's depth cap makes it a raw context, not a crash"),
        FaultCase(
            name: "maximum-size context",
            files: [earlier],
            arguments: [
                "--workflow", "build", "task_complete",
                .text(#"{"current": 1, "total": 2, "taskName": ""# + String(repeating: "t", count: 131_000) + #""}"#),
            ],
            status: 0, stderr: .empty, appendOnly: [session],
            why: "a 128 KiB context (Linux's largest single argument) is summarised and stored like any other",
            check: { sandbox, _ in
                let state = try stateObject(sandbox)
                #expect(state["currentTask"]?.stringValue?.count == 131_000)
            }),
        FaultCase(
            name: "path traversal in the workflow command",
            files: [earlier], arguments: ["--workflow", "../../../../escape", "start", "{}"], status: 0,
            stderr: .contains(#"oss-notify: warning: log not written: invalid command name "../../../../escape""#),
            why: "fixed here: the command's log used to land four directories above the session directory; the hook "
                + "still fails open (exit 0)",
            check: { sandbox, _ in
                #expect(sandbox.files(under: sandbox.root).allSatisfy { !$0.hasSuffix("escape.log") })
                #expect(sessionText(sandbox) == "[00:00:00] [build] [start]\n")
            }),
        FaultCase(
            name: "newline in the workflow command",
            files: [earlier], arguments: ["--workflow", "build\n[00:00:00] [ship] [merged]", "start"],
            status: 0, stderr: .contains("must not contain control characters"),
            why: "no forged session.log line; the hook still exits 0",
            check: { sandbox, _ in #expect(sessionText(sandbox) == "[00:00:00] [build] [start]\n") }),
        FaultCase(
            name: "traversal in the issue type",
            files: [earlier], arguments: ["--issue", "../../x", "{}"], status: 0, stderr: .empty,
            appendOnly: [session], why: "an issue type is only a field of the issue.log line, never a path",
            check: { sandbox, _ in
                #expect(sessionText(sandbox).hasSuffix("[issue] [../../x] {}\n"))
                #expect(!FileSystem.exists(sandbox.home + "/x.log"))
            }),
        FaultCase(
            name: "control characters in a direct notification",
            arguments: ["Title\u{1B}]0;pwned\u{07}", "line1\nline2\u{1}"], environment: ["PATH": "/nonexistent"],
            status: 0, stderr: .empty,
            why: "direct mode with no audio player on PATH does nothing and exits 0"),
        FaultCase(
            name: "non-UTF-8 command and context",
            files: [earlier],
            arguments: ["--workflow", .bytes([0x62, 0x75, 0xFF]), "start", .bytes([0x7B, 0x22, 0xC3, 0x22, 0x7D])],
            status: 0, stderr: .empty, appendOnly: [session],
            why: "argv is repaired to U+FFFD: a safe name, a raw (unparsable) context",
            check: { sandbox, _ in
                let state = try stateObject(sandbox)
                #expect(state["activeStep"] == "bu\u{FFFD}")
            }),
        FaultCase(
            name: "1 MB of arguments",
            files: [earlier],
            arguments: ["--workflow", "build", "start", "{}"]
                + Array(repeating: .text(String(repeating: "a", count: 131_071)), count: 8),
            status: 0, stderr: .empty, appendOnly: [session], why: "extra arguments are ignored, whatever their size"),
        FaultCase(
            name: "maximum-size workflow command",
            files: [earlier],
            arguments: ["--workflow", .text(String(repeating: "c", count: 131_071)), "start", "{}"], status: 0,
            stderr: .contains("is longer than 251 bytes"),
            why: "too long for a log file name: a warning, and the state still records the step",
            check: { _, result in #expect(result.stderr.utf8.count < 400) }),
        FaultCase(
            name: "--state --project-dir with traversal",

            arguments: ["--state", "--project-dir", "$PROJECT/../../../../../..", "setActiveStep", "ship"], status: 0,
            stderr: .contains("Path outside allowed directories rejected"),
            why: "D30 fixed: an invalid --project-dir falls through to CLAUDE_PROJECT_DIR instead of the global file",
            check: { sandbox, _ in
                let state = try stateObject(sandbox)
                #expect(state["activeStep"] == "ship")
                #expect(!FileSystem.exists(sandbox.home + "/.oss/workflow-state.json"))
            }),
        FaultCase(
            name: "--state with an unknown verb",
            files: [validState], arguments: ["--state", "../../rm", "x"], status: 1,
            stderr: .contains("Unknown command: ../../rm"),
            why: "compatibility.md#workflow-state-verbs: unknown verbs exit 1, nothing written"),
        FaultCase(
            name: "--state setNotification with a non-numeric TTL",
            files: [validState], arguments: ["--state", "setNotification", "hi", "soon"], status: 1,
            stderr: .contains("TTL must be a whole number"), why: "D30 fixed: a clear error instead of a RangeError"),
        FaultCase(
            name: "--state setProgress with invalid JSON",
            files: [validState], arguments: ["--state", "setProgress", #"{"current": "#], status: 1,
            stderr: .contains("Error: setProgress: expected a JSON object"),
            why: "compatibility.md#workflow-state-verbs: bad JSON is an error, exit 1"),
        FaultCase(
            name: "--workflow without an event",
            files: [earlier], arguments: ["--workflow", "build"], status: 1, stderr: .contains("Usage: oss-notify"),
            why: "compatibility.md#notify-modes: a copy mode without its required arguments prints usage and exits 1"),
        FaultCase(
            name: "~/.oss is a regular file, no project",
            files: [FaultCase.file("h2/.oss", "x\n")],
            arguments: ["--workflow", "build", "start", "{}"],
            environment: ["HOME": "$ROOT/h2", "CLAUDE_PROJECT_DIR": nil],
            status: 0, stderr: .contains("oss-notify: warning:"),
            why: "fail open: the log and the global state cannot be written, which is reported; exit 0"),
        FaultCase(
            name: "symlinked ~/.oss",
            files: [FaultCase.file("real-oss/settings.json", "{}")],
            links: [("h2/.oss", "$ROOT/real-oss")],
            arguments: ["--state", "setActiveStep", "build"],
            environment: ["HOME": "$ROOT/h2", "CLAUDE_PROJECT_DIR": nil],
            status: 0, stderr: .empty,
            why: "the global state is updated through the link (which stays a link)",
            check: { sandbox, result in
                #expect(result.stdout == "Active step set to: build\n")
                let state = try JSONValue.parse(try #require(readFile(sandbox.path("real-oss/workflow-state.json"))))
                #expect(state["activeStep"] == "build")
                var status = stat()
                #expect(lstat(sandbox.path("h2/.oss"), &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK)
            }),
    ]

    @Test(arguments: cases)
    func badInput(_ fault: FaultCase) async throws {
        try await FaultRunner.run("oss-notify", fault)
    }

    // MARK: Read-only, full and home-less (mount namespaces; root ignores chmod)

    @Test(.enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")))
    func readOnlyProject() async throws {
        try await NotifySandbox.offload {
            try withTemporaryDirectory { root in
                let sandbox = try FaultSandbox(root)
                let before = "{\n  \"version\": 7\n}"
                try writeFile(sandbox.path(Self.state), before)
                let result = try MountNamespace.runReadOnly(
                    sandbox.project + "/.oss", ToolRunner.path(of: "oss-notify"),
                    ["--workflow", "build", "start", "{}"],
                    environment: sandbox.environment())
                #expect(result.status == 0, "fail open: \(result)")
                #expect(
                    result.stderr.contains("workflow state not updated")
                        && result.stderr.contains("Read-only file system"))
                #expect(readFile(sandbox.path(Self.state)) == before)
            }
        }
    }

    @Test(.enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")))
    func fullProject() async throws {
        try await NotifySandbox.offload {
            try withTemporaryDirectory { root in
                let sandbox = try FaultSandbox(root)
                let before = "{\n  \"version\": 7,\n  \"activeStep\": \"plan\"\n}"
                try writeFile(sandbox.path(Self.state), before)
                let snapshot = try sandbox.directory("snapshot")
                let result = try MountNamespace.runFull(
                    sandbox.project + "/.oss", kilobytes: 64, snapshot: snapshot, ToolRunner.path(of: "oss-notify"),
                    ["--workflow", "build", "start", "{}"], environment: sandbox.environment())
                #expect(result.status == 0, "fail open: \(result)")
                #expect(result.stderr.contains("No space left on device"), "\(result)")
                #expect(readFile(snapshot + "/workflow-state.json") == before, "the atomic write leaves the old state")
                let leftovers = FileSystem.listDirectory(snapshot).filter { $0.contains(".tmp-") }
                #expect(leftovers.isEmpty, "failed writes remove their temp files: \(leftovers)")
            }
        }
    }

    @Test(.enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")))
    func missingHome() async throws {
        try await NotifySandbox.offload {
            try withTemporaryDirectory { root in
                let (result, fakeHome) = try MountNamespace.runWithoutHome(
                    "oss-notify", ["--state", "setActiveStep", "build"], root: root)
                #expect(result.status == 0, "\(result)")
                #expect(result.stdout == "Active step set to: build\n")
                let state = try JSONValue.parse(try #require(readFile(fakeHome + "/.oss/workflow-state.json")))
                #expect(state["activeStep"] == "build")
            }
        }
    }
}
