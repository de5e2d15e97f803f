import Shared

// No `import Crypto` here: the canonical bytes are pure JSON work, so this file also compiles on its own (the
// libFuzzer targets in Fuzz/ build it without swift-crypto).
extension ManifestVerifier {
    /// The signed message: JS `JSON.stringify({version, algorithm, signing, prompts})` with the prompt keys in
    /// UTF-16 code-unit order and every entry serialised as received; nil when `prompts` is not an object
    /// (upstream throws there, which counts as invalid).
    package static func canonicalBytes(of manifest: JSONValue) -> [UInt8]? {
        guard let prompts = manifest["prompts"]?.objectValue else { return nil }
        var signed = JSONObject()
        for field in ["version", "algorithm", "signing"] {
            if let value = manifest[field] { signed[field] = value }
        }
        var sortedPrompts = JSONObject()
        for key in sortedPromptKeys(prompts.keys) {
            sortedPrompts[key] = prompts[key]
        }
        signed["prompts"] = .object(sortedPrompts)
        return Array(JSONValue.object(signed).compact.utf8)
    }

    /// Keys in JavaScript's default `Array.prototype.sort()` order: UTF-16 code units, no normalisation.
    package static func sortedPromptKeys(_ keys: [String]) -> [String] {
        keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    }
}
