import Notify
import Shared
import Testing

/// The argv grammar: modes, missing-context default, free text with leading dashes, usage errors.
struct NotifyArgumentsTests {
    @Test func workflowModeKeepsTheRawContext() throws {
        let command = try NotifyArguments.parse(["--workflow", "build", "complete", "{\"testsPass\": 3}"])
        #expect(command == .workflow(command: "build", event: "complete", context: NotifyContext("{\"testsPass\": 3}")))
    }

    @Test func missingContextIsAnEmptyObject() throws {
        let command = try NotifyArguments.parse(["--session", "fresh_start"])
        guard case .session(_, let context) = command else {
            Issue.record("expected session mode, got \(command)")
            return
        }
        #expect(context.raw == "{}")
        #expect(context.object == JSONObject())
    }

    @Test func freeTextMayStartWithDashes() throws {
        #expect(
            try NotifyArguments.parse(["--help", "--version", "-h"])
                == .direct(title: "--help", message: "--version", priority: .high))
        #expect(
            try NotifyArguments.parse(["--issue", "--weird", "--"])
                == .issue(type: "--weird", context: NotifyContext("--")))
        #expect(
            try NotifyArguments.parse(["-x", "--force push", "critical"])
                == .direct(
                    title: "-x", message: "--force push", priority: .critical))
    }

    @Test func directModeDefaults() throws {
        #expect(try NotifyArguments.parse([]) == .direct(title: "Notification", message: "", priority: .high))
        #expect(try NotifyArguments.parse(["T", "M", "LOW"]) == .direct(title: "T", message: "M", priority: .low))
        #expect(try NotifyArguments.parse(["T", "M", "urgent"]) == .direct(title: "T", message: "M", priority: .high))
    }

    @Test func helpAndVersionOnlyAlone() throws {
        #expect(try NotifyArguments.parse(["--help"]) == .help)
        #expect(try NotifyArguments.parse(["-h"]) == .help)
        #expect(try NotifyArguments.parse(["--version"]) == .version)
    }

    @Test(arguments: [
        (["--workflow"], "Usage: oss-notify --workflow <command> <event> [context-json]"),
        (["--workflow", "build"], "Usage: oss-notify --workflow <command> <event> [context-json]"),
        (["--workflow", "", "start"], "Usage: oss-notify --workflow <command> <event> [context-json]"),
        (["--session"], "Usage: oss-notify --session <event> [context-json]"),
        (["--issue"], "Usage: oss-notify --issue <type> [context-json]"),
        (
            ["--session-update-notice", "a", "b", "x"],
            "Usage: oss-notify --session-update-notice <script> <state-file> <delay-seconds>"
        ),
    ])
    func missingArgumentsAreUsageErrors(_ arguments: [String], _ message: String) {
        #expect(throws: NotifyUsageError.self) { try NotifyArguments.parse(arguments) }
        do {
            _ = try NotifyArguments.parse(arguments)
        } catch {
            #expect(error.description == message)
            #expect(error.exitStatus == .failure)
        }
    }

    @Test func stateAndStatusLineModes() throws {
        #expect(try NotifyArguments.parse(["--state", "setMessage", "-m"]) == .state(arguments: ["setMessage", "-m"]))
        #expect(try NotifyArguments.parse(["--statusline"]) == .statusLine)
        #expect(
            try NotifyArguments.parse(["--session-update-notice", "/s", "/p/.oss/workflow-state.json", "11"])
                == .updateNotice(script: "/s", stateFile: "/p/.oss/workflow-state.json", delaySeconds: 11))
    }
}
