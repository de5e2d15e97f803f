import Foundation
import Shared
import TestSupport
import Testing

struct OSSStatusLineShimEndToEndTests {
    private static let shim = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("hooks/oss-statusline.sh").path

    /// `<root>/plugin/hooks/oss-statusline.sh`, and the built binary at `<root>/plugin/bin/oss-notify` when asked.
    private func install(_ root: String, binaryMode: mode_t?) throws -> String {
        let hook = root + "/plugin/hooks/oss-statusline.sh"
        let shimBytes = try FileSystem.read(Self.shim)
        try FileSystem.createDirectories(hook.deletingLastPathComponent)
        try FileSystem.writeAtomically(shimBytes, to: hook, mode: 0o755)
        if let binaryMode {
            try FileSystem.createDirectories(root + "/plugin/bin")
            let binary = try FileSystem.read(ToolRunner.path(of: "oss-notify"))
            try FileSystem.writeAtomically(binary, to: root + "/plugin/bin/oss-notify", mode: binaryMode)
        }
        return hook
    }

    @Test func execsTheBinaryNextToIt() throws {
        try withTemporaryDirectory { root in
            let hook = try install(root, binaryMode: 0o755)
            let home = root + "/home"
            try writeFile(home + "/proj/.oss/workflow-state.json", #"{"nextCommand":"plan"}"#)
            let result = try ToolRunner.runProcess(
                hook, [], environment: ToolRunner.environment(home: home),
                stdin: #"{"workspace":{"current_dir":"\#(home)/proj"}}"#, cwd: root)
            #expect(result.status == 0)
            #expect(result.stdout == "✅ | [Claude] proj | → plan\n")
        }
    }

    @Test func repairsALostExecuteBit() throws {
        try withTemporaryDirectory { root in
            let hook = try install(root, binaryMode: 0o644)
            let home = root + "/home"
            try FileSystem.createDirectories(home)
            let result = try ToolRunner.runProcess(
                hook, [], environment: ToolRunner.environment(home: home), stdin: "{}", cwd: root)
            #expect(result.status == 0)
            #expect(result.stdout == "✅ | [Claude]\n")
            #expect(FileSystem.isExecutable(root + "/plugin/bin/oss-notify"))
        }
    }

    @Test func fallsBackToTheHomeInstall() throws {
        try withTemporaryDirectory { root in
            let hook = try install(root, binaryMode: nil)
            let home = root + "/home"
            try FileSystem.createDirectories(home + "/.oss/bin")
            let binary = try FileSystem.read(ToolRunner.path(of: "oss-notify"))
            try FileSystem.writeAtomically(binary, to: home + "/.oss/bin/oss-notify", mode: 0o755)
            let result = try ToolRunner.runProcess(
                hook, [], environment: ToolRunner.environment(home: home),
                stdin: #"{"model":{"display_name":"Sonnet"}}"#,
                cwd: root)
            #expect(result.stdout == "✅ | [Sonnet]\n")
        }
    }

    @Test func missingBinaryPrintsAMinimalLineAndSucceeds() throws {
        try withTemporaryDirectory { root in
            let hook = try install(root, binaryMode: nil)
            let home = root + "/home"
            try FileSystem.createDirectories(home)
            // No stdin: the shim does not read it, and writing to a closed pipe would raise SIGPIPE in the runner.
            let result = try ToolRunner.runProcess(hook, [], environment: ToolRunner.environment(home: home), cwd: root)
            #expect(result.status == 0)
            #expect(result.stdout == "[oss] status line binary missing\n")
        }
    }
}
