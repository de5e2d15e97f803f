/// What `oss-hooks install` was asked to do.
package struct InstallOptions: Sendable {
    /// Directory holding the prebuilt binaries to copy into `~/.oss/bin` (nil: keep the installed ones).
    package var binariesDir: String?
    /// Checkout of this repository to take the shims and the slash command from (nil: keep the installed copies).
    package var sourceDir: String?
    /// Extra plugin roots (`--plugin-root`), for layouts the discovery does not cover.
    package var pluginRoots: [String]
    /// Whether to add the re-apply entry to Claude Code's user `settings.json`.
    package var editSettings: Bool

    package init(
        binariesDir: String? = nil, sourceDir: String? = nil, pluginRoots: [String] = [], editSettings: Bool = true
    ) {
        self.binariesDir = binariesDir
        self.sourceDir = sourceDir
        self.pluginRoots = pluginRoots
        self.editSettings = editSettings
    }
}
