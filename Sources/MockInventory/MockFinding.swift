/// One mocked or stubbed interaction found in test code.
package struct MockFinding: Sendable, Equatable {
    /// How a finding was matched to real-dependency evidence.
    package enum Coverage: String, Sendable, Equatable {
        /// A running real-dependency test in the same project unit exercises the same dependency.
        case target
        /// A running real-dependency test in the same project unit exercises a compatible dependency of the same
        /// boundary (the mock names no specific engine or host, or the test names none: `sql` vs `postgres`).
        case boundary
    }

    /// Path relative to the scanned root, `/`-separated.
    package var file: String
    /// 1-based line of the mock.
    package var line: Int
    /// The mocking framework or technique (`jest`, `unittest.mock`, `gomock`, `Mockito`, …).
    package var framework: String
    /// What is mocked: a module, URL, type or `object.member`.
    package var target: String
    /// The boundary the target belongs to.
    package var boundary: Boundary
    /// The normalised target component used to match evidence (lowercase).
    package var key: String
    /// How the mock is covered by a real-dependency test, or nil when it is a mismatch candidate.
    package var coverage: Coverage?
    /// The evidence sources that cover it (sorted), empty when uncovered.
    package var coveredBy: [String]
    /// The dependency the mock stands in for (`postgres`, `sql`, `redis`, `http api.github.com`, `smtp`), or the
    /// project's own type for internal collaborators.
    package var dependency: String = ""
    /// What the mock asserts about the dependency (empty when it says nothing checkable).
    package var claims: [MockClaim] = []
    /// Why the verdict is what it is: which test, which line, which rule.
    package var reason: String = ""
    /// How the boundary was decided (import, declaration, framework, name).
    package var boundaryBasis: String = ""
    /// The project unit: the directory of the nearest manifest (`package.json`, `go.mod`, …), `.` for the root.
    package var unit: String = "."
    /// Non-nil for configuration, logging, clock, environment and process mocks: not integration mocks.
    package var incidental: String?
    /// The module the target's first name is imported from in the test file, when it is imported.
    package var origin: String?

    /// Creates an uncovered finding.
    package init(file: String, line: Int, framework: String, target: String, boundary: Boundary, key: String) {
        self.file = file
        self.line = line
        self.framework = framework
        self.target = target
        self.boundary = boundary
        self.key = key
        self.coverage = nil
        self.coveredBy = []
    }

    /// True when some real-dependency test covers the mock's target or boundary.
    package var covered: Bool { coverage != nil }
}
