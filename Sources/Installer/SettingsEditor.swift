import Shared

/// Adds and removes the re-apply `SessionStart` entry in Claude Code's user `settings.json` by splicing text, so
/// every byte outside the inserted entry stays as it was (keys, their order, indentation, number spelling).
///
/// Adding into a non-empty container inserts `,\n<indent><entry>` after the last item and removing deletes exactly
/// that range, so an add followed by a remove gives back the original bytes.
package enum SettingsEditor {
    /// The hook group the install adds: no matcher (it runs on every session start, as the plugin's copy step does).
    package static func entry(command: String) -> JSONValue {
        [
            "hooks": [
                ["type": "command", "command": .string(command), "timeout": 10]
            ]
        ]
    }

    /// Whether a hook command is the re-apply step (any install location).
    package static func isReapply(_ command: String) -> Bool {
        command.contains("oss-hooks") && command.contains(" reapply")
    }

    /// The document with the entry for `command` present (unchanged bytes when it already is).
    /// - Throws: `InstallerError` when the text does not parse or `hooks`/`SessionStart` have another type.
    package static func adding(command: String, to document: [UInt8]?, path: String) throws(InstallerError)
        -> [UInt8]
    {
        let group = entry(command: command)
        guard let document, !document.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
            let text = JSONValue.object(["hooks": ["SessionStart": [group]]]).pretty + "\n"
            return Array(text.utf8)
        }
        let root = try scan(document, path: path)
        var editor = TextSplicer(bytes: document)
        guard let hooks = root.member("hooks") else {
            editor.insertMember("hooks", .object(["SessionStart": [group]]), into: root, indent: "")
            return editor.bytes
        }
        guard hooks.value.kind == .object else {
            throw .unexpectedShape(path: path, what: "\"hooks\" is not an object")
        }
        let hooksIndent = editor.indent(before: hooks.keyStart) ?? editor.unit
        guard let sessionStart = hooks.value.member("SessionStart") else {
            editor.insertMember("SessionStart", [group], into: hooks.value, indent: hooksIndent)
            return editor.bytes
        }
        guard sessionStart.value.kind == .array else {
            throw .unexpectedShape(path: path, what: "\"hooks.SessionStart\" is not an array")
        }
        let arrayIndent = editor.indent(before: sessionStart.keyStart) ?? hooksIndent + editor.unit
        if let ours = sessionStart.value.elements.first(where: { editor.isReapplyGroup($0) }) {
            if editor.value(of: ours) == group { return document }
            editor.replace(ours, with: group, indent: editor.indent(before: ours.start) ?? arrayIndent + editor.unit)
            return editor.bytes
        }
        editor.appendElement(group, to: sessionStart.value, indent: arrayIndent)
        return editor.bytes
    }

    /// The document without any re-apply entry; a `SessionStart` array or `hooks` object left empty by that goes too.
    /// - Throws: `InstallerError` when the text does not parse.
    package static func removing(from document: [UInt8], path: String) throws(InstallerError) -> [UInt8] {
        var bytes = document
        var removedAny = false
        // Each pass removes one thing and rescans, so every offset used is fresh.
        while true {
            let root = try scan(bytes, path: path)
            var editor = TextSplicer(bytes: bytes)
            guard let hooks = root.member("hooks"), hooks.value.kind == .object else { return bytes }
            let sessionStart = hooks.value.member("SessionStart")
            if let array = sessionStart?.value, array.kind == .array,
                let index = array.elements.firstIndex(where: { editor.isReapplyGroup($0) })
            {
                editor.removeItem(at: index, of: array.elements.map { ($0.start, $0.end) }, container: array)
                removedAny = true
            } else if removedAny, let array = sessionStart?.value, array.kind == .array, array.elements.isEmpty {
                let index = hooks.value.members.firstIndex { $0.key == "SessionStart" } ?? 0
                editor.removeItem(
                    at: index, of: hooks.value.members.map { ($0.keyStart, $0.value.end) }, container: hooks.value)
            } else if removedAny, hooks.value.members.isEmpty {
                let index = root.members.firstIndex { $0.key == "hooks" } ?? 0
                editor.removeItem(at: index, of: root.members.map { ($0.keyStart, $0.value.end) }, container: root)
            } else {
                return bytes
            }
            bytes = editor.bytes
        }
    }

    /// Whether the document holds a re-apply entry.
    /// - Throws: `InstallerError` when the text does not parse.
    package static func contains(_ document: [UInt8], path: String) throws(InstallerError) -> Bool {
        let root = try scan(document, path: path)
        let editor = TextSplicer(bytes: document)
        guard let elements = root.member("hooks")?.value.member("SessionStart")?.value.elements else { return false }
        return elements.contains { editor.isReapplyGroup($0) }
    }

    private static func scan(_ document: [UInt8], path: String) throws(InstallerError) -> JSONSpan {
        let root: JSONSpan
        do {
            root = try JSONSpanScanner.scan(document)
        } catch {
            throw .unparsable(path: path, reason: error.description)
        }
        guard root.kind == .object else { throw .unexpectedShape(path: path, what: "the top level is not an object") }
        return root
    }
}
