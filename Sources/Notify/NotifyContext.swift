import Shared

/// The optional context argument of the copy modes: the raw text as passed and, when it is a JSON object, its
/// members. A missing argument is `{}` (D13), and text that is not a JSON object gives no members (D14) instead of
/// aborting the call.
package struct NotifyContext: Equatable, Sendable {
    /// The argument exactly as passed (`{}` when absent).
    package var raw: String
    /// The members when `raw` is a JSON object, else nil.
    package var object: JSONObject?

    /// Parses an optional argument.
    package init(_ argument: String?) {
        raw = argument ?? "{}"
        object = (try? JSONValue.parse(raw))?.objectValue
    }

    /// The members, empty when the text is not an object.
    package var members: JSONObject { object ?? JSONObject() }

    /// A member's text when it is present, not null and not empty (jq's `.field // empty` plus a non-empty test).
    package func text(_ key: String) -> String? {
        guard let value = members[key], !value.isNull, value != .bool(false) else { return nil }
        let text = value.displayText
        return text.isEmpty ? nil : text
    }
}
