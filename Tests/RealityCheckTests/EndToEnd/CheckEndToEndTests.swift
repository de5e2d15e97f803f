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
            #expect(
                result.stdout.hasPrefix("# Mocks checked against reality\n\n3 mismatch(es) between mocks and reality"))
            // The inventory's sqlmock claims and the production SQL that runs through the mocked *sql.DB.
            for line in [
                "- internal/store/store.go:16 [sql-column] orders: table orders has no column state",
                "- internal/store/store_test.go:13 [sql-column] users: column name of users was renamed to full_name",
                "- internal/store/store_test.go:14 [sql-table] audit_log: table audit_log is dropped by the migrations",
            ] {
                #expect(result.stdout.contains(line), "\(line)")
            }
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

    @Test func mockedHTTPAgainstTheDescriptions() throws {
        try withTemporaryDirectory { home in
            let root = try RealityFixtures.root("http")
            let result = try check(
                [root, "--format", "json", "--spec", "payments.example.com=\(root)/specs/payments.json"], home: home)
            #expect(result.status == 1, "\(result)")
            let mismatches = try JSONValue.parse(result.stdout)["mismatches"]?.arrayValue ?? []
            let summary = mismatches.map {
                "\($0["line"]?.intValue ?? 0) \($0["kind"]?.stringValue ?? "") \($0["claim"]?.stringValue ?? "")"
            }
            #expect(
                summary == [
                    "6 http-response-field email", "6 http-response-field mail", "6 fixture-field email, name",
                    "8 http-method DELETE", "13 http-path /api/refunds",
                ])
        }
    }

    @Test func specsFromSettings() throws {
        try withTemporaryDirectory { home in
            let root = try RealityFixtures.root("http")
            try writeFile(
                home + "/.oss/settings.json",
                #"{"integration": {"specs": {"payments.example.com": "specs/payments.json"}}}"#)
            let result = try check([root, "--boundary", "api"], home: home)
            #expect(result.stdout.contains("13 [http-path] GET payments.example.com/api/refunds"), "\(result)")
        }
    }

    @Test func mockedModulesThroughTheInventory() throws {
        try withTemporaryDirectory { home in
            let js = try check([try RealityFixtures.root("modules-js")], home: home)
            #expect(js.status == 1, "\(js)")
            #expect(
                js.stdout.contains(
                    "src/__tests__/users.test.ts:2 [module-export] ../db: src/db.ts does not export findUser"))
            #expect(js.stdout.contains("src/__tests__/users.test.ts:4 [module-export] @lib/mailer"))
            let python = try check([try RealityFixtures.root("modules-python")], home: home)
            #expect(python.status == 1, "\(python)")
            #expect(python.stdout.contains("tests/test_mailer.py:9 [patch-target] app.services.mailer.send_mail"))
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
            #expect(
                unreadable.stderr
                    == "oss-integration: error: --spec api.example.com=/nonexistent.yaml: cannot read the file\n")
            let badURL = try check([home, "--database-url", "mysql://x"], home: home)
            #expect(badURL.status == 64)
        }
    }

    @Test(
        .enabled(
            if: PostgresCheckTests.available,
            "no PostgreSQL server can run here (set OSS_TEST_DATABASE_URL or install postgresql)"))
    func postgreSQLJudgesWhenAvailable() throws {
        try withTemporaryDirectory { home in
            var arguments = [try RealityFixtures.root("sql-go"), "--format", "json", "--engine", "postgresql"]
            if let url = Environment.current().nonEmpty("OSS_TEST_DATABASE_URL") {
                arguments += ["--database-url", url]
            }
            let result = try check(
                arguments, home: home, extra: ["PATH": Environment.current()["PATH"] ?? "/usr/bin:/bin"])
            #expect(result.status == 1, "\(result)")
            let json = try JSONValue.parse(result.stdout)
            #expect(json["mismatches"]?.arrayValue?.first?["engine"]?.stringValue?.hasPrefix("postgresql ") == true)
        }
    }
}
