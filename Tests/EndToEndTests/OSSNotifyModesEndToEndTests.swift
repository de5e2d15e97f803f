import Foundation
import Shared
import TestSupport
import Testing
import WorkflowState

/// `oss-notify` session, issue, direct and `--state` modes, oss-log's state side effects, concurrency and the shim;
/// none of these needs a server.
struct OSSNotifyModesEndToEndTests {
    private static let shim = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("hooks/oss-notify.sh").path

    private struct Box {
        let home: String
        let project: String
        init(_ root: String) throws {
            home = root.appendingPathComponent("home")
            project = home.appendingPathComponent("web app")
            try FileSystem.createDirectories(project)
        }
        func environment(_ extra: [String: String] = [:]) -> [String: String] {
            var variables = ["CLAUDE_PROJECT_DIR": project]
            for (key, value) in extra { variables[key] = value }
            return ToolRunner.environment(home: home, extra: variables)
        }
        var stateFile: String { project + "/.oss/workflow-state.json" }
        var state: WorkflowState? { WorkflowStateStore(path: stateFile).read() }
        var logs: String { project + "/.oss/logs/current-session" }
        func run(_ tool: String, _ arguments: [String], extra: [String: String] = [:]) throws -> ToolResult {
            try ToolRunner.run(tool, arguments, environment: environment(extra), cwd: project)
        }
    }

    @Test func sessionEventsAreLoggedOnceAndNotify() throws {
        try withTemporaryDirectory { root in
            let box = try Box(root)
            let context = #"{"project":"web app","branch":"feat/x","saveDate":"2h ago","uncommitted":0}"#
            let result = try box.run("oss-notify", ["--session", "context_restored", context])
            #expect(result.status == 0)
            #expect(result.stdout == "")
            let state = try #require(box.state)
            #expect(state.object["supervisor"] == "watching")
            #expect(state.object["notification"]?["message"] == "Picked up from 2h ago")
            let session = NotifySandbox.unstamped(box.logs + "/session.log").filter { !$0.isEmpty }
            #expect(session == ["[session] [context_restored] \(context)"])
            _ = try box.run("oss-notify", ["--session", "context_saved"])
            #expect(box.state?.object["supervisor"] == "idle")
            #expect(NotifySandbox.unstamped(box.logs + "/session.log").contains("[session] [context_saved] {}"))
        }
    }

    @Test func issueReachesTheStateAndTheIssueLog() throws {
        try withTemporaryDirectory { root in
            let box = try Box(root)
            let result = try box.run(
                "oss-notify", ["--issue", "loop_detected", #"{"message":"Read ×5","toolName":"Read"}"#])
            #expect(result.status == 0)
            let issue = try #require(box.state?.object["issue"]?.objectValue)
            #expect(issue.keys == ["type", "message", "at"])
            #expect(issue["type"] == "loop_detected")
            #expect(issue["message"] == "Read ×5")
            #expect(box.state?.object["supervisor"] == "intervening")
            // no context: logged as {} and still exits 0 (D13/D14)
            let bare = try box.run("oss-notify", ["--issue", "tdd_violation"])
            #expect(bare.status == 0)
            #expect(
                NotifySandbox.unstamped(box.logs + "/issue.log") == [
                    #"[loop_detected] {"message":"Read ×5","toolName":"Read"}"#, "[tdd_violation] {}", "",
                ])
        }
    }

    @Test func directModeSpeaksInTheBackground() throws {
        try withTemporaryDirectory { root in
            let box = try Box(root)
            let bin = root + "/bin"
            let said = root + "/said.txt"
            // A slow speaker: the hook must not wait for it, nor keep our pipes open through it.
            try writeFile(bin + "/espeak-ng", "#!/bin/sh\nsleep 3\nprintf '%s|' \"$@\" > '\(said)'\n", mode: 0o755)
            try writeFile(box.home + "/.oss/settings.json", #"{"notifications":{"style":"audio","verbosity":"all"}}"#)
            let start = Date()
            let result = try box.run(
                "oss-notify", ["Build", "-n done", "low"], extra: ["PATH": "\(bin):/usr/bin:/bin"])
            #expect(Date().timeIntervalSince(start) < 2)
            #expect(result.status == 0)
            #expect(result.stdout == "")
            let deadline = Date().addingTimeInterval(10)
            while readFile(said) == nil, Date() < deadline { usleep(50_000) }
            #expect(readFile(said) == "--|-n done|")
            #expect(box.state == nil)
            #expect(!FileSystem.exists(box.logs))
        }
    }

    @Test func stateVerbsOnTheCommandLine() throws {
        try withTemporaryDirectory { root in
            let box = try Box(root)
            let other = box.home + "/other"
            try FileSystem.createDirectories(other)
            let set = try box.run("oss-notify", ["--state", "setActiveStep", "plan", "--project-dir", other])
            #expect(set.status == 0)
            #expect(set.stdout == "Active step set to: plan\n")
            #expect(
                WorkflowStateStore(path: other + "/.oss/workflow-state.json").read()?.object["activeStep"] == "plan")
            let issue = try box.run("oss-notify", ["--state", "setIssue", "chain_broken", "-- no plan"])
            #expect(issue.stdout == "Issue set: chain_broken\n")
            #expect(box.state?.object["issue"]?["message"] == "-- no plan")
            let bad = try box.run("oss-notify", ["--state", "nope"])
            #expect(bad.status == 1)
            #expect(bad.stderr == "Unknown command: nope\n")
            let usage = try box.run("oss-notify", ["--workflow", "build"])
            #expect(usage.status == 1)
            #expect(usage.stderr == "Usage: oss-notify --workflow <command> <event> [context-json]\n")
            let help = try box.run("oss-notify", ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.hasPrefix("Usage: oss-notify --workflow"))
        }
    }

    @Test func ossLogPhaseAndAgentDriveTheStateSilently() throws {
        try withTemporaryDirectory { root in
            let box = try Box(root)
            let red = try box.run("oss-log", ["phase", "build", "RED", "start"])
            #expect(red.status == 0)
            #expect(red.stdout == "")
            #expect(box.state?.chainState["red"] == "active")
            #expect(box.state?.object["tddPhase"] == "red")
            let before = readFile(box.stateFile)
            _ = try box.run("oss-log", ["phase", "build", "GREEN", "complete"])
            #expect(readFile(box.stateFile) == before)
            let agent = try box.run("oss-log", ["agent", "build", "react-specialist", "starting: login form"])
            #expect(agent.stdout == "")
            #expect(box.state?.object["activeAgent"]?["task"] == "login form")
            #expect(box.state?.object["supervisor"] == "intervening")
            _ = try box.run("oss-log", ["agent", "build", "react-specialist", "restarting: x"])
            #expect(box.state?.object["activeAgent"] != nil)
            _ = try box.run("oss-log", ["agent", "build", "react-specialist", "completed: done"])
            #expect(box.state?.object["activeAgent"] == nil)
            #expect(box.state?.object["supervisor"] == "watching")
            #expect(box.state?.version == 3)
        }
    }

    @Test func fiftyNotifiesAndFiftyPhasesLoseNothing() async throws {
        try await withTemporaryDirectory { root in
            let box = try Box(root)
            let environment = box.environment()
            let stateFile = box.stateFile
            let cwd = box.project
            let invalid = LockedBox(0)
            let running = LockedBox(true)
            // A reader checking the file all along: it must always be whole, valid JSON.
            let watcher = Thread {
                while running.current {
                    if let bytes = FileSystem.readIfPresent(stateFile), (try? JSONValue.parse(bytes: bytes)) == nil {
                        invalid.withLock { $0 += 1 }
                    }
                    usleep(500)
                }
            }
            watcher.start()
            let results = try await withThrowingTaskGroup(of: ToolResult.self) { group in
                for index in 0..<50 {
                    let command = "cmd\(index)"
                    group.addTask {
                        try await NotifySandbox.offload {
                            let result = try ToolRunner.run(
                                "oss-notify", ["--workflow", command, "start", "{}"], environment: environment, cwd: cwd
                            )
                            #expect((try? JSONValue.parse(bytes: FileSystem.read(stateFile))) != nil)
                            return result
                        }
                    }
                    group.addTask {
                        try await NotifySandbox.offload {
                            try ToolRunner.run(
                                "oss-log", ["phase", "build", "RED", "start"], environment: environment, cwd: cwd)
                        }
                    }
                }
                var collected: [ToolResult] = []
                for try await result in group { collected.append(result) }
                return collected
            }
            running.withLock { $0 = false }
            #expect(results.allSatisfy { $0.status == 0 && $0.stdout.isEmpty })
            #expect(invalid.current == 0)
            let state = try #require(box.state)
            #expect(state.version == 100)
            #expect(state.chainState["red"] == "active")
            let session = NotifySandbox.unstamped(box.logs + "/session.log")
            #expect(session.filter { $0 == "[build] [PHASE] RED start" }.count == 50)
            for index in 0..<50 {
                #expect(session.contains("[cmd\(index)] [start]"))
            }
        }
    }

    @Test func shimExecsTheBinaryAndFailsOpenWithoutIt() throws {
        try withTemporaryDirectory { root in
            let box = try Box(root)
            let hook = root + "/plugin/hooks/oss-notify.sh"
            try FileSystem.createDirectories(hook.deletingLastPathComponent)
            try FileSystem.writeAtomically(try FileSystem.read(Self.shim), to: hook, mode: 0o755)
            let missing = try ToolRunner.runProcess(
                hook, ["--workflow", "build", "start"], environment: box.environment())
            #expect(missing.status == 0)
            #expect(missing.stderr.contains("native oss-notify binary not found"))
            try FileSystem.createDirectories(root + "/plugin/bin")
            try FileSystem.writeAtomically(
                try FileSystem.read(ToolRunner.path(of: "oss-notify")), to: root + "/plugin/bin/oss-notify", mode: 0o644
            )
            let result = try ToolRunner.runProcess(
                hook, ["--state", "setMessage", "--from shim"], environment: box.environment())
            #expect(result.status == 0)
            #expect(result.stdout == "Message set: --from shim\n")
            #expect(FileSystem.isExecutable(root + "/plugin/bin/oss-notify"))
        }
    }
}
