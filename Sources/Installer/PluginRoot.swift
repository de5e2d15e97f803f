import Shared

/// One installed copy of the OSS plugin and how it was found.
package struct PluginRoot: Equatable, Sendable {
    /// How a plugin root was found.
    package enum Origin: String, Sendable, CaseIterable {
        /// Listed in Claude Code's `installed_plugins.json`: the copy Claude Code loads.
        case installedPlugins = "installed_plugins.json"
        /// A version directory in Claude Code's plugin cache.
        case cache
        /// Named by `~/.oss/plugin-root`, which the plugin's session start writes.
        case pluginRootFile = "plugin-root"
        /// Given with `--plugin-root`.
        case option = "--plugin-root"
    }

    /// The directory (canonical path).
    package var path: String
    /// The version from `installed_plugins.json` or `plugin.json`, when known.
    package var version: String?
    /// Every way it was found, in discovery order.
    package var origins: [Origin]

    package init(path: String, version: String?, origins: [Origin]) {
        self.path = path
        self.version = version
        self.origins = origins
    }

    /// `<root>/hooks`.
    package var hooksDir: String { path.appendingPathComponent("hooks") }
    /// `<root>/commands`.
    package var commandsDir: String { path.appendingPathComponent("commands") }
}
