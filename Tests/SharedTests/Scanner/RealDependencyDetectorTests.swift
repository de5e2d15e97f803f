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
            #expect(
                report.evidence.map(\.source) == [
                    "docker-compose.test.yml#files", "docker-compose.test.yml#mysql",
                    "docker-compose.test.yml#stub-api",
                ])
            #expect(report.evidence.map(\.line) == [9, 5, 7])
            #expect(report.evidence.map(\.boundaries) == [[.filesystem], [.database], [.api]])
            #expect(report.evidence.map(\.kinds) == [[.composeService], [.composeService], [.composeService]])
        }
    }

    @Test func composeServiceCoversItsClientLibrariesByTarget() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/compose.yaml", "services:\n  cache:\n    image: redis:7\n")
            try writeFile(root + "/src/cache.test.ts", "jest.mock('ioredis');\njest.mock('pg');\n")
            let report = try MockScanner.scan(root: root)
            #expect(report.findings.map(\.coverage) == [.target, .boundary])
            #expect(report.findings.map(\.coveredBy) == [["compose.yaml#cache"], ["compose.yaml#cache"]])
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
            #expect(report.evidence.first?.targets == ["mongo", "mongodb"])
            let finding = try #require(report.findings.first)
            #expect(finding.coverage == .boundary)
            #expect(finding.coveredBy == ["tests/test_real.py"])
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
            #expect(report.findings.first?.coveredBy == ["spec/client_spec.rb", "spec/fixtures/__recordings__/"])
        }
    }

    @Test func otherBoundaryIsCoveredOnlyBySameTarget() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/tests/integration/test_clock.py", "import freezer\ndef test_a(): freezer.tick()\n")
            try writeFile(
                root + "/tests/test_a.py",
                "from unittest.mock import patch\n@patch('app.freezer')\n@patch('app.rng')\ndef test(): pass\n")
            let report = try MockScanner.scan(root: root)
            #expect(report.findings.map(\.target) == ["app.freezer", "app.rng"])
            #expect(report.findings.map(\.boundary) == [.other, .other])
            #expect(report.findings.map(\.coverage) == [.target, nil])
        }
    }
}
