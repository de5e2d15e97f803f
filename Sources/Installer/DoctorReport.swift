/// What `oss-hooks doctor` found; it never holds a secret, only whether one is present.
package struct DoctorReport: Sendable {
    /// One plugin root's state.
    package struct Root: Sendable {
        package var root: PluginRoot
        /// Shims in `hooks/` that are not the native ones.
        package var nonNativeHooks: [String]
        /// Whether `commands/integration.md` is the native one.
        package var commandInstalled: Bool
        package var isNative: Bool { nonNativeHooks.isEmpty && commandInstalled }
    }

    /// One problem and the command that fixes it.
    package struct Problem: Sendable, Equatable {
        package var what: String
        package var fix: String
    }

    /// Whether `~/.oss/native` holds the reference files (the bundle is installed).
    package var installed: Bool
    package var roots: [Root]
    /// Shims in `~/.oss/hooks` that are not native.
    package var nonNativeOSSHooks: [String]
    /// Whether `~/.oss/oss-statusline.sh` is the native shim.
    package var statusLineScriptNative: Bool
    /// Claude Code's `statusLine.command`, when set.
    package var statusLineCommand: String?
    /// Whether `settings.json` holds the re-apply entry (nil: the file does not parse).
    package var sessionStartEntry: Bool?
    /// Each binary in `~/.oss/bin` with the version it reports (nil: missing or not running).
    package var binaries: [(name: String, version: String?)]
    /// Whether the credentials file is present and non-empty.
    package var credentialsPresent: Bool
    /// Whether `config.json` holds a non-empty API key.
    package var apiKeyPresent: Bool
    /// What is not native, with fixes; any of these makes the exit status non-zero.
    package var problems: [Problem]
    /// Advice that does not concern nativeness (credentials, the status line setting).
    package var notes: [Problem]

    /// Whether everything is native.
    package var isNative: Bool { problems.isEmpty }
}
