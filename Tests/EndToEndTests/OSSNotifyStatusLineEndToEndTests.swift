import Foundation
import Shared
import TestSupport
import Testing

@Suite(.timeLimit(.minutes(2)))
struct OSSNotifyStatusLineEndToEndTests {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A sandbox HOME with a project holding a git repo (HEAD written directly), its state and a queue.
    private func makeProject(_ root: String) throws -> (home: String, project: String) {
        let home = root + "/home"
        let project = home + "/shop"
        try writeFile(project + "/.git/HEAD", "ref: refs/heads/feat/alpha\n")
        try writeFile(
            project + "/.oss/workflow-state.json",
            #"""
            {"version":3,"supervisor":"intervening","activeStep":"build","currentCommand":"build","nextCommand":"ship",
            "activeAgent":{"type":"react-specialist","task":"x","startedAt":"2026-11-25T21:00:00.000Z"}}
            """#)
        try writeFile(
            project + "/.oss/queue.json",
            #"{"tasks":[{"status":"pending","priority":"high","description":"Implement authentication flow"}]}"#)
        try writeFile(home + "/.oss/workflow-state.json", #"{"currentCommand":"global"}"#)
        return (home, project)
    }

    private func stdin(_ project: String) -> String {
        #"{"session_id":"s","model":{"id":"claude-opus","display_name":"Opus"},"#
            + #""workspace":{"current_dir":"\#(project)"}}"#
    }

    @Test func rendersTheActiveLine() throws {
        try withTemporaryDirectory { root in
            let (home, project) = try makeProject(root)
            let result = try ToolRunner.run(
                "oss-notify", ["--statusline"], environment: ToolRunner.environment(home: home), stdin: stdin(project),
                cwd: root)
            #expect(result.status == 0)
            #expect(
                result.stdout
                    == "✅ | [Opus] shop | 🌿 feat/alpha | build → ship | 🤖 react-specialist | ⚡ | "
                    + "📋1: Implement authentica...\n"
            )
            #expect(result.stderr.isEmpty)
        }
    }

    @Test func honoursColumnsAndNoColor() throws {
        try withTemporaryDirectory { root in
            let (home, project) = try makeProject(root)
            let result = try ToolRunner.run(
                "oss-notify", ["--statusline"],
                environment: ToolRunner.environment(home: home, extra: ["COLUMNS": "30", "NO_COLOR": "1"]),
                stdin: stdin(project), cwd: root)
            #expect(result.status == 0)
            #expect(result.stdout == "✅ | [Opus] shop | 🌿 feat/al…\n")
            #expect(!result.stdout.contains("\u{1B}"))
        }
    }

    @Test func garbageStdinGivesTheMinimalLine() throws {
        try withTemporaryDirectory { root in
            let home = root + "/home"
            try FileSystem.createDirectories(home)
            let result = try ToolRunner.run(
                "oss-notify", ["--statusline"], environment: ToolRunner.environment(home: home),
                stdin: "\u{FFFD}not json at all {", cwd: root)
            #expect(result.status == 0)
            #expect(result.stdout == "✅ | [Claude]\n")
        }
    }

    @Test func stdinThatNeverClosesStillRenders() throws {
        try withTemporaryDirectory { root in
            let (home, project) = try makeProject(root)
            let full =
                "✅ | [Opus] shop | 🌿 feat/alpha | build → ship | 🤖 react-specialist | ⚡ | 📋1: Implement authentica...\n"
            // A writer that never closes: a whole document is rendered at once, a partial one after the 200 ms
            // read deadline (and, being unparsable, with the defaults: no project, so the global state).
            for (text, expected, slow) in [
                (stdin(project), full, false), (String(stdin(project).dropLast()), "✅ | [Claude] | global\n", true),
            ] {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: ToolRunner.path(of: "oss-notify"))
                process.arguments = ["--statusline"]
                process.environment = ToolRunner.environment(home: home)
                process.currentDirectoryURL = URL(fileURLWithPath: root)
                let inputPipe = Pipe()
                let outputPipe = Pipe()
                process.standardInput = inputPipe
                process.standardOutput = outputPipe
                let start = Date()
                try process.run()
                inputPipe.fileHandleForWriting.write(Data(text.utf8))
                let deadline = Date().addingTimeInterval(5)
                while process.isRunning, Date() < deadline { usleep(1_000) }
                let elapsed = Date().timeIntervalSince(start)
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
                try? inputPipe.fileHandleForWriting.close()
                let output = String(decoding: outputPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                #expect(process.terminationStatus == 0)
                #expect(output == expected)
                #expect(elapsed < 3)
                if slow { #expect(elapsed >= 0.19) }
            }
        }
    }
}
