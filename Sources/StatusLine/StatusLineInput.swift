import Shared

/// The fields the status line uses from Claude Code's stdin JSON. Every field is optional: garbage, a non-object,
/// wrong types or an empty input all give the defaults.
package struct StatusLineInput: Equatable, Sendable {
    /// `.model.display_name` when it is a non-empty string, else `Claude`.
    package var modelName: String
    /// `.workspace.current_dir` when it is a string, else empty.
    package var currentDirectory: String

    /// The defaults: model `Claude`, no directory.
    package init(modelName: String = "Claude", currentDirectory: String = "") {
        self.modelName = modelName
        self.currentDirectory = currentDirectory
    }

    /// Parses Claude Code's JSON leniently.
    package init(bytes: [UInt8]) {
        self.init()
        guard let root = try? JSONValue.parse(bytes: bytes) else { return }
        if let name = root["model"]?["display_name"]?.stringValue, !name.isEmpty { modelName = name }
        if let directory = root["workspace"]?["current_dir"]?.stringValue { currentDirectory = directory }
    }

    /// Whether `bytes` already hold one whole JSON value, so reading can stop before stdin closes.
    package static func isCompleteDocument(_ bytes: [UInt8]) -> Bool {
        guard let last = bytes.last(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            last == UInt8(ascii: "}")
        else { return false }
        return (try? JSONValue.parse(bytes: bytes)) != nil
    }
}
