import MockInventory
import Shared
import TestSupport
import Testing

/// Real-dependency evidence and the coverage rule, on repositories written per test.
struct RealDependencyDetectorTests {
    @Test func composeServicesAreEvidenceByImageAndName() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/docker-compose.test.yml",
                """
                version: "3.9"
                services:
                  app:
                    build: .
                  mysql:
                    image: mysql:8
                  stub-api:
                    image: "wiremock/wiremock:3.3.1"
                  files:
                    image: minio/minio
                volumes:
                  data: {}
                """)
            let report = try MockScanner.scan(root: root)
            // A WireMock container stands in for a dependency: it is not one.
            #expect(
                report.evidence.map(\.source) == ["docker-compose.test.yml#files", "docker-compose.test.yml#mysql"])
            #expect(report.evidence.map(\.line) == [9, 5])
            #expect(report.evidence.map(\.boundaries) == [[.api], [.database]])
            #expect(report.evidence.map(\.dependencies) == [["s3"], ["mysql"]])
            #expect(report.evidence.map(\.kinds) == [[.composeService], [.composeService]])
            #expect(report.evidence.allSatisfy { $0.supporting && !$0.running })
        }
    }

    @Test func composeServiceAloneCoversNothing() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/compose.yaml", "services:\n  cache:\n    image: redis:7\n")
            try writeFile(root + "/src/cache.test.ts", "jest.mock('ioredis');\njest.mock('pg');\n")
            let report = try MockScanner.scan(root: root)
            #expect(report.findings.map(\.coverage) == [nil, nil])
            #expect(
                report.findings.first?.reason.contains(
                    "`compose.yaml#cache` is a compose service no test starts or reaches") == true)
        }
    }

    @Test func composeServiceSupportsTheTestThatReachesIt() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/compose.yaml", "services:\n  api:\n    build: .\n  cache:\n    image: redis:7\n")
            try writeFile(root + "/src/cache.test.ts", "jest.mock('ioredis');\njest.mock('pg');\n")
            try writeFile(
                root + "/test/e2e/cart.e2e.test.ts",
                "const base = 'http://api:3000';\ntest('adds', async () => { await fetch(base + '/cart'); });\n")
            let report = try MockScanner.scan(root: root)
            // The e2e test drives the `api` service; the stack it depends on (redis) is real. Postgres is not in it.
            #expect(report.findings.map(\.coverage) == [.target, nil])
            #expect(report.findings.first?.coveredBy == ["test/e2e/cart.e2e.test.ts"])
            #expect(report.findings.first?.reason.contains("with `compose.yaml#cache`") == true)
        }
    }

    @Test func connectionStringConfiguringAMockIsNotEvidence() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/tests/test_repo.py",
                "from unittest.mock import patch\nDSN = 'postgres://x@localhost/db'\n@patch('app.repo.psycopg2.connect')\ndef test_a(c): pass\n"
            )
            try writeFile(root + "/tests/test_real.py", "DSN = 'mongodb://localhost:27017/app'\ndef test_b(): pass\n")
            let report = try MockScanner.scan(root: root)
            #expect(report.evidence.map(\.source) == ["tests/test_real.py"])
            #expect(report.evidence.first?.kinds == [.connectionString])
            #expect(report.evidence.first?.dependencies == ["mongodb"])
            // Postgres and MongoDB are both databases, but not interchangeable.
            let finding = try #require(report.findings.first)
            #expect(finding.dependency == "postgres")
            #expect(finding.coverage == nil)
            #expect(finding.coveredBy == [])
        }
    }

    @Test func evidenceNeverCoversMocksInItsOwnFile() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/test/integration/orders.test.ts",
                "import { Pool } from 'pg';\njest.mock('axios');\nconst pool = new Pool();\n")
            try writeFile(root + "/src/orders.test.ts", "jest.mock('pg');\n")
            let report = try MockScanner.scan(root: root)
            #expect(
                report.findings.map(ExpectedFinding.init) == [
                    ExpectedFinding("src/orders.test.ts", 1, .database, "jest", "pg", covered: true),
                    ExpectedFinding("test/integration/orders.test.ts", 2, .api, "jest", "axios", covered: false),
                ])
        }
    }

    @Test func testcontainersAndRecordingsAreEvidence() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/tests/test_store.py",
                "from testcontainers.postgres import PostgresContainer\n\ndef test_store():\n    with PostgresContainer('postgres:16') as pg:\n        pass\n"
            )
            try writeFile(
                root + "/spec/client_spec.rb",
                "RSpec.describe Client do\n  it 'fetches' do\n    VCR.use_cassette('client_fetch') { Client.new.fetch }\n  end\nend\n"
            )
            try writeFile(root + "/spec/fixtures/__recordings__/github_1/recording.har", "{}")
            try writeFile(root + "/spec/other_spec.rb", "stub_request(:get, 'https://api.github.com/x')\n")
            let report = try MockScanner.scan(root: root)
            #expect(
                report.evidence.map(\.source) == [
                    "spec/client_spec.rb", "spec/fixtures/__recordings__/", "tests/test_store.py",
                ])
            #expect(report.evidence.map(\.kinds) == [[.recordedFixture], [.recordedFixture], [.testcontainers]])
            #expect(report.evidence.map(\.boundaries) == [[.api], [.api], [.database]])
            #expect(report.evidence.map(\.dependencies) == [[], [], ["postgres"]])
            // Recordings are replays of the real API, not the real API: listed, never coverage.
            #expect(report.findings.first?.coveredBy == [])
        }
    }

    @Test func internalCollaboratorsAreNeitherCoveredNorCandidates() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/tests/integration/test_clock.py", "import freezer\ndef test_a(): freezer.tick()\n")
            try writeFile(
                root + "/tests/test_a.py",
                "from unittest.mock import patch\n@patch('app.freezer')\n@patch('app.rng')\ndef test(): pass\n")
            let report = try MockScanner.scan(root: root)
            #expect(report.findings.map(\.target) == ["app.freezer", "app.rng"])
            #expect(report.findings.map(\.boundary) == [.other, .other])
            #expect(report.findings.map(\.coverage) == [nil, nil])
            #expect(report.mismatchCandidates.isEmpty)
        }
    }
}
