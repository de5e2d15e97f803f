import Shared

/// The four values `--setup` stores in `credentials.enc` (compatibility.md#credentials, compatibility.md#credentials).
package struct Credentials: Equatable, Sendable {
    /// The user's API key (`ak_…`).
    package var apiKey: String
    /// The service's user id (licenseId source).
    package var userID: String
    /// The hardware id echoed by the server at setup.
    package var hardwareID: String
    /// The per-user PBKDF2 salt, used as UTF-8 text.
    package var salt: String

    /// Creates credentials from their four fields.
    package init(apiKey: String, userID: String, hardwareID: String, salt: String) {
        self.apiKey = apiKey
        self.userID = userID
        self.hardwareID = hardwareID
        self.salt = salt
    }

    /// `JSON.stringify({apiKey, userId, hardwareId, salt})`, the exact plaintext upstream encrypts.
    package var json: String {
        JSONValue.object(
            JSONObject([
                ("apiKey", .string(apiKey)),
                ("userId", .string(userID)),
                ("hardwareId", .string(hardwareID)),
                ("salt", .string(salt)),
            ])
        ).compact
    }

    /// Parses the stored JSON; nil unless all four fields are strings.
    package init?(json text: String) {
        guard let value = try? JSONValue.parse(text),
            let apiKey = value["apiKey"]?.stringValue,
            let userID = value["userId"]?.stringValue,
            let hardwareID = value["hardwareId"]?.stringValue,
            let salt = value["salt"]?.stringValue
        else { return nil }
        self.init(apiKey: apiKey, userID: userID, hardwareID: hardwareID, salt: salt)
    }
}
