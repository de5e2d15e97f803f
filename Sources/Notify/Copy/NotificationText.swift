import Shared

/// The words of one notification: a short title, a message and an optional subtitle.
package struct NotificationText: Equatable, Sendable {
    /// At most 20 characters.
    package var title: String
    /// The body.
    package var message: String
    /// The chain progress or branch status line, when the event has one.
    package var subtitle: String?

    /// A notification text.
    package init(title: String, message: String, subtitle: String? = nil) {
        self.title = title
        self.message = message
        self.subtitle = subtitle
    }

    /// The `get-copy` output: `{"title":…,"message":…[,"subtitle":…]}` on one line (no newline), subtitle omitted
    /// when nil.
    package var jsonLine: String {
        var object = JSONObject()
        object["title"] = .string(title)
        object["message"] = .string(message)
        if let subtitle { object["subtitle"] = .string(subtitle) }
        return JSONValue.object(object).compact
    }
}
