import Shared
import SharedCrypto

/// `--verify-manifest` and `--list-prompts` (compatibility.md#api): manifest reports that need no credentials.
package struct ManifestReport: Sendable {
    private let context: DecryptContext

    /// Reports over `context`.
    package init(context: DecryptContext) {
        self.context = context
    }

    /// Prints `{"signatureValid","promptCount","generatedAt","categories"}` on one line; returns the exit status
    /// (1 when the signature is invalid or the manifest cannot be fetched).
    /// - Throws: `APIError.insecureURL` or `DecryptError.invalidManifestKeyOverride`.
    package func verify() async throws -> Int32 {
        let config = context.config
        try URLPolicy.check(config.apiURL)
        let key = try context.manifestKey()
        guard let manifest = await context.apiClient(baseURL: config.apiURL).fetchManifest() else {
            context.console.line(#"{"signatureValid":false,"error":"Failed to fetch manifest"}"#)
            return 1
        }
        let valid = ManifestVerifier.verify(manifest, key: key)
        let prompts = manifest["prompts"]?.objectValue ?? JSONObject()
        var categories = JSONObject()
        for name in prompts.keys {
            let category = Self.category(of: name)
            categories[category] = .number((categories[category]?.doubleValue ?? 0) + 1)
        }
        var report = JSONObject()
        report["signatureValid"] = .bool(valid)
        report["promptCount"] = .number(Double(prompts.count))
        if let generatedAt = manifest["generatedAt"] { report["generatedAt"] = generatedAt }
        report["categories"] = .object(categories)
        context.console.line(JSONValue.object(report).compact)
        return valid ? 0 : 1
    }

    /// Prints the manifest's prompts as a JSON array of `{name, category, hash, size}` in manifest order,
    /// filtered by category; `[]` when the manifest cannot be fetched.
    /// - Throws: `APIError.insecureURL`.
    package func list(category: String?) async throws {
        let config = context.config
        try URLPolicy.check(config.apiURL)
        let manifest = await context.apiClient(baseURL: config.apiURL).fetchManifest()
        var items: [JSONValue] = []
        for (name, entry) in manifest?["prompts"]?.objectValue ?? JSONObject() {
            let itemCategory = Self.category(of: name)
            if let category, category != itemCategory { continue }
            var item = JSONObject()
            item["name"] = .string(name)
            item["category"] = .string(itemCategory)
            if let hash = entry["hash"] { item["hash"] = hash }
            if let size = entry["size"] { item["size"] = size }
            items.append(.object(item))
        }
        context.console.line(JSONValue.array(items).compact)
    }

    /// The part of a manifest key before the first `/`.
    package static func category(of key: String) -> String {
        String(key.prefix { $0 != "/" })
    }
}
