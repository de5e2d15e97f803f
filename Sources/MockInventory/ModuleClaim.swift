/// A mocked module or type and the members the mock stubs.
package struct ModuleClaim: Sendable, Equatable {
    /// The target as written: `./db`, `app.services.mailer.send`, `UserRepository`.
    package var target: String
    /// Members stubbed: factory keys, methods given `EXPECT()`, `On()`, `when()` or a stub.
    package var members: [String]
    /// Python `patch(..., create=True)`.
    package var createAllowed: Bool
    /// 1-based line where this claim is written.
    package var line: Int

    /// Creates a claim.
    package init(target: String, members: [String] = [], createAllowed: Bool = false, line: Int) {
        self.target = target
        self.members = members
        self.createAllowed = createAllowed
        self.line = line
    }
}
