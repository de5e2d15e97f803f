import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// oss-decrypt's side of `update-state.json` (compatibility.md#update-state), shared with check-updates.sh.
///
/// Unlike upstream (D38) it writes only when the prompt's hash is new or changed, under the file lock, atomically
/// (mode 0600), and it keeps fields it does not know instead of dropping them.
package struct UpdateStateStore: Sendable {
    /// What recording a hash found.
    package enum Change: Equatable, Sendable {
        /// No previous hash for this prompt (first run): written silently.
        case firstSeen
        /// The hash differs from the cached one: written, and the caller reports the update.
        case updated
        /// Same hash: nothing written.
        case unchanged
    }

    private static let defaults: [(String, JSONValue)] = [
        ("lastPluginVersion", ""),
        ("lastCheckedAt", ""),
        ("manifestVersion", 0),
        ("manifestHashes", .object(JSONObject())),
        ("promptSignatures", .object(JSONObject())),
    ]

    private let store: JSONFileStore

    /// A store for the file at `path`.
    package init(path: String, clock: WallClock = .system) {
        store = JSONFileStore(path: path, mode: 0o600, clock: clock)
    }

    /// Records `hash` for `key` (`<type>/<name>`), returning what changed and any warnings (a corrupt file, or
    /// one that is JSON but not an object, moved aside).
    /// - Throws: `FileError` when the file or its lock cannot be written.
    package func record(key: String, hash: String) throws -> (change: Change, warnings: [String]) {
        let path = store.path
        let now = store.clock.now()
        let update = try store.update { (value: inout JSONValue?) throws -> (Change, [String]) in
            var warnings: [String] = []
            if let existing = value, existing.objectValue == nil {
                // Valid JSON of the wrong shape is kept as carefully as unparsable bytes: never overwritten.
                guard let aside = FileSystem.moveAside(path, now: now) else {
                    throw FileError(path: path, operation: "move aside the non-object update state", code: errno)
                }
                warnings.append("\(path) is not a JSON object; moved it aside to \(aside)")
                value = nil
            }
            var state = Self.normalized(value)
            var signatures = state["promptSignatures"]?.objectValue ?? JSONObject()
            let previous = signatures[key]?.stringValue
            if previous == hash {
                value = nil
                return (.unchanged, warnings)
            }
            signatures[key] = .string(hash)
            state["promptSignatures"] = .object(signatures)
            value = .object(state)
            return (previous == nil ? .firstSeen : .updated, warnings)
        }
        return (update.result.0, update.warnings + update.result.1)
    }

    /// The five fields in upstream's order (defaults for missing ones, `promptSignatures` forced to an object),
    /// followed by any other fields as found.
    private static func normalized(_ value: JSONValue?) -> JSONObject {
        let existing = value?.objectValue ?? JSONObject()
        var state = JSONObject()
        for (key, fallback) in defaults {
            let current = existing[key]
            if key == "promptSignatures" {
                state[key] = current?.objectValue.map(JSONValue.object) ?? fallback
            } else {
                state[key] = current.flatMap { $0.isNull ? nil : $0 } ?? fallback
            }
        }
        for (key, member) in existing where state[key] == nil {
            state[key] = member
        }
        return state
    }
}
