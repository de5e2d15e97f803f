import Foundation
import Shared
import TestSupport
import Testing

/// `Scripts/install.sh` as a user runs it: prebuilt binaries (`--from`), a sandbox HOME, a plugin at an unusual path
/// (`--plugin-root`),
/// and a PATH holding only a few coreutils — no node, jq or python.
struct InstallScriptEndToEndTests {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    private static let tools = ["oss-log", "oss-notify", "oss-decrypt", "oss-integration", "oss-hooks"]
    private static let shims = [
        "oss-log.sh", "oss-notify.sh", "oss-statusline.sh", "ensure-decrypt-cli.sh", "verify-decrypt-setup.sh",
    ]

    /// A directory of symlinks to the only commands the install and the shims may use.
    private static func minimalPath(in root: String) throws -> String {
        let bin = root.appendingPathComponent("minimal-bin")
        try FileSystem.createDirectories(bin)
        for name in [
            "sh", "cp", "mv", "chmod", "mkdir", "dirname", "basename", "grep", "sed", "cat", "rm", "rmdir", "ls",
        ] {
            let target = ["/bin/\(name)", "/usr/bin/\(name)"].first(where: FileSystem.isExecutable)
            guard let target else { continue }
            symlink(target, bin.appendingPathComponent(name))
        }
        return bin
    }

    private static func install(_ arguments: [String], home: String, path: String) throws -> ToolResult {
        try ToolRunner.runProcess(
            "/bin/sh", [repository + "/Scripts/install.sh"] + arguments,
            environment: ["HOME": home, "PATH": path, "LANG": "C.UTF-8"], cwd: home)
    }

    @Test func installsRunsReinstallsAndUninstallsWithoutNodeJqOrPython() throws {
        try withTemporaryDirectory { root in
            let home = root.appendingPathComponent("home")
            let from = root.appendingPathComponent("dist")
            let plugin = root.appendingPathComponent("plugin")
            try FileSystem.createDirectories(home)
            try FileSystem.createDirectories(from)
            for tool in Self.tools {
                let bytes = try FileSystem.read(ToolRunner.path(of: tool))
                try FileSystem.writeAtomically(bytes, to: from.appendingPathComponent(tool), mode: 0o755)
            }
            let originalShim = "#!/bin/bash\necho original oss-log.sh\n"
            try writeFile(plugin + "/.claude-plugin/plugin.json", #"{"name": "oss", "version": "2.0.80"}"#)
            try writeFile(plugin + "/hooks/oss-log.sh", originalShim, mode: 0o755)
            try writeFile(plugin + "/hooks/other-hook.sh", "#!/bin/bash\n", mode: 0o755)
            let path = try Self.minimalPath(in: root)
            #expect(ChildProcess.which("node", environment: Environment(["PATH": path])) == nil)
            #expect(ChildProcess.which("python3", environment: Environment(["PATH": path])) == nil)

            let first = try Self.install(["--from", from, "--plugin-root", plugin], home: home, path: path)
            #expect(first.status == 0, "\(first)")
            #expect(first.stdout.contains(#""statusLine""#))
            for tool in Self.tools {
                #expect(FileSystem.isExecutable(home + "/.oss/bin/" + tool))
            }
            for shim in Self.shims {
                #expect(FileSystem.isExecutable(home + "/.oss/hooks/" + shim))
                #expect(readFile(plugin + "/hooks/" + shim) == readFile(Self.repository + "/hooks/" + shim))
            }
            #expect(FileSystem.isExecutable(home + "/.oss/oss-statusline.sh"))
            #expect(readFile(plugin + "/hooks/.oss-native-backup/oss-log.sh") == originalShim)
            #expect(readFile(plugin + "/hooks/other-hook.sh") == "#!/bin/bash\n")

            // The installed shims work with the same minimal PATH.
            let environment = ["HOME": home, "PATH": path, "TZ": "UTC", "LANG": "C.UTF-8"]
            let initRun = try ToolRunner.runProcess(
                home + "/.oss/hooks/oss-log.sh", ["init", "build"], environment: environment, cwd: home)
            #expect(initRun.status == 0, "\(initRun)")
            #expect(initRun.stdout == home + "/.oss/logs/current-session/build.log\n")
            let notify = try ToolRunner.runProcess(
                plugin + "/hooks/oss-notify.sh", ["--workflow", "review", "start", "{}"], environment: environment,
                cwd: home)
            #expect(notify.status == 0, "\(notify)")
            let state = try #require(readFile(home + "/.oss/workflow-state.json"))
            #expect(state.contains(#""currentCommand": "review""#))
            let line = try ToolRunner.runProcess(
                home + "/.oss/oss-statusline.sh", [], environment: environment, cwd: home)
            #expect(line.status == 0)
            #expect(line.stdout.hasPrefix("✅"))

            // Re-running is idempotent and keeps the first backup.
            let second = try Self.install(["--from", from, "--plugin-root", plugin], home: home, path: path)
            #expect(second.status == 0, "\(second)")
            #expect(readFile(plugin + "/hooks/.oss-native-backup/oss-log.sh") == originalShim)
            #expect(FileSystem.listDirectory(home + "/.oss/bin") == Self.tools.sorted())
            #expect(readFile(home + "/.claude/settings.json")?.components(separatedBy: "oss-hooks' reapply").count == 2)

            let removed = try Self.install(["--uninstall", "--plugin-root", plugin], home: home, path: path)
            #expect(!FileSystem.exists(home + "/.claude/settings.json"))
            #expect(removed.status == 0, "\(removed)")
            #expect(readFile(plugin + "/hooks/oss-log.sh") == originalShim)
            #expect(!FileSystem.exists(plugin + "/hooks/oss-notify.sh"))
            #expect(!FileSystem.exists(plugin + "/hooks/.oss-native-backup"))
            for tool in Self.tools { #expect(!FileSystem.exists(home + "/.oss/bin/" + tool)) }
        }
    }

    @Test func rejectsAMissingPluginRootAndUnknownOptions() throws {
        try withTemporaryDirectory { root in
            let path = try Self.minimalPath(in: root)
            let from = root.appendingPathComponent("dist")
            try FileSystem.createDirectories(from)
            for tool in Self.tools {
                let bytes = try FileSystem.read(ToolRunner.path(of: tool))
                try FileSystem.writeAtomically(bytes, to: from.appendingPathComponent(tool), mode: 0o755)
            }
            let missing = try Self.install(
                ["--from", from, "--plugin-root", root + "/nowhere"], home: root, path: path)
            #expect(missing.status == 64, "\(missing)")
            #expect(missing.stderr.contains("--plugin-root \(root)/nowhere is not the OSS plugin"))
            let unknown = try Self.install(["--bogus"], home: root, path: path)
            #expect(unknown.status == 64)
            #expect(unknown.stderr.contains("unknown option: --bogus"))
        }
    }
}
