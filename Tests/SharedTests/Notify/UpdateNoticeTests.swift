import Notify
import Shared
import TestSupport
import Testing
import WorkflowState

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The session update check: the script's output becomes a 30 s notification; silence or failure posts nothing.
struct UpdateNoticeTests {
    static let now = Timestamp(milliseconds: 1_764_000_000_000)

    @Test func outputBecomesANotification() throws {
        try withTemporaryDirectory { root in
            let script = root + "/hooks/check-updates.sh"
            try writeFile(script, "#!/bin/sh\necho '  OSS 2.1 available  '\n", mode: 0o755)
            let state = root + "/p/.oss/workflow-state.json"
            let line = try UpdateNotice.run(
                script: script, stateFile: state, delaySeconds: 0, environment: Environment(["PATH": "/usr/bin:/bin"]),
                clock: .fixed(Self.now))
            #expect(line == "Notification set: OSS 2.1 available (expires in 30s)")
            let notification = WorkflowStateStore(path: state).read()?.object["notification"]
            #expect(notification == ["message": "OSS 2.1 available", "expiresAt": "2025-11-24T16:00:30.000Z"])
            #expect(UpdateNotice.script(environment: Environment(["OSS_HOOKS_DIR": root + "/hooks"])) == script)
            #expect(UpdateNotice.script(environment: Environment(["CLAUDE_PLUGIN_ROOT": root])) == script)
            #expect(UpdateNotice.script(environment: Environment([:])) == nil)
        }
    }

    @Test func silentOrFailingScriptPostsNothing() throws {
        try withTemporaryDirectory { root in
            let state = root + "/p/.oss/workflow-state.json"
            for body in ["#!/bin/sh\n", "#!/bin/sh\necho oops\nexit 3\n"] {
                let script = root + "/check-updates.sh"
                try writeFile(script, body, mode: 0o755)
                let line = try UpdateNotice.run(
                    script: script, stateFile: state, delaySeconds: 0, environment: Environment([:]),
                    clock: .fixed(Self.now))
                #expect(line == nil)
            }
            #expect(!FileSystem.exists(state))
            #expect(
                try UpdateNotice.run(
                    script: "/bin/echo", stateFile: root + "/elsewhere.json", delaySeconds: 0,
                    environment: Environment([:]), clock: .fixed(Self.now)) == nil)
        }
    }
}
