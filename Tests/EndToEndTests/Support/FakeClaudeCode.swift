import Foundation
import Shared
import TestSupport

/// A sandbox HOME with a Claude Code tree holding the OSS plugin as Claude Code installs it: the version directory
/// `~/.claude/plugins/cache/one-shot-ship-plugin/oss/<version>/` with stand-ins for the plugin's bash hook scripts,
/// its root `hooks.json`, its `/oss:integration` command, and its session start's copy step; plus
/// `installed_plugins.json` in the v1 or the v2 shape.
struct FakeClaudeCode {
    /// The hook scripts the plugin's session start copies into `~/.oss/hooks` (one name in that list does not exist
    /// in the plugin and is skipped, as there).
    static let copiedScripts = [
        "oss-log.sh", "oss-notify.sh", "oss-statusline.sh", "oss-detect-playwright.sh", "ensure-decrypt-cli.sh",
        "verify-decrypt-setup.sh", "oss-iron-laws-sync.sh", "oss-onboard-check.sh", "oss-setup-permissions.sh",
    ]
    static let shims = [
        "oss-log.sh", "oss-notify.sh", "oss-statusline.sh", "ensure-decrypt-cli.sh", "verify-decrypt-setup.sh",
    ]
    static let tools = ["oss-log", "oss-notify", "oss-decrypt", "oss-integration", "oss-hooks"]
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    enum Shape {
        case v1
        case v2
    }

    let root: String
    var home: String { root.appendingPathComponent("home") }
    var claude: String { home.appendingPathComponent(".claude") }
    var oss: String { home.appendingPathComponent(".oss") }
    var dist: String { root.appendingPathComponent("dist") }
    var settings: String { claude.appendingPathComponent("settings.json") }

    /// The version directory of the plugin in Claude Code's cache.
    func pluginRoot(_ version: String) -> String {
        claude + "/plugins/cache/one-shot-ship-plugin/oss/" + version
    }

    /// Creates HOME and a directory of the five built binaries (what `--from` takes).
    init(root: String) throws {
        self.root = root
        try FileSystem.createDirectories(root.appendingPathComponent("home"))
        try FileSystem.createDirectories(root.appendingPathComponent("dist"))
        for tool in Self.tools {
            let bytes = try FileSystem.read(ToolRunner.path(of: tool))
            try FileSystem.writeAtomically(
                bytes, to: root.appendingPathComponent("dist").appendingPathComponent(tool), mode: 0o755)
        }
    }

    /// The bash stand-in of one of the plugin's scripts (it would need bash and jq or node).
    static func original(_ name: String, version: String) -> String {
        "#!/bin/bash\n# OSS plugin \(version): \(name)\nset -euo pipefail\ncommand -v jq >/dev/null || exit 1\nnode \"$0.js\" \"$@\"\n"
    }

    /// The plugin's `/oss:integration` command before the install (it pre-approves every shell command).
    static func originalCommand(version: String) -> String {
        "---\ndescription: integration (\(version))\nallowed-tools: Bash, Read\n---\nRun ~/.oss/hooks/oss-log.sh init integration\n"
    }

    /// The plugin's root manifest (plugin.json points at it): its session start runs the copy step.
    static let pluginHooksJSON = """
        {
          "hooks": {
            "SessionStart": [
              { "hooks": [ { "type": "command", "command": "${CLAUDE_PLUGIN_ROOT}/hooks/oss-session-start.sh" } ] }
            ],
            "SessionEnd": [
              { "hooks": [ { "type": "command", "command": "${CLAUDE_PLUGIN_ROOT}/hooks/oss-session-end.sh" } ] }
            ]
          }
        }

        """

    /// The copy step of the plugin's session start, re-enacted: it records the plugin root in `~/.oss/plugin-root`,
    /// copies each listed script that exists from the plugin's `hooks/` into `~/.oss/hooks` with `cp` (no temp
    /// file, no rename) and sets +x, then copies `oss-statusline.sh` to `~/.oss/` as well.
    static let sessionStartCopyStep = """
        #!/bin/sh
        PLUGIN_ROOT="${CLAUDE_PLUGIN_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
        OSS_DIR="$HOME/.oss"
        mkdir -p "$OSS_DIR"
        chmod 700 "$OSS_DIR"
        printf '%s\\n' "$PLUGIN_ROOT" > "$OSS_DIR/plugin-root"
        mkdir -p "$OSS_DIR/hooks"
        for script in \(copiedScripts.joined(separator: " ")); do
          if [ -f "$PLUGIN_ROOT/hooks/$script" ]; then
            cp "$PLUGIN_ROOT/hooks/$script" "$OSS_DIR/hooks/$script"
            chmod +x "$OSS_DIR/hooks/$script"
          fi
        done
        if [ -f "$PLUGIN_ROOT/hooks/oss-statusline.sh" ]; then
          cp "$PLUGIN_ROOT/hooks/oss-statusline.sh" "$OSS_DIR/oss-statusline.sh"
          chmod +x "$OSS_DIR/oss-statusline.sh"
        fi

        """

    /// Lays out one plugin version in the cache, as Claude Code installs or updates it.
    @discardableResult
    func addPluginVersion(_ version: String) throws -> String {
        let plugin = pluginRoot(version)
        try writeFile(
            plugin + "/.claude-plugin/plugin.json",
            #"{"name": "oss", "version": "\#(version)", "hooks": "./hooks.json"}"#)
        try writeFile(plugin + "/hooks.json", Self.pluginHooksJSON)
        for name in Self.copiedScripts where name != "oss-iron-laws-sync.sh" {
            try writeFile(plugin + "/hooks/" + name, Self.original(name, version: version), mode: 0o755)
        }
        try writeFile(plugin + "/hooks/oss-session-start.sh", Self.sessionStartCopyStep, mode: 0o755)
        try writeFile(
            plugin + "/hooks/check-updates.sh", Self.original("check-updates.sh", version: version), mode: 0o755)
        try writeFile(plugin + "/commands/integration.md", Self.originalCommand(version: version))
        return plugin
    }

    /// Writes `installed_plugins.json` naming `version` as the installed OSS plugin, in the given shape.
    func recordInstalled(_ version: String, shape: Shape) throws {
        let path = pluginRoot(version)
        let entry =
            #"{"version": "\#(version)", "installPath": "\#(path)", "installedAt": "2026-12-01T10:00:00.000Z", "gitCommitSha": "abc123", "isLocal": false}"#
        let text: String
        switch shape {
        case .v1:
            text = #"{"version": 1, "plugins": {"oss@one-shot-ship-plugin": \#(entry)}}"#
        case .v2:
            let scoped = entry.replacingOccurrences(of: "{\"version\"", with: "{\"scope\": \"user\", \"version\"")
            text =
                #"{"version": 2, "plugins": {"other@elsewhere": [{"scope": "user", "installPath": "/nowhere", "version": "1.0.0"}], "oss@one-shot-ship-plugin": [\#(scoped)]}}"#
        }
        try writeFile(claude + "/plugins/installed_plugins.json", text)
    }

    /// A directory of symlinks to the only commands the install, the copy step and the shims may use: no node, jq
    /// or python.
    func minimalPath() throws -> String {
        let bin = root.appendingPathComponent("minimal-bin")
        try FileSystem.createDirectories(bin)
        for name in [
            "sh", "cp", "mv", "chmod", "mkdir", "dirname", "basename", "grep", "sed", "cat", "rm", "rmdir", "ls", "pwd",
            "printf",
        ] {
            guard let target = ["/bin/\(name)", "/usr/bin/\(name)"].first(where: FileSystem.isExecutable) else {
                continue
            }
            symlink(target, bin.appendingPathComponent(name))
        }
        return bin
    }

    func environment(path: String) -> [String: String] {
        ["HOME": home, "PATH": path, "LANG": "C.UTF-8", "TZ": "UTC"]
    }

    /// `Scripts/install.sh` with prebuilt binaries.
    func install(_ arguments: [String], path: String) throws -> ToolResult {
        try ToolRunner.runProcess(
            "/bin/sh", [Self.repository + "/Scripts/install.sh", "--from", dist] + arguments,
            environment: environment(path: path), cwd: home)
    }

    /// `oss-hooks <arguments>` as installed.
    func hooks(_ arguments: [String], path: String) throws -> ToolResult {
        try ToolRunner.runProcess(oss + "/bin/oss-hooks", arguments, environment: environment(path: path), cwd: home)
    }

    /// One Claude Code session start: the plugin's own session start (its copy step) and the user-level re-apply
    /// entry, started at the same moment as Claude Code does, both waited for.
    func sessionStart(version: String, path: String) throws -> (plugin: ToolResult, reapply: ToolResult) {
        var environment = environment(path: path)
        environment["CLAUDE_PLUGIN_ROOT"] = pluginRoot(version)
        let scratch = root.appendingPathComponent("scratch")
        try FileSystem.createDirectories(scratch)
        let plugin = try SpawnedProcess.start(
            "/bin/sh", arguments: [Array((pluginRoot(version) + "/hooks/oss-session-start.sh").utf8)],
            environment: environment, scratch: scratch)
        let reapply = try SpawnedProcess.start(
            oss + "/bin/oss-hooks", arguments: [Array("reapply".utf8)], environment: environment, scratch: scratch)
        return (try plugin.wait(), try reapply.wait())
    }

    /// The plugin's copy step alone (a session start without the re-apply entry).
    func pluginCopyStep(version: String, path: String) throws -> ToolResult {
        var environment = environment(path: path)
        environment["CLAUDE_PLUGIN_ROOT"] = pluginRoot(version)
        return try ToolRunner.runProcess(
            "/bin/sh", [pluginRoot(version) + "/hooks/oss-session-start.sh"], environment: environment, cwd: home)
    }

    /// The repository's copy of a shim.
    static func shim(_ name: String) -> String? {
        readFile(repository + "/hooks/" + name)
    }

    /// Whether `directory` holds the five native shims, executable.
    static func isNative(_ directory: String) -> Bool {
        shims.allSatisfy { name in
            readFile(directory + "/" + name) == shim(name) && FileSystem.isExecutable(directory + "/" + name)
        }
    }

    /// The doctor's JSON report and exit status.
    func doctor(path: String) throws -> (status: Int32, report: JSONValue) {
        let result = try hooks(["doctor", "--format", "json"], path: path)
        return (result.status, try JSONValue.parse(result.stdout))
    }
}
