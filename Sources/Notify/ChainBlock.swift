import Shared

/// The `---CHAIN_COMMANDS---` block Claude reads after a workflow completes (compatibility.md#chain-block).
package enum ChainBlock {
    /// At most this many `CHAIN:` lines.
    package static let limit = 10

    /// One chained command.
    package struct Item: Equatable, Sendable {
        /// The command (`requirements`, or `team:<name>` for a custom team command).
        package var command: String
        /// `always`, or `condition: <condition>`.
        package var condition: String

        /// An item.
        package init(command: String, condition: String) {
            self.command = command
            self.condition = condition
        }

        /// The item of a `chains_to` entry: `always` when `always` is truthy, else `condition: <condition>` when
        /// set, else `always`; nil for an entry without a usable `command` (missing, empty, or holding a control
        /// character that could forge extra lines).
        package init?(json: JSONValue) {
            guard let command = json["command"]?.stringValue, !command.isEmpty,
                !command.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            else { return nil }
            self.command = command
            if json["always"]?.isTruthy == true {
                condition = "always"
            } else if let value = json["condition"], value.isTruthy {
                let text = value.displayText.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) }
                condition = "condition: " + String(text)
            } else {
                condition = "always"
            }
        }

        /// `/oss:<command>`, with `team:<x>` rendered as `/oss:oss-custom <x>`.
        package var slashCommand: String {
            command.hasPrefix("team:") ? "/oss:oss-custom \(command.dropFirst(5))" : "/oss:\(command)"
        }
    }

    /// The block for `items` (first `limit` only), or the empty string when there are none.
    package static func render(_ items: [Item]) -> String {
        guard !items.isEmpty else { return "" }
        var text = "---CHAIN_COMMANDS---\n"
        for item in items.prefix(limit) { text += "CHAIN: \(item.slashCommand) (\(item.condition))\n" }
        return text + "---END_CHAIN_COMMANDS---\n"
    }
}
