/// The field paths a JSON body may (schema) or does (fixture) carry: `a`, `a.b`, `items[].id`, `[].id` for a
/// top-level array.
package struct BodyShape: Sendable, Equatable {
    /// Every field path.
    package var fields: Set<String> = []
    /// Paths the schema requires (top-level object fields only).
    package var required: Set<String> = []
    /// Prefixes under which any field is allowed (free-form objects, `additionalProperties`, unions); "" is the root.
    package var openPrefixes: Set<String> = []

    /// An empty shape.
    package init() {}

    /// True when `path` is a field, or lies under an open prefix.
    package func allows(_ path: String) -> Bool {
        if fields.contains(path) { return true }
        if openPrefixes.contains("") { return true }
        var prefix = path
        while let cut = prefix.lastIndex(where: { $0 == "." }) {
            prefix = String(prefix[..<cut])
            let parent = prefix.hasSuffix("[]") ? String(prefix.dropLast(2)) : prefix
            if openPrefixes.contains(parent) || openPrefixes.contains(prefix) { return true }
        }
        return false
    }
}
