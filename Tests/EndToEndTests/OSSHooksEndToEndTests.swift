import Foundation
import Shared
import TestSupport
import Testing

/// `oss-hooks` against the built binaries in a sandbox HOME holding a fake Claude Code tree with the OSS plugin
/// 2.0.80, through install, the plugin's own session starts, an update to 2.0.81, the doctor and the uninstall,
/// with a PATH that has no node, jq or python.
@Suite(.serialized)
struct OSSHooksEndToEndTests {
    @Test func staysNativeAcrossSessionStartsAndAnUpdateThenUninstallsCleanly() throws {
        try withTemporaryDirectory { root in
            let fake = try FakeClaudeCode(root: root)
            let path = try fake.minimalPath()
            let environment = Environment(["PATH": path])
            #expect(ChildProcess.which("node", environment: environment) == nil)
            #expect(ChildProcess.which("jq", environment: environment) == nil)
            #expect(ChildProcess.which("python3", environment: environment) == nil)
            let old = try fake.addPluginVersion("2.0.80")
            try fake.recordInstalled("2.0.80", shape: .v2)
            // A session before the install: the plugin copies its bash hooks into ~/.oss.
            #expect(try fake.pluginCopyStep(version: "2.0.80", path: path).status == 0)
            #expect(
                readFile(fake.oss + "/hooks/oss-log.sh") == FakeClaudeCode.original("oss-log.sh", version: "2.0.80"))

            // Doctor before the install: not native, says what to run.
            let before = try ToolRunner.runProcess(
                fake.dist + "/oss-hooks", ["doctor"], environment: fake.environment(path: path), cwd: fake.home)
            #expect(before.status == 1, "\(before)")
            #expect(before.stdout.contains("problem: the native bundle is not installed. Fix: Scripts/install.sh"))

            // Install: one command, no plugin path needed.
            let installed = try fake.install([], path: path)
            #expect(installed.status == 0, "\(installed)")
            #expect(installed.stdout.contains("Native hooks and /oss:integration in plugin root \(old) (2.0.80)."))
            #expect(FakeClaudeCode.isNative(old + "/hooks"))
            #expect(FakeClaudeCode.isNative(fake.oss + "/hooks"))
            #expect(readFile(fake.oss + "/oss-statusline.sh") == FakeClaudeCode.shim("oss-statusline.sh"))
            #expect(
                readFile(old + "/commands/integration.md")
                    == readFile(FakeClaudeCode.repository + "/commands/integration.md"))
            #expect(
                readFile(old + "/hooks/.oss-native-backup/oss-log.sh")
                    == FakeClaudeCode.original("oss-log.sh", version: "2.0.80"))
            #expect(
                readFile(old + "/commands/.oss-native-backup/integration.md")
                    == FakeClaudeCode.originalCommand(version: "2.0.80"))
            #expect(
                readFile(old + "/hooks/oss-detect-playwright.sh")
                    == FakeClaudeCode.original("oss-detect-playwright.sh", version: "2.0.80"))
            #expect(readFile(old + "/hooks.json") == FakeClaudeCode.pluginHooksJSON)
            #expect(!FileSystem.exists(old + "/hooks/hooks.json"))
            for tool in FakeClaudeCode.tools { #expect(FileSystem.isExecutable(fake.oss + "/bin/" + tool)) }
            let settings = try JSONValue.parse(try #require(readFile(fake.settings)))
            let command = try #require(
                settings["hooks"]?["SessionStart"]?.arrayValue?.first?["hooks"]?.arrayValue?.first?["command"]?
                    .stringValue)
            #expect(command == "'\(fake.oss)/bin/oss-hooks' reapply")

            var (status, report) = try fake.doctor(path: path)
            #expect(status == 0, "\(report.pretty)")
            #expect(report["native"] == true)
            #expect(report["pluginRoots"]?.arrayValue?.count == 1)
            #expect(
                report["pluginRoots"]?.arrayValue?.first?["foundIn"] == [
                    "installed_plugins.json", "cache", "plugin-root",
                ])
            #expect(report["binaries"]?["oss-decrypt"] == .string(ToolVersion.current))
            #expect(report["credentialsPresent"] == false)
            #expect(report["apiKeyPresent"] == false)

            // The plugin's own session start copies from its (now native) hooks/: the shims survive it.
            #expect(try fake.pluginCopyStep(version: "2.0.80", path: path).status == 0)
            #expect(FakeClaudeCode.isNative(fake.oss + "/hooks"))
            #expect(
                readFile(fake.oss + "/hooks/oss-onboard-check.sh")
                    == FakeClaudeCode.original("oss-onboard-check.sh", version: "2.0.80"))
            // …and so do a full session start and the shims' work, with the same PATH.
            let session = try fake.sessionStart(version: "2.0.80", path: path)
            #expect(session.plugin.status == 0 && session.reapply.status == 0)
            #expect(session.reapply.stdout.isEmpty && session.reapply.stderr.isEmpty)
            #expect(FakeClaudeCode.isNative(fake.oss + "/hooks"))
            let logInit = try ToolRunner.runProcess(
                fake.oss + "/hooks/oss-log.sh", ["init", "build"], environment: fake.environment(path: path),
                cwd: fake.home)
            #expect(logInit.status == 0, "\(logInit)")
            #expect(logInit.stdout == fake.oss + "/logs/current-session/build.log\n")

            // A plugin update: a new version directory with bash hooks, installed_plugins.json pointing at it.
            let new = try fake.addPluginVersion("2.0.81")
            try fake.recordInstalled("2.0.81", shape: .v2)
            (status, report) = try fake.doctor(path: path)
            #expect(status == 1)
            #expect(report["native"] == false)
            let newReport = try #require(report["pluginRoots"]?.arrayValue?.first { $0["version"] == "2.0.81" })
            #expect(newReport["native"] == false)
            #expect(newReport["nonNativeHooks"]?.arrayValue?.count == 5)
            let fixes = report["problems"]?.arrayValue?.compactMap { $0["fix"]?.stringValue } ?? []
            #expect(fixes.contains("\(fake.oss)/bin/oss-hooks reapply"))

            // The next session start runs the new plugin's copy step and the re-apply at the same moment.
            let first = try fake.sessionStart(version: "2.0.81", path: path)
            #expect(first.plugin.status == 0 && first.reapply.status == 0)
            #expect(first.reapply.stdout.isEmpty)
            #expect(FakeClaudeCode.isNative(new + "/hooks"))
            #expect(
                readFile(new + "/hooks/.oss-native-backup/oss-notify.sh")
                    == FakeClaudeCode.original("oss-notify.sh", version: "2.0.81"))
            #expect(
                readFile(new + "/commands/integration.md")
                    == readFile(FakeClaudeCode.repository + "/commands/integration.md"))
            // Native again at the latest after one more session start, whatever the order was.
            _ = try fake.sessionStart(version: "2.0.81", path: path)
            #expect(FakeClaudeCode.isNative(fake.oss + "/hooks"))
            #expect(readFile(fake.oss + "/oss-statusline.sh") == FakeClaudeCode.shim("oss-statusline.sh"))
            #expect(readFile(fake.oss + "/plugin-root") == new + "\n")
            (status, report) = try fake.doctor(path: path)
            #expect(status == 0, "\(report.pretty)")
            #expect(report["pluginRoots"]?.arrayValue?.count == 2)
            let leftovers = (FileSystem.listDirectory(new + "/hooks") + FileSystem.listDirectory(fake.oss + "/hooks"))
                .filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty)

            // Uninstall restores the plugin's own files everywhere and removes what the install added.
            let removed = try fake.install(["--uninstall"], path: path)
            #expect(removed.status == 0, "\(removed)")
            for (plugin, version) in [(old, "2.0.80"), (new, "2.0.81")] {
                for name in FakeClaudeCode.shims {
                    #expect(readFile(plugin + "/hooks/" + name) == FakeClaudeCode.original(name, version: version))
                }
                #expect(
                    readFile(plugin + "/commands/integration.md") == FakeClaudeCode.originalCommand(version: version))
                #expect(!FileSystem.exists(plugin + "/hooks/.oss-native-backup"))
                #expect(!FileSystem.exists(plugin + "/commands/.oss-native-backup"))
            }
            // ~/.oss holds a bash original again (whichever version the plugin last copied before a re-apply), and the
            // plugin's next session start copies its current version's own scripts.
            let bashVersions = ["2.0.80", "2.0.81"]
            for name in FakeClaudeCode.shims {
                let restored = readFile(fake.oss + "/hooks/" + name)
                #expect(
                    bashVersions.contains { restored == FakeClaudeCode.original(name, version: $0) },
                    "\(name): \(restored ?? "missing")")
            }
            let restoredLine = readFile(fake.oss + "/oss-statusline.sh")
            #expect(bashVersions.contains { restoredLine == FakeClaudeCode.original("oss-statusline.sh", version: $0) })
            #expect(!FileSystem.exists(fake.oss + "/hooks/.oss-native-backup"))
            #expect(try fake.pluginCopyStep(version: "2.0.81", path: path).status == 0)
            for name in FakeClaudeCode.shims {
                #expect(readFile(fake.oss + "/hooks/" + name) == FakeClaudeCode.original(name, version: "2.0.81"))
            }
            #expect(!FileSystem.exists(fake.settings))
            #expect(!FileSystem.exists(fake.oss + "/native"))
            for tool in FakeClaudeCode.tools { #expect(!FileSystem.exists(fake.oss + "/bin/" + tool)) }
            let after = try ToolRunner.runProcess(
                fake.dist + "/oss-hooks", ["doctor", "--format", "json"], environment: fake.environment(path: path),
                cwd: fake.home)
            #expect(after.status == 1)
            #expect(try JSONValue.parse(after.stdout)["installed"] == false)
        }
    }

    @Test func mergesIntoAUsersSettingsKeepingEveryByteAndRestoresThemExactly() throws {
        try withTemporaryDirectory { root in
            let fake = try FakeClaudeCode(root: root)
            let path = try fake.minimalPath()
            try fake.addPluginVersion("2.0.80")
            try fake.recordInstalled("2.0.80", shape: .v1)
            // Four-space indentation, a number spelled 1.50, an escape, and the user's own hooks and status line.
            let statusLine = """
                "statusLine": {
                        "type": "command",
                        "command": "~/bin/my-line.sh --width 1.50",
                        "padding": 0
                    }
                """
            let userHooks = """
                "PreToolUse": [
                            {
                                "matcher": "Bash",
                                "hooks": [ { "type": "command", "command": "echo \\u0041 >> ~/audit.log" } ]
                            }
                        ],
                        "SessionStart": [
                            {
                                "matcher": "startup",
                                "hooks": [ { "type": "command", "command": "~/bin/greet.sh" } ]
                            }
                        ]
                """
            let original = """
                {
                    "model": "opus",
                    "permissions": { "allow": ["Bash(ls:*)"], "deny": [] },
                    "hooks": {
                        \(userHooks)
                    },
                    \(statusLine),
                    "cleanupPeriodDays": 30
                }

                """
            try writeFile(fake.settings, original, mode: 0o600)

            let installed = try fake.install([], path: path)
            #expect(installed.status == 0, "\(installed)")
            let merged = try #require(readFile(fake.settings))
            #expect(merged.contains(statusLine))
            #expect(merged.contains(#""matcher": "startup","#))
            #expect(readFile(fake.settings + ".oss-hooks-backup") == original)
            // Exactly one insertion: the user's bytes before and after it are untouched.
            let inserted = """
                ,
                            {
                                "hooks": [
                                    {
                                        "type": "command",
                                        "command": "'\(fake.oss)/bin/oss-hooks' reapply",
                                        "timeout": 10
                                    }
                                ]
                            }
                """
            let anchor = try #require(
                original.range(of: #""hooks": [ { "type": "command", "command": "~/bin/greet.sh" } ]"#))
            let afterGroup = try #require(original.range(of: "}", range: anchor.upperBound..<original.endIndex))
            var expected = original
            expected.insert(contentsOf: inserted, at: afterGroup.upperBound)
            #expect(merged == expected)
            let value = try JSONValue.parse(merged)
            #expect(value.objectValue?.keys == ["model", "permissions", "hooks", "statusLine", "cleanupPeriodDays"])
            #expect(value["hooks"]?.objectValue?.keys == ["PreToolUse", "SessionStart"])

            // A second install changes nothing.
            #expect(try fake.install([], path: path).status == 0)
            #expect(readFile(fake.settings) == merged)

            // Uninstall gives back the exact original bytes.
            #expect(try fake.install(["--uninstall"], path: path).status == 0)
            #expect(readFile(fake.settings) == original)
            #expect(!FileSystem.exists(fake.settings + ".oss-hooks-backup"))

            // Installed again, then the user edits the file: the uninstall removes only the entry.
            #expect(try fake.install([], path: path).status == 0)
            let edited = try #require(readFile(fake.settings)).replacingOccurrences(
                of: #""cleanupPeriodDays": 30"#, with: #""cleanupPeriodDays": 31"#)
            try writeFile(fake.settings, edited, mode: 0o600)
            #expect(try fake.install(["--uninstall"], path: path).status == 0)
            #expect(readFile(fake.settings) == original.replacingOccurrences(of: "30", with: "31"))
        }
    }

    @Test func refusesAnUnparsableSettingsFileAndAPluginRootThatIsNotOSS() throws {
        try withTemporaryDirectory { root in
            let fake = try FakeClaudeCode(root: root)
            let path = try fake.minimalPath()
            let broken = "{ \"model\": \"opus\", // a comment\n}\n"
            try writeFile(fake.settings, broken)
            let refused = try fake.install([], path: path)
            #expect(refused.status == 65, "\(refused)")
            #expect(refused.stderr.contains("\(fake.settings) is not valid JSON"))
            #expect(readFile(fake.settings) == broken)
            #expect(!FileSystem.exists(fake.settings + ".oss-hooks-backup"))

            let other = root + "/other-plugin"
            try writeFile(other + "/hooks/oss-log.sh", "#!/bin/bash\n", mode: 0o755)
            try writeFile(other + "/.claude-plugin/plugin.json", #"{"name": "not-oss"}"#)
            let wrong = try fake.install(["--plugin-root", other, "--no-settings"], path: path)
            #expect(wrong.status == 64, "\(wrong)")
            #expect(wrong.stderr.contains("--plugin-root \(other) is not the OSS plugin"))
            #expect(readFile(other + "/hooks/oss-log.sh") == "#!/bin/bash\n")
        }
    }

    @Test func findsThePluginThroughEachSourceAndKeepsAnExplicitRootNative() throws {
        try withTemporaryDirectory { root in
            let fake = try FakeClaudeCode(root: root)
            let path = try fake.minimalPath()
            // v1 installed_plugins.json naming a directory outside the cache.
            let cached = try fake.addPluginVersion("2.0.80")
            let elsewhere = root + "/marketplace-checkout"
            try FileSystem.move(cached, to: elsewhere)
            try writeFile(
                fake.claude + "/plugins/installed_plugins.json",
                #"{"version": 1, "plugins": {"oss@one-shot-ship-plugin": {"version": "2.0.80", "installPath": "\#(elsewhere)"}}}"#
            )
            // A root only ~/.oss/plugin-root names, and one only --plugin-root names.
            let recorded = root + "/recorded"
            let explicit = root + "/explicit path with spaces"
            for directory in [recorded, explicit] {
                try writeFile(directory + "/.claude-plugin/plugin.json", #"{"name": "oss", "version": "2.0.79"}"#)
                try writeFile(
                    directory + "/hooks/oss-log.sh", FakeClaudeCode.original("oss-log.sh", version: "2.0.79"),
                    mode: 0o755)
            }
            try writeFile(fake.oss + "/plugin-root", recorded + "\n")
            let installed = try fake.install(["--plugin-root", explicit, "--no-settings"], path: path)
            #expect(installed.status == 0, "\(installed)")
            for directory in [elsewhere, recorded, explicit] {
                #expect(FakeClaudeCode.isNative(directory + "/hooks"), "\(directory)")
            }
            #expect(!FileSystem.exists(fake.settings))
            // Without the settings entry the doctor says so and fails.
            let (status, report) = try fake.doctor(path: path)
            #expect(status == 1)
            #expect(report["sessionStartEntry"] == false)
            let origins = report["pluginRoots"]?.arrayValue?.map { $0["foundIn"]?.arrayValue?.first?.stringValue ?? "" }
            #expect(origins == ["installed_plugins.json", "plugin-root", "--plugin-root"])

            // The explicit root was recorded, so re-apply keeps it native too.
            try writeFile(explicit + "/hooks/oss-log.sh", "#!/bin/bash\n# back\n", mode: 0o755)
            let reapplied = try fake.hooks(["reapply"], path: path)
            #expect(reapplied.status == 0 && reapplied.stdout.isEmpty)
            #expect(FakeClaudeCode.isNative(explicit + "/hooks"))
            #expect(readFile(explicit + "/hooks/.oss-native-backup/oss-log.sh") == "#!/bin/bash\n# back\n")
        }
    }

    @Test func reappliesSafelyWhileManySessionsStartAtOnce() throws {
        try withTemporaryDirectory { root in
            let fake = try FakeClaudeCode(root: root)
            let path = try fake.minimalPath()
            let plugin = try fake.addPluginVersion("2.0.80")
            try fake.recordInstalled("2.0.80", shape: .v2)
            #expect(try fake.install(["--no-settings"], path: path).status == 0)
            let update = try fake.addPluginVersion("2.0.81")
            try fake.recordInstalled("2.0.81", shape: .v2)
            var environment = fake.environment(path: path)
            environment["CLAUDE_PLUGIN_ROOT"] = update
            let scratch = root + "/scratch"
            try FileSystem.createDirectories(scratch)
            var processes: [SpawnedProcess] = []
            for index in 0..<8 {
                processes.append(
                    try SpawnedProcess.start(
                        fake.oss + "/bin/oss-hooks", arguments: [Array("reapply".utf8)], environment: environment,
                        scratch: scratch))
                if index % 2 == 0 {
                    processes.append(
                        try SpawnedProcess.start(
                            "/bin/sh", arguments: [Array((update + "/hooks/oss-session-start.sh").utf8)],
                            environment: environment, scratch: scratch))
                }
            }
            for process in processes {
                let result = try process.wait()
                #expect(result.status == 0 && result.stdout.isEmpty, "\(result)")
            }
            _ = try fake.sessionStart(version: "2.0.81", path: path)
            for directory in [plugin + "/hooks", update + "/hooks", fake.oss + "/hooks"] {
                #expect(FakeClaudeCode.isNative(directory), "\(directory)")
                #expect(FileSystem.listDirectory(directory).allSatisfy { !$0.contains(".tmp-") })
            }
            #expect(
                readFile(update + "/hooks/.oss-native-backup/oss-log.sh")
                    == FakeClaudeCode.original("oss-log.sh", version: "2.0.81"))
        }
    }

    @Test func doctorSaysWhetherTheKeyAndCredentialsArePresentWithoutPrintingThem() throws {
        try withTemporaryDirectory { root in
            let fake = try FakeClaudeCode(root: root)
            let path = try fake.minimalPath()
            try fake.addPluginVersion("2.0.80")
            try fake.recordInstalled("2.0.80", shape: .v2)
            #expect(try fake.install([], path: path).status == 0)
            let secret = "ak_live_0123456789abcdef"
            try writeFile(fake.oss + "/config.json", #"{"apiKey": "\#(secret)", "apiUrl": "https://example.invalid"}"#)
            try writeFile(fake.oss + "/credentials.enc", "c2VjcmV0LWNyZWRlbnRpYWxz", mode: 0o600)
            let text = try fake.hooks(["doctor"], path: path)
            #expect(text.status == 0, "\(text)")
            #expect(text.stdout.contains("credentials: present, API key: present"))
            let json = try fake.hooks(["doctor", "--format", "json"], path: path)
            let report = try JSONValue.parse(json.stdout)
            #expect(report["apiKeyPresent"] == true)
            #expect(report["credentialsPresent"] == true)
            for output in [text.stdout, text.stderr, json.stdout, json.stderr] {
                #expect(!output.contains(secret))
                #expect(!output.contains("c2VjcmV0LWNyZWRlbnRpYWxz"))
            }
            let usage = try fake.hooks(["doctor", "--format", "yaml"], path: path)
            #expect(usage.status == 64)
            #expect(usage.stderr.contains("--format must be text or json, not yaml"))
        }
    }
}
