import Foundation
import RealityCheck
import Shared
import TestSupport
import Testing

/// `oss-integration check` run as the built binary on the fixture repositories, in a temporary HOME.
struct CheckEndToEndTests {
    private func check(_ arguments: [String], home: String, extra: [String: String] = [:]) throws -> ToolResult {
        try ToolRunner.run(
            "oss-integration", ["check"] + arguments, environment: ToolRunner.environment(home: home, extra: extra),
            timeout: 120)
    }

    @Test func productionSQLDriftExitsOne() throws {
        try withTemporaryDirectory { home in
            let result = try check([try RealityFixtures.root("sql-go"), "--engine", "sqlite"], home: home)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr == "")
            #expect(result.stdout.hasPrefix("# Mocks checked against reality\n\n1 mismatch(es) between mocks and reality"))
            #expect(
                result.stdout.contains(
                    "- internal/store/store.go:16 [sql-column] orders: table orders has no column state"))
        }
    }

    @Test func jsonShape() throws {
        try withTemporaryDirectory { home in
            let result = try check([try RealityFixtures.root("modules-go"), "--format", "json"], home: home)
            #expect(result.status == 1, "\(result)")
            let json = try JSONValue.parse(result.stdout)
            #expect(json.objectValue?.keys == ["mismatches", "notChecked", "sources", "checkedClaims"])
            let mismatch = try #require(json["mismatches"]?.arrayValue?.first?.objectValue)
            #expect(mismatch.keys == ["file", "line", "kind", "dependency", "claim", "reality", "reason", "engine"])
            #expect(mismatch["kind"]?.stringValue == "stale-mock")
            #expect(mismatch["reality"]?.stringValue == "internal/store/store.go:6")
            #expect(mismatch["engine"]?.stringValue == "go-interfaces")
        }
    }

    @Test func cleanRepositoryExitsZero() throws {
        try withTemporaryDirectory { home in
            let repository = home + "/repo"
            try writeFile(repository + "/README.md", "nothing mocked here\n")
            let result = try check([repository], home: home)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("No mismatch: 0 mocked interaction(s) agree"))
        }
    }

    @Test func boundaryFilterLeavesOtherChecksOut() throws {
        try withTemporaryDirectory { home in
            let result = try check([try RealityFixtures.root("sql-go"), "--boundary", "api"], home: home)
            #expect(result.status == 0, "\(result)")
        }
    }

    @Test func usageAndInputErrors() throws {
        try withTemporaryDirectory { home in
            let missing = try check([home + "/nope"], home: home)
            #expect(missing.status == 66)
            #expect(missing.stderr == "oss-integration: error: no such directory: \(home)/nope\n")
            let badSpec = try check([home, "--spec", "no-equals-sign"], home: home)
            #expect(badSpec.status == 64)
            #expect(badSpec.stderr.contains("--spec expects HOST=FILE"))
            let unreadable = try check([home, "--spec", "api.example.com=/nonexistent.yaml"], home: home)
            #expect(unreadable.status == 66)
            #expect(unreadable.stderr == "oss-integration: error: --spec api.example.com=/nonexistent.yaml: cannot read the file\n")
            let badURL = try check([home, "--database-url", "mysql://x"], home: home)
            #expect(badURL.status == 64)
        }
    }

    @Test(.enabled(if: PostgresCheckTests.available, "no PostgreSQL server can run here (set OSS_TEST_DATABASE_URL or install postgresql)"))
    func postgreSQLJudgesWhenAvailable() throws {
        try withTemporaryDirectory { home in
            var arguments = [try RealityFixtures.root("sql-go"), "--format", "json", "--engine", "postgresql"]
            if let url = Environment.current().nonEmpty("OSS_TEST_DATABASE_URL") { arguments += ["--database-url", url] }
            let result = try check(arguments, home: home, extra: ["PATH": Environment.current()["PATH"] ?? "/usr/bin:/bin"])
            #expect(result.status == 1, "\(result)")
            let json = try JSONValue.parse(result.stdout)
            #expect(json["mismatches"]?.arrayValue?.first?["engine"]?.stringValue?.hasPrefix("postgresql ") == true)
        }
    }
}
