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
        /// Recorded HTTP fixtures (VCR cassettes, Polly recordings, nock back): replays, listed but never coverage.
        case recordedFixture = "recorded-fixture"
        /// A Spring test slice or context that starts the real persistence layer (`@DataJpaTest`, `@SpringBootTest`).
        case springTest = "spring-test"
        /// A framework test case on the real test database (Rails model/request specs, Django `TestCase`).
        case frameworkDatabase = "framework-database"
        /// Test code that opens a real client or engine itself (`create_engine`, `sql.Open`, `new Pool`).
        case realClient = "real-client"

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
    /// The project unit (directory of the nearest manifest, `.` for the root).
    package var unit: String = "."
    /// The real dependencies exercised (`postgres`, `sql`, `redis`, `rabbitmq`, `http api.github.com`).
    package var dependencies: [String] = []
    /// Whether the file has at least one test that runs (compose services: whether a running test connects).
    package var running: Bool = true
    /// Why it is not running (the skip marker), or which test connects to a compose service.
    package var note: String?
    /// Compose services only support a test that connects to them; they never cover a mock on their own.
    package var supporting: Bool = false
    /// The rule that recognised it, in words, with the line when known.
    package var rule: String = ""
    /// The test starts or reaches the unit's compose services (`dockerCompose.upAll`, an integration test).
    package var usesCompose: Bool = false

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
