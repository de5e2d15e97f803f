import Shared

/// The fields the status line uses from Claude Code's stdin JSON. Every field is optional: garbage, a non-object,
/// wrong types or an empty input all give the defaults.
package struct StatusLineInput: Equatable, Sendable {
    /// `.model.display_name` when it is a non-empty string, else `Claude`.
    package var modelName: String
    /// `.workspace.current_dir` when it is a string, else empty.
    package var currentDirectory: String
    /// `.workspace.project_dir` (where Claude Code was started) when it is a string, else empty.
    package var projectDirectory = ""
    /// Claude Code's session data for the opt-in segments (`context_window`, `cost`, `output_style`, `version`).
    package var session = StatusLineSession()

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
        if let directory = root["workspace"]?["project_dir"]?.stringValue { projectDirectory = directory }
        session = StatusLineSession(json: root)
    }

    /// Whether `bytes` already hold one whole JSON value, so reading can stop before stdin closes.
    package static func isCompleteDocument(_ bytes: [UInt8]) -> Bool {
        guard let last = bytes.last(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            last == UInt8(ascii: "}")
        else { return false }
        return (try? JSONValue.parse(bytes: bytes)) != nil
    }
}
