import MockInventory
import Shared
import Testing

/// One small repository per failure of issue 12 (`Fixtures/scanner/cases/<case>`): the verdict, the boundary,
/// the dependency, the reason and the claims the inventory reports.
struct MockInventoryCaseTests {
    private func scan(_ name: String) throws -> ScanReport {
        try ScannerFixture.scan("cases/" + name)
    }

    private func finding(_ report: ScanReport, _ file: String, _ line: Int) throws -> MockFinding {
        try #require(report.findings.first { $0.file == file && $0.line == line }, "\(report.findings.map(\.summaryLine))")
    }

    // MARK: Coverage is sound

    @Test func devOnlyComposeServiceDoesNotCoverSQLMocks() throws {
        let report = try scan("dev-compose")
        let mock = try finding(report, "repository/article_test.go", 10)
        #expect(mock.framework == "sqlmock" && mock.boundary == .database && mock.dependency == "sql")
        #expect(!mock.covered)
        #expect(mock.reason.contains("`compose.yaml#mysql` is a compose service no test starts or reaches"))
        #expect(
            mock.claims == [
                .sql(
                    SQLClaim(
                        statement: "SELECT id, title, content FROM article WHERE created_at > ? ORDER BY created_at",
                        returnedColumns: ["id", "title", "content"], line: 16)),
                .sql(SQLClaim(statement: "UPDATE article SET title=?", line: 17)),
            ])
    }

    @Test func strayEnvironmentLineCoversNothingAndRepoIsTheGitHubAPI() throws {
        let report = try scan("stray-env")
        let double = try finding(report, "spec/models/repo_spec.rb", 5)
        #expect(double.boundary == .api)
        #expect(double.boundaryBasis.contains("app/models/repo.rb"))
        #expect(!double.covered)
        #expect(report.findings.allSatisfy { $0.boundary != .database })
    }

    @Test func disabledIntegrationTestIsNotEvidence() throws {
        let report = try scan("disabled-test")
        let mock = try finding(report, "Tests/ClientTests/UserTests.swift", 7)
        #expect(mock.framework == "Mocker" && mock.dependency == "http api.github.com")
        #expect(!mock.covered)
        #expect(mock.reason.contains("`Tests/ClientTests/ClientIntegrationTests.swift`: no test runs (@Test(.disabled))"))
        #expect(mock.claims == [.http(HTTPClaim(method: "GET", url: "https://api.github.com/user", host: "api.github.com", path: "/user", status: 200, line: 7))])
        #expect(report.evidence.first { $0.source.hasSuffix("ClientIntegrationTests.swift") }?.running == false)
    }

    @Test func aMockNeverCoversAMock() throws {
        let report = try scan("mock-covers-mock")
        let mock = try finding(report, "src/test/java/com/example/books/BookServiceTest.java", 9)
        #expect(mock.boundary == .api && mock.dependency == "http")
        #expect(mock.boundaryBasis.contains("OpenLibraryApiClient.java"))
        #expect(!mock.covered)
        #expect(mock.claims == [.module(ModuleClaim(target: "OpenLibraryApiClient", members: ["fetchMetadataForBook"], line: 9))])
        let wiremock = try finding(report, "src/test/java/com/example/books/OpenLibraryApiClientIT.java", 13)
        #expect(wiremock.framework == "WireMock" && !wiremock.covered)
        #expect(
            wiremock.claims == [
                .http(HTTPClaim(method: "GET", url: "/api/books?bibkeys=ISBN:42", path: "/api/books", status: 200, fixture: "book.json", line: 13))
            ])
    }

    @Test func evidenceStaysInItsProjectUnit() throws {
        let report = try scan("two-units")
        let pg = try finding(report, "api/src/orders.test.ts", 1)
        #expect(pg.unit == "api" && pg.dependency == "postgres" && pg.covered && pg.coverage == .target)
        #expect(pg.reason.hasPrefix("covered: `api/test/integration/orders.integration.test.ts`"))
        #expect(pg.claims == [.module(ModuleClaim(target: "pg", members: ["Pool", "query"], line: 1))])
        let psycopg = try finding(report, "worker/tests/test_report.py", 5)
        #expect(psycopg.unit == "worker" && psycopg.dependency == "postgres" && !psycopg.covered)
        #expect(psycopg.reason.contains("`api/test/integration/orders.integration.test.ts` is in project unit `api`"))
        #expect(psycopg.claims == [.module(ModuleClaim(target: "app.report.psycopg2", createAllowed: true, line: 5))])
    }

    // MARK: Real-dependency tests are recognised

    @Test func springDataJpaTestCoversMockedRepositories() throws {
        let report = try scan("spring-slice")
        let mock = try finding(report, "src/test/java/org/example/owner/OwnerControllerTests.java", 11)
        #expect(mock.boundary == .database && mock.target == "OwnerRepository")
        #expect(mock.covered)
        #expect(mock.coveredBy == ["src/test/java/org/example/owner/ClinicServiceTests.java"])
        #expect(mock.claims == [.module(ModuleClaim(target: "OwnerRepository", members: ["findById"], line: 11))])
    }

    @Test func testcontainersInGoCoversGomockStores() throws {
        let report = try scan("testcontainers-go")
        let mock = try finding(report, "store/store_test.go", 11)
        #expect(mock.framework == "gomock" && mock.boundary == .database && mock.covered)
        #expect(mock.claims == [.module(ModuleClaim(target: "UserStore", members: ["Get", "Save"], line: 11))])
    }

    @Test func railsModelSpecsRunOnTheTestDatabase() throws {
        let report = try scan("rails-db")
        let query = try finding(report, "spec/services/signup_spec.rb", 5)
        #expect(query.boundary == .database && query.covered)
        #expect(query.coveredBy == ["spec/models/user_spec.rb"])
        let logic = try finding(report, "spec/services/signup_spec.rb", 6)
        #expect(logic.boundary == .other && !report.mismatchCandidates.contains(logic))
    }

    @Test func pytestEngineCoversSessionPatches() throws {
        let report = try scan("pytest-engine")
        let session = try finding(report, "tests/test_pre_start.py", 8)
        #expect(session.target == "app.pre_start.Session" && session.boundary == .database && session.dependency == "sql")
        #expect(session.covered && session.coveredBy == ["tests/conftest.py"])
        #expect(report.incidental.map(\.target) == ["logger.info"])
        let engine = try finding(report, "tests/test_pre_start.py", 7)
        #expect(engine.target == "engine" && engine.boundary == .database)
    }

    @Test func djangoTestCaseCoversModelPatches() throws {
        let report = try scan("django-testcase")
        let save = try finding(report, "shop/tests/test_views.py", 4)
        #expect(save.boundary == .database && save.covered)
        #expect(save.coveredBy == ["shop/tests/test_models.py"])
    }

    @Test func goIntegrationBuildTagCoversSQLMock() throws {
        let report = try scan("go-integration-tag")
        let mock = try finding(report, "internal/db/repo_test.go", 11)
        #expect(mock.covered && mock.coverage == .target)
        #expect(mock.coveredBy == ["internal/db/db_integration_test.go"])
        #expect(mock.claims == [.sql(SQLClaim(statement: "SELECT id, name FROM users WHERE id = $1", returnedColumns: ["id", "name"], line: 13))])
    }

    @Test func httptestAroundOwnHandlerIsNotAMock() throws {
        let report = try scan("httptest-own")
        #expect(report.findings.map(\.line) == [16])
    }

    @Test func realMessageQueueCoversHandWrittenFake() throws {
        let report = try scan("rabbitmq")
        let fake = try finding(report, "test/orders.test.js", 4)
        #expect(fake.framework == "hand-written fake" && fake.boundary == .api && fake.covered)
        #expect(fake.coveredBy == ["test/queue.integration.test.js"])
    }

    // MARK: Idioms

    @Test func missedIdiomsAreFound() throws {
        let report = try scan("idioms")
        let found = report.findings.map { "\($0.file):\($0.line) \($0.framework) \($0.target)" }
        #expect(
            found == [
                "go/service_test.go:10 mockery EmailSender",
                "go/service_test.go:12 mockery Cache",
                "java/RatesClientTest.java:7 MockRestServiceServer RestTemplate",
                "java/RatesClientTest.java:11 Pact Pact provider",
                "js/mailer.test.js:5 sinon mailer.send",
                "js/mailer.test.js:8 vitest fetch",
                "kotlin/ReportServiceTest.kt:9 MockK ReportRepository",
                "kotlin/ReportServiceTest.kt:10 MockWebServer okhttp",
                "kotlin/ReportServiceTest.kt:14 Ktor MockEngine ktor-client",
                "py/test_sync.py:11 pytest-httpx https://api.stripe.com/v1/charges",
                "py/test_sync.py:16 respx https://api.github.com/users/x",
                "py/test_sync.py:20 requests-mock https://api.weather.example.org/today",
                "py/test_sync.py:24 unittest.mock http_client",
                "ruby/github_spec.rb:3 hand-written fake FakeGitHub",
                "ruby/github_spec.rb:11 rspec-mocks Octokit::Client.new",
                "ruby/github_spec.rb:13 rspec-mocks Faraday::Connection#get",
                "swift/RatesTests.swift:7 Mocker https://api.rates.io/latest?base=EUR",
            ], "\(found)")
        #expect(report.findings.allSatisfy { $0.boundary != .other }, "\(report.findings.filter { $0.boundary == .other }.map(\.summaryLine))")
        let emailSender = try finding(report, "go/service_test.go", 10)
        #expect(emailSender.claims == [.module(ModuleClaim(target: "EmailSender", members: ["Send"], line: 10))])
        let stripe = try finding(report, "py/test_sync.py", 11)
        #expect(
            stripe.claims == [
                .http(HTTPClaim(method: "POST", url: "https://api.stripe.com/v1/charges", host: "api.stripe.com", path: "/v1/charges", status: 201, responseFields: ["id", "status"], line: 11))
            ])
        #expect(!report.findings.contains { $0.file.hasPrefix("test/vendor-copy/") })
    }

    // MARK: Boundaries from what the thing is

    @Test func boundaryTraps() throws {
        let report = try scan("boundary-traps")
        let byTarget = Dictionary(report.findings.map { ($0.target, $0.boundary) }, uniquingKeysWith: { first, _ in first })
        #expect(byTarget["CommitFile.filename"] == .other)
        #expect(byTarget["RequestRedirect.code"] == .other)
        #expect(byTarget["sqlmodel.Session.exec"] == .database)
        #expect(byTarget["UserMapper"] == .database)
        #expect(byTarget["PriceCalculator"] == .other)
        #expect(byTarget["OrderRepository.prototype.addOrder"] == .database)
        #expect(
            report.incidental.map { "\($0.target) \($0.incidental ?? "")" } == [
                "process.exit process", "logger.error logging", "config.get configuration", "Date.now clock",
            ])
        #expect(report.mismatchCandidates.allSatisfy { $0.incidental == nil && $0.boundary != .other })
    }

    // MARK: Claims

    @Test func claimsOfHTTPModuleAndPatchMocks() throws {
        let report = try scan("claims")
        let nock = try finding(report, "test/api.test.ts", 10)
        #expect(
            nock.claims == [
                .http(HTTPClaim(method: "POST", url: "https://mailer.example.org/send", host: "mailer.example.org", path: "/send", status: 202, responseFields: ["id", "queued"], requestFields: ["to", "subject"], line: 11)),
                .http(HTTPClaim(method: "GET", url: "https://mailer.example.org/status/m1", host: "mailer.example.org", path: "/status/m1", status: 200, responseFields: ["state"], line: 13)),
            ])
        #expect(nock.dependency == "http mailer.example.org")
        let factory = try finding(report, "test/api.test.ts", 4)
        #expect(factory.claims == [.module(ModuleClaim(target: "./db", members: ["query", "getUser"], line: 4))])
        let repo = try finding(report, "test/api.test.ts", 18)
        #expect(
            repo.claims == [
                .http(HTTPClaim(method: "GET", url: "https://api.github.com/repos/:owner/:repo", host: "api.github.com", path: "/repos/:owner/:repo", status: 200, responseFields: ["id", "owner", "owner.login", "topics"], line: 18))
            ])
        let issues = try finding(report, "test/api.test.ts", 19)
        guard case .http(let created) = issues.claims.first else {
            Issue.record("no HTTP claim: \(issues.claims)")
            return
        }
        #expect(created.status == 201)
        let patch = try finding(report, "tests/test_mailer.py", 5)
        #expect(patch.claims == [.module(ModuleClaim(target: "app.services.mailer.send", createAllowed: true, line: 5))])
        #expect(patch.boundary == .api && patch.dependency == "smtp")
        let sql = try finding(report, "store/user_test.go", 10)
        #expect(sql.claims == [.sql(SQLClaim(statement: "SELECT id, email FROM users WHERE id = $1", returnedColumns: ["id", "email"], line: 12))])
        let groups = report.groups
        #expect(groups.first?.external == true && (groups.first?.uncovered ?? 0) > 0)
        #expect(report.text.contains("**http api.github.com** (api, unit `.`): 2 mocks in 1 file, no real test"))
        #expect(report.text.contains("POST https://mailer.example.org/send → 202 {id, queued}"))
    }
}
