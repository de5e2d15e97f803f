import Shared

/// `integration.specs` in `~/.oss/settings.json`: `{"api.github.com": "path/to/spec.yaml"}`; relative paths are
/// taken from the checked repository's root.
package enum CheckSettings {
    /// Host → spec path, from the settings file (empty when absent or malformed).
    package static func specs(environment: Environment, root: String) -> [String: String] {
        let paths = OSSPaths(environment: environment)
        guard let bytes = SmallFile.read(paths.settingsFile, limit: 1 << 20),
            let value = try? JSONValue.parse(bytes: bytes),
            let specs = value["integration"]?["specs"]?.objectValue
        else { return [:] }
        var result: [String: String] = [:]
        for (host, path) in specs {
            guard let path = path.stringValue, !path.isEmpty else { continue }
            result[host.lowercased()] = path.hasPrefix("/") ? path : root + "/" + path
        }
        return result
    }
}
