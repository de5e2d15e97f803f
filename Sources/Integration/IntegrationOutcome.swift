import MockInventory
import RealityCheck
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
    /// Mocks that disagree with the repository's reality (`oss-integration check`, SQLite only), shown first.
    package var reality: RealityReport?

    /// An outcome with these parts.
    package init(prompt: String?, offline: Bool, project: String, inventory: ScanReport) {
        self.prompt = prompt
        self.offline = offline
        self.project = project
        self.inventory = inventory
    }

    /// The text output: the prompt, a blank line, the mismatches (if any), then the inventory's markdown section.
    package var text: String {
        let body = (reality?.inventorySection ?? "") + inventory.text
        guard let prompt else { return body }
        return prompt + (prompt.hasSuffix("\n") ? "\n" : "\n\n") + body
    }

    /// The JSON output: `{"prompt", "offline", "project", "mismatches"?, "inventory"}` (`mismatches` only when
    /// some mock disagrees with reality).
    package var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("prompt", prompt.map(JSONValue.string) ?? .null),
            ("offline", .bool(offline)),
            ("project", .string(project)),
        ]
        if let reality, !reality.mismatches.isEmpty {
            pairs.append(("mismatches", .array(reality.mismatches.map(\.json))))
        }
        pairs.append(("inventory", inventory.json))
        return .object(JSONObject(pairs))
    }
}
