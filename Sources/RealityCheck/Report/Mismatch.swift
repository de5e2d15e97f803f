/// One place where a mock (or production code a mock stands in for) disagrees with the repository's reality.
package struct Mismatch: Sendable, Equatable {
    /// Repository-relative file of the mock or production statement.
    package var file: String
    /// 1-based line in `file`.
    package var line: Int
    /// What disagrees.
    package var kind: MismatchKind
    /// The dependency: table, `METHOD /path`, module, interface.
    package var dependency: String
    /// What the mock claims (a statement, a path, a field, an export).
    package var claim: String
    /// The file and line of the reality that disagrees (`db/migrations/003.sql:4`, `openapi.yaml:12`).
    package var reality: String
    /// One sentence why.
    package var reason: String
    /// Who judged it: `sqlite 3.40.1`, `postgresql 15.4`, `openapi`, `module-exports`, …
    package var engine: String

    /// Creates a mismatch.
    package init(
        file: String, line: Int, kind: MismatchKind, dependency: String, claim: String, reality: String,
        reason: String, engine: String
    ) {
        self.file = file
        self.line = line
        self.kind = kind
        self.dependency = dependency
        self.claim = claim
        self.reality = reality
        self.reason = reason
        self.engine = engine
    }
}
