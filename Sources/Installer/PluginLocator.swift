import Shared

/// Finds every installed copy of the OSS plugin: Claude Code's `installed_plugins.json` (its v1 and v2 shapes), the
/// plugin cache's `*/oss/*/` directories, `~/.oss/plugin-root`, and roots recorded from `--plugin-root`. A directory
/// counts only when its `.claude-plugin/plugin.json` names the plugin `oss`.
package struct PluginLocator: Sendable {
    /// Upper bound for the JSON files read here.
    private static let jsonLimit = 4 << 20

    package var layout: InstallLayout

    package init(layout: InstallLayout) {
        self.layout = layout
    }

    /// The plugin roots, each once (by canonical path), those Claude Code lists first.
    package func locate() -> [PluginRoot] {
        var roots: [PluginRoot] = []
        func add(_ path: String, _ version: String?, _ origin: PluginRoot.Origin) {
            guard let canonical = FileSystem.realPath(path), let manifestVersion = Self.manifestVersion(canonical)
            else { return }
            if let index = roots.firstIndex(where: { $0.path == canonical }) {
                if !roots[index].origins.contains(origin) { roots[index].origins.append(origin) }
                return
            }
            roots.append(PluginRoot(path: canonical, version: version ?? manifestVersion, origins: [origin]))
        }
        for (path, version) in installedPluginEntries() { add(path, version, .installedPlugins) }
        for path in cacheDirectories() { add(path, nil, .cache) }
        if let line = Self.firstLine(layout.pluginRootFile) { add(line, nil, .pluginRootFile) }
        for line in Self.lines(layout.extraRootsFile) { add(line, nil, .option) }
        return roots
    }

    /// The plugin's version when `root/.claude-plugin/plugin.json` names it `oss` (an empty string when it has no
    /// version); nil when the directory is not the OSS plugin.
    package static func manifestVersion(_ root: String) -> String? {
        let manifest = root.appendingPathComponent(".claude-plugin").appendingPathComponent("plugin.json")
        guard let bytes = SmallFile.read(manifest, limit: jsonLimit),
            let value = try? JSONValue.parse(bytes: bytes), value["name"]?.stringValue == "oss"
        else { return nil }
        return value["version"]?.stringValue ?? ""
    }

    /// `installPath` and `version` of every `oss@…` entry, in the v1 (one object) or v2 (array of scopes) shape.
    private func installedPluginEntries() -> [(String, String?)] {
        guard let bytes = SmallFile.read(layout.installedPluginsFile, limit: Self.jsonLimit),
            let plugins = (try? JSONValue.parse(bytes: bytes))?["plugins"]?.objectValue
        else { return [] }
        var entries: [(String, String?)] = []
        for (key, value) in plugins where key == "oss" || key.hasPrefix("oss@") {
            for item in value.arrayValue ?? [value] {
                guard let path = item["installPath"]?.stringValue, !path.isEmpty else { continue }
                entries.append((path, item["version"]?.stringValue))
            }
        }
        return entries
    }

    /// `<cache>/<marketplace>/oss/<version>/` directories, versions in ascending order.
    private func cacheDirectories() -> [String] {
        var directories: [String] = []
        for marketplace in FileSystem.listDirectory(layout.pluginCacheDir) where !marketplace.hasPrefix(".") {
            let plugin = layout.pluginCacheDir.appendingPathComponent(marketplace).appendingPathComponent("oss")
            let versions = FileSystem.listDirectory(plugin).filter { !$0.hasPrefix(".") }
            for version in versions.sorted(by: Self.versionOrder) {
                directories.append(plugin.appendingPathComponent(version))
            }
        }
        return directories
    }

    /// Numeric-aware order of version names (`2.0.9` before `2.0.10`).
    static func versionOrder(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.split(separator: ".").map { Int($0) ?? -1 }
        let right = rhs.split(separator: ".").map { Int($0) ?? -1 }
        return left == right ? lhs < rhs : left.lexicographicallyPrecedes(right)
    }

    static func firstLine(_ path: String) -> String? {
        lines(path).first
    }

    static func lines(_ path: String) -> [String] {
        guard let bytes = SmallFile.read(path, limit: 64 << 10) else { return [] }
        let blanks: Set<Character> = [" ", "\t", "\r"]
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
            String(line.drop { blanks.contains($0) }.reversed().drop { blanks.contains($0) }.reversed())
        }.filter { !$0.isEmpty }
    }
}
