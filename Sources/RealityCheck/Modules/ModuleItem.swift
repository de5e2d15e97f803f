/// One mocked module, patched name or mocked type to judge.
package struct ModuleItem: Sendable, Equatable {
    /// Repository-relative file of the mock.
    package var file: String
    /// 1-based line.
    package var line: Int
    /// As written: `./db`, `app.services.mailer.send`, `UserRepository`.
    package var target: String
    /// Members the mock stubs (factory keys, EXPECT()/On() methods).
    package var members: [String]
    /// Python `patch(…, create=True)`.
    package var createAllowed: Bool

    /// Creates an item.
    package init(file: String, line: Int, target: String, members: [String] = [], createAllowed: Bool = false) {
        self.file = file
        self.line = line
        self.target = target
        self.members = members
        self.createAllowed = createAllowed
    }
}
