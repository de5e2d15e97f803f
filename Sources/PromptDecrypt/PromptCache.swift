import Shared

/// The legacy on-disk prompt cache (`<configDir>/prompt-cache/*.json`). Nothing writes it any more; oss-decrypt
/// deletes it on `--setup`, `--clear-cache` and the server's `X-OSS-Clear-Cache` directive.
package enum PromptCache {
    /// Deletes the `*.json` files directly inside `directory`; returns how many were removed.
    @discardableResult
    package static func clear(directory: String) -> Int {
        var removed = 0
        for name in FileSystem.listDirectory(directory) where name.hasSuffix(".json") {
            let path = directory.appendingPathComponent(name)
            if FileSystem.isRegularFile(path) {
                FileSystem.remove(path)
                removed += 1
            }
        }
        return removed
    }
}
