import Shared

/// Every path the installer reads or writes, resolved once from an environment.
package struct InstallLayout: Sendable {
    /// The five hook scripts the bundle replaces, in `hooks/` of the plugin and of `~/.oss`.
    package static let shimNames = [
        "oss-log.sh", "oss-notify.sh", "oss-statusline.sh", "ensure-decrypt-cli.sh", "verify-decrypt-setup.sh",
    ]
    /// The slash command the install puts into each plugin root's `commands/`.
    package static let commandName = "integration.md"
    /// The four tools plus `oss-hooks`, installed into `~/.oss/bin`.
    package static let toolNames = ["oss-log", "oss-notify", "oss-decrypt", "oss-integration", "oss-hooks"]
    /// The line every native shim carries.
    package static let shimMarker = "native oss hook shim"
    /// The directory beside a replaced file that holds its original.
    package static let backupDirectoryName = ".oss-native-backup"

    /// The user's home.
    package var home: String
    /// `~/.oss`.
    package var ossDir: String
    /// `$CLAUDE_CONFIG_DIR`, else `~/.claude`.
    package var claudeDir: String
    /// `OSS_CONFIG_DIR`, else `~/.oss`: where the credentials and the API key live.
    package var configDir: String

    /// Resolves the layout from an environment.
    package init(environment: Environment) {
        let paths = OSSPaths(environment: environment)
        home = paths.home
        ossDir = paths.ossDir
        configDir = paths.configDir
        claudeDir = environment.nonEmpty("CLAUDE_CONFIG_DIR") ?? paths.home.appendingPathComponent(".claude")
    }

    /// `~/.oss/bin`.
    package var binDir: String { ossDir.appendingPathComponent("bin") }
    /// `~/.oss/hooks`, where the plugin's session start copies its hook scripts.
    package var hooksDir: String { ossDir.appendingPathComponent("hooks") }
    /// `~/.oss/oss-statusline.sh`, the conventional status line command.
    package var statusLineScript: String { ossDir.appendingPathComponent("oss-statusline.sh") }
    /// `~/.oss/native`: the reference copies of the shims and the slash command, the lock and the install records.
    package var nativeDir: String { ossDir.appendingPathComponent("native") }
    /// The reference copy of a shim or of the slash command.
    package func reference(_ name: String) -> String { nativeDir.appendingPathComponent(name) }
    /// The lock every writing verb takes.
    package var lockFile: String { nativeDir.appendingPathComponent(".lock") }
    /// Plugin roots given with `--plugin-root`, one a line, so re-apply keeps them native too.
    package var extraRootsFile: String { nativeDir.appendingPathComponent("extra-plugin-roots") }
    /// Present when the install created `settings.json` (the uninstall then removes it again when it is empty).
    package var settingsCreatedMarker: String { nativeDir.appendingPathComponent("settings-created") }
    /// `~/.oss/plugin-root`, written by the plugin's session start.
    package var pluginRootFile: String { ossDir.appendingPathComponent("plugin-root") }
    /// Claude Code's user settings.
    package var settingsFile: String { claudeDir.appendingPathComponent("settings.json") }
    /// The copy of `settings.json` taken before the install last changed it.
    package var settingsBackup: String { settingsFile + ".oss-hooks-backup" }
    /// Claude Code's record of installed plugins.
    package var installedPluginsFile: String {
        claudeDir.appendingPathComponent("plugins").appendingPathComponent("installed_plugins.json")
    }
    /// Claude Code's plugin cache (`<marketplace>/<plugin>/<version>/`).
    package var pluginCacheDir: String {
        claudeDir.appendingPathComponent("plugins").appendingPathComponent("cache")
    }
    /// The command the `SessionStart` entry runs: the installed binary, quoted for the shell.
    package var reapplyCommand: String { ShellQuote.quote(binDir.appendingPathComponent("oss-hooks")) + " reapply" }
}
