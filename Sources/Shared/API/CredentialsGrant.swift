/// The body of `GET /api/v1/auth/credentials`: `{userId, salt, hardwareId}`.
package struct CredentialsGrant: Equatable, Sendable {
    /// The service's user id.
    package var userID: String
    /// The PBKDF2 salt.
    package var salt: String
    /// The hardware id the server bound (stored instead of the locally computed one).
    package var hardwareID: String

    /// Creates a grant.
    package init(userID: String, salt: String, hardwareID: String) {
        self.userID = userID
        self.salt = salt
        self.hardwareID = hardwareID
    }
}
