/// Something in the repository showing that a real dependency is exercised by tests.
package struct RealDependencyEvidence: Sendable, Equatable {
    /// Why the source counts as real-dependency evidence.
    package enum Kind: String, Sendable, Equatable, Comparable, CaseIterable {
        /// A test under an integration/e2e folder or with an integration suffix or build tag.
        case integrationTest = "integration-test"
        /// A test that starts dependencies with Testcontainers.
        case testcontainers
        /// A service in a docker-compose file.
        case composeService = "docker-compose-service"
        /// A real connection string (`postgres://…`) in test code.
        case connectionString = "connection-string"
        /// Recorded HTTP fixtures (VCR cassettes, Polly recordings, nock back).
        case recordedFixture = "recorded-fixture"

        /// Declaration order.
        package static func < (lhs: Kind, rhs: Kind) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    /// A relative file or directory path, or `compose-file#service`.
    package var source: String
    /// The file the evidence lives in (mocks in this same file are never covered by it).
    package var file: String
    /// 1-based line for compose services, nil for whole files and directories.
    package var line: Int?
    /// Why it counts (sorted, unique).
    package var kinds: [Kind]
    /// The boundaries it exercises (sorted, unique).
    package var boundaries: [Boundary]
    /// Recognised dependency names it exercises (sorted, lowercase), for display.
    package var targets: [String]
    /// Every lowercase token of the source, used to match mock targets; not displayed.
    package var tokens: Set<String>

    /// Creates evidence.
    package init(
        source: String,
        file: String,
        line: Int? = nil,
        kinds: [Kind],
        boundaries: [Boundary],
        targets: [String],
        tokens: Set<String>
    ) {
        self.source = source
        self.file = file
        self.line = line
        self.kinds = Array(Set(kinds)).sorted()
        self.boundaries = Array(Set(boundaries)).sorted()
        self.targets = Array(Set(targets)).sorted()
        self.tokens = tokens
    }
}
