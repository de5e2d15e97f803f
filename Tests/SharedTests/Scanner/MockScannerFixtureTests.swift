import MockInventory
import Shared
import Testing

/// Every finding of every per-language fixture repository, exactly (file, line, boundary, framework, target,
/// covered), which also proves the absence of false positives in production, comments, strings and vendored code.
struct MockScannerFixtureTests {
    @Test func typescriptFixture() throws {
        let report = try ScannerFixture.scan("typescript")
        #expect(
            report.findings.map(ExpectedFinding.init) == [
                ExpectedFinding("__mocks__/fs.js", 1, .filesystem, "jest manual mock", "fs", covered: false),
                ExpectedFinding("src/files.spec.ts", 3, .filesystem, "vitest", "node:fs/promises", covered: false),
                ExpectedFinding("src/files.spec.ts", 6, .filesystem, "vitest", "fs.readFileSync", covered: false),
                ExpectedFinding("src/users.test.ts", 6, .api, "jest", "axios", covered: false),
                ExpectedFinding("src/users.test.ts", 7, .database, "jest", "./db", covered: true),
                ExpectedFinding("src/users.test.ts", 11, .database, "jest", "pool.query", covered: true),
                ExpectedFinding("test/api/payments.test.js", 7, .api, "nock", "https://api.stripe.com", covered: false),
                ExpectedFinding("test/api/payments.test.js", 8, .api, "sinon", "stripe.charge", covered: false),
                ExpectedFinding(
                    "test/handlers.test.ts", 5, .api, "msw", "https://api.github.com/users/:id", covered: false),
            ])
        let byTarget = try #require(report.findings.first { $0.target == "pool.query" })
        #expect(byTarget.coverage == .target)
        #expect(byTarget.coveredBy == ["test/integration/db.integration.test.ts"])
        let byBoundary = try #require(report.findings.first { $0.target == "./db" })
        #expect(byBoundary.coverage == .boundary)
        #expect(report.evidence.map(\.source) == ["test/integration/db.integration.test.ts"])
        #expect(report.evidence.first?.kinds == [.integrationTest, .connectionString])
        #expect(report.evidence.first?.boundaries == [.database])
        #expect(report.unreadable.isEmpty && report.skippedOversize.isEmpty && !report.budgetExhausted)
        // node_modules/ and dist/ hold test files with mocks; they are never visited.
        #expect(report.filesVisited == 9)
    }

    @Test func pythonFixture() throws {
        let report = try ScannerFixture.scan("python")
        #expect(
            report.findings.map(ExpectedFinding.init) == [
                ExpectedFinding("tests/test_storage.py", 7, .filesystem, "unittest.mock", "os.remove", covered: false),
                ExpectedFinding("tests/test_storage.py", 12, .other, "unittest.mock", "os.environ", covered: false),
                ExpectedFinding(
                    "tests/test_weather.py", 9, .api, "unittest.mock", "app.weather.requests.get", covered: true),
                ExpectedFinding(
                    "tests/test_weather.py", 18, .api, "responses", "https://api.weather.example/v1/forecast",
                    covered: true),
                ExpectedFinding(
                    "tests/test_weather.py", 23, .filesystem, "pytest monkeypatch", "builtins.open", covered: false),
                ExpectedFinding(
                    "tests/test_weather.py", 28, .database, "unittest.mock", "weather.ForecastRepository", covered: true
                ),
                ExpectedFinding(
                    "tests/test_weather.py", 29, .database, "pytest-mock", "weather.psycopg2", covered: true),
            ])
        #expect(report.findings.first { $0.target == "weather.psycopg2" }?.coverage == .target)
        #expect(report.findings.first { $0.target == "app.weather.requests.get" }?.coveredBy == ["tests/cassettes/"])
        #expect(report.evidence.map(\.source) == ["tests/cassettes/", "tests/integration/test_weather_db.py"])
        #expect(report.evidence.map(\.kinds) == [[.recordedFixture], [.integrationTest, .connectionString]])
    }

    @Test func goFixture() throws {
        let report = try ScannerFixture.scan("go")
        #expect(
            report.findings.map(ExpectedFinding.init) == [
                ExpectedFinding(
                    "internal/store/store_test.go", 15, .database, "testify/mock", "MockCache", covered: true),
                ExpectedFinding(
                    "internal/store/store_test.go", 24, .database, "sqlmock", "database/sql", covered: true),
                ExpectedFinding(
                    "internal/store/store_test.go", 32, .database, "gomock", "UserRepository", covered: true),
                ExpectedFinding(
                    "internal/weather/client_test.go", 11, .api, "httptest", "httptest.Server", covered: false),
                ExpectedFinding(
                    "internal/weather/client_test.go", 16, .filesystem, "testing/fstest", "io/fs", covered: false),
            ])
        #expect(report.findings.first { $0.target == "UserRepository" }?.coverage == .target)
        #expect(report.evidence.map(\.source) == ["internal/store/store_integration_test.go"])
        #expect(report.evidence.first?.kinds == [.integrationTest, .testcontainers])
        #expect(report.evidence.first?.boundaries == [.database])
    }

    @Test func javaAndKotlinFixture() throws {
        let report = try ScannerFixture.scan("jvm")
        let java = "src/test/java/com/example/"
        let kotlin = "src/test/kotlin/com/example/"
        #expect(
            report.findings.map(ExpectedFinding.init) == [
                ExpectedFinding(
                    java + "GitHubClientTest.java", 12, .api, "WireMock", "/repos/octo/hello", covered: false),
                ExpectedFinding(
                    java + "UserServiceTest.java", 14, .database, "Mockito", "UserRepository", covered: true),
                ExpectedFinding(java + "UserServiceTest.java", 17, .api, "Mockito", "RestTemplate", covered: false),
                ExpectedFinding(java + "UserServiceTest.java", 21, .database, "Mockito", "JdbcTemplate", covered: true),
                ExpectedFinding(
                    kotlin + "ReportServiceTest.kt", 10, .filesystem, "MockK", "ReportStorage", covered: false),
                ExpectedFinding(kotlin + "ReportServiceTest.kt", 13, .api, "MockK", "HttpClient", covered: false),
                ExpectedFinding(kotlin + "ReportServiceTest.kt", 17, .filesystem, "MockK", "Files", covered: false),
            ])
        #expect(report.evidence.map(\.source) == [java + "UserRepositoryIT.java"])
        #expect(report.evidence.first?.kinds == [.integrationTest, .testcontainers])
        #expect(report.evidence.first?.boundaries == [.database])
        #expect(report.findings.first { $0.target == "UserRepository" }?.coverage == .target)
        #expect(report.findings.first { $0.target == "JdbcTemplate" }?.coverage == .boundary)
    }

    @Test func rubyFixture() throws {
        let report = try ScannerFixture.scan("ruby")
        let spec = "spec/services/geocoder_spec.rb"
        #expect(
            report.findings.map(ExpectedFinding.init) == [
                ExpectedFinding(spec, 4, .database, "rspec-mocks", "LocationRepository", covered: true),
                ExpectedFinding(spec, 5, .other, "rspec-mocks", "Logger", covered: false),
                ExpectedFinding(spec, 8, .api, "webmock", "https://maps.example.com/geocode", covered: false),
                ExpectedFinding(spec, 9, .filesystem, "rspec-mocks", "File.read", covered: false),
                ExpectedFinding(spec, 10, .api, "rspec-mocks", "Net::HTTP.get_response", covered: false),
                ExpectedFinding(spec, 14, .database, "rspec-mocks", "repository.save", covered: true),
            ])
        #expect(report.evidence.map(\.source) == ["spec/integration/geocoder_db_spec.rb"])
        #expect(report.evidence.first?.kinds == [.integrationTest, .connectionString])
    }

    @Test func swiftFixture() throws {
        let report = try ScannerFixture.scan("swift")
        let tests = "Tests/AppTests/UserServiceTests.swift"
        #expect(
            report.findings.map(ExpectedFinding.init) == [
                ExpectedFinding(tests, 5, .database, "protocol fake", "UserStore", covered: true),
                ExpectedFinding(tests, 10, .other, "protocol fake", "Clock", covered: false),
                ExpectedFinding(tests, 14, .api, "URLProtocol stub", "URLSession", covered: false),
                ExpectedFinding(tests, 18, .filesystem, "protocol fake", "FileStoring", covered: false),
            ])
        #expect(report.evidence.map(\.source) == ["Tests/AppIntegrationTests/UserStoreIntegrationTests.swift"])
        #expect(report.findings.first?.coverage == .target)
    }

    @Test func sampleApp() throws {
        let report = try MockScanner.scan(root: sampleAppPath())
        #expect(
            report.findings.map(ExpectedFinding.init) == [
                ExpectedFinding(
                    "api/src/__tests__/catalog.test.ts", 5, .filesystem, "jest", "fs.readFile", covered: false),
                ExpectedFinding("api/src/orders.test.ts", 4, .database, "jest", "pg", covered: true),
                ExpectedFinding("api/src/orders.test.ts", 7, .database, "jest", "ioredis", covered: true),
                ExpectedFinding("api/src/orders.test.ts", 8, .api, "jest", "axios", covered: false),
                ExpectedFinding(
                    "worker/tests/test_report.py", 6, .api, "unittest.mock", "app.report.boto3.client", covered: false),
                ExpectedFinding(
                    "worker/tests/test_report.py", 8, .filesystem, "pytest-mock", "app.report.open", covered: false),
                ExpectedFinding(
                    "worker/tests/test_report.py", 10, .database, "pytest monkeypatch", "report.psycopg2", covered: true
                ),
            ])
        #expect(report.findings.first { $0.target == "ioredis" }?.coveredBy == ["docker-compose.yml#cache"])
        #expect(
            report.evidence.map(\.source) == [
                "api/test/integration/orders.integration.test.ts", "docker-compose.yml#cache", "docker-compose.yml#db",
            ])
        #expect(report.evidence.map(\.line) == [nil, 12, 7])
    }

    @Test func scanIsDeterministic() throws {
        let first = try ScannerFixture.scan("typescript")
        let second = try ScannerFixture.scan("typescript")
        #expect(first == second)
        #expect(first.text == second.text)
        #expect(first.json.pretty == second.json.pretty)
    }
}

/// The repository's `Examples/sample-app`, found from this source file's location.
func sampleAppPath(filePath: String = #filePath) -> String {
    var components = filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(4)  // Tests/SharedTests/Scanner/<file>
    return components.joined(separator: "/") + "/Examples/sample-app"
}
