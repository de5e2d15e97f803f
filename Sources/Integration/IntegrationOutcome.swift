import MockInventory
import Shared

/// What a successful `oss-integration` run hands the model: the decrypted prompt (nil offline) and the mock
/// inventory of the project.
package struct IntegrationOutcome: Sendable {
    /// The decrypted `commands/integration` prompt, without the newline oss-decrypt adds; nil with `--offline`.
    package var prompt: String?
    /// Whether the prompt fetch was skipped.
    package var offline: Bool
    /// The project directory, canonical.
    package var project: String
    /// The mock inventory.
    package var inventory: ScanReport

    /// An outcome with these parts.
    package init(prompt: String?, offline: Bool, project: String, inventory: ScanReport) {
        self.prompt = prompt
        self.offline = offline
        self.project = project
        self.inventory = inventory
    }

    /// The text output: the prompt, a blank line, then the inventory's markdown section.
    package var text: String {
        guard let prompt else { return inventory.text }
        return prompt + (prompt.hasSuffix("\n") ? "\n" : "\n\n") + inventory.text
    }

    /// The JSON output: `{"prompt", "offline", "project", "inventory"}`.
    package var json: JSONValue {
        .object(
            JSONObject([
                ("prompt", prompt.map(JSONValue.string) ?? .null),
                ("offline", .bool(offline)),
                ("project", .string(project)),
                ("inventory", inventory.json),
            ]))
    }
}
