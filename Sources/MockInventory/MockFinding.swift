/// One mocked or stubbed interaction found in test code.
package struct MockFinding: Sendable, Equatable {
    /// How a finding was matched to real-dependency evidence.
    package enum Coverage: String, Sendable, Equatable {
        /// A real-dependency test exercises the same target.
        case target
        /// No test exercises the target, but one exercises the same boundary.
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
