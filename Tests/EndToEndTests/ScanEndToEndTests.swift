import Foundation
import MockInventory
import Shared
import TestSupport
import Testing

/// `oss-integration scan` run as the built binary on `Examples/sample-app` and on temp repositories.
struct ScanEndToEndTests {
    private let sampleApp: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)  // Tests/EndToEndTests/<file>
        return components.joined(separator: "/") + "/Examples/sample-app"
    }()

    private func scan(_ arguments: [String], home: String, extra: [String: String] = [:], cwd: String? = nil) throws
        -> ToolResult
    {
        try ToolRunner.run(
            "oss-integration", ["scan"] + arguments, environment: ToolRunner.environment(home: home, extra: extra),
            cwd: cwd)
    }

    @Test func textReportOnTheSampleApp() throws {
        try withTemporaryDirectory { home in
            let result = try scan([sampleApp], home: home)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
            #expect(
                result.stdout == """
                    ## Mock inventory

                    Scanned 5 test and compose files (12 files visited) under `\(sampleApp)`.

                    | Boundary | Mocks | Covered | Uncovered |
                    |---|---:|---:|---:|
                    | database | 3 | 3 | 0 |
                    | api | 2 | 0 | 2 |
                    | filesystem | 2 | 0 | 2 |
                    | other | 0 | 0 | 0 |
                    | **total** | 7 | 3 | 4 |

                    ### Mismatch candidates (4)

                    Mocked, with no real-dependency test of the same target or boundary:

                    - `api/src/__tests__/catalog.test.ts:5` jest: `fs.readFile` (filesystem)
                    - `api/src/orders.test.ts:8` jest: `axios` (api)
                    - `worker/tests/test_report.py:6` unittest.mock: `app.report.boto3.client` (api)
                    - `worker/tests/test_report.py:8` pytest-mock: `app.report.open` (filesystem)

                    ### Covered mocks (3)

                    - `api/src/orders.test.ts:4` jest: `pg` (database); covered (same target) by \
                    `api/test/integration/orders.integration.test.ts`, `docker-compose.yml#db`
                    - `api/src/orders.test.ts:7` jest: `ioredis` (database); covered (same target) by \
                    `docker-compose.yml#cache`
                    - `worker/tests/test_report.py:10` pytest monkeypatch: `report.psycopg2` (database); covered \
                    (same target) by `api/test/integration/orders.integration.test.ts`, `docker-compose.yml#db`

                    ### Real-dependency evidence (3)

                    - `api/test/integration/orders.integration.test.ts`: integration-test, connection-string; \
                    database (pg, postgres)
                    - `docker-compose.yml#cache` (line 12): docker-compose-service; database (redis)
                    - `docker-compose.yml#db` (line 7): docker-compose-service; database (postgres)

                    """)
        }
    }

    @Test func jsonReportOnTheSampleApp() throws {
        try withTemporaryDirectory { home in
            let result = try scan(["--format", "json", sampleApp], home: home)
            #expect(result.status == 0, "\(result)")
            let json = try JSONValue.parse(result.stdout)
            #expect(json["root"]?.stringValue == sampleApp)
            #expect(json["totals"] == .object(JSONObject([("mocks", 7), ("covered", 3), ("uncovered", 4)])))
            let findings = try #require(json["findings"]?.arrayValue)
            #expect(findings.count == 7)
            let uncovered = findings.filter { $0["covered"]?.boolValue == false }.map {
                "\($0["file"]?.stringValue ?? ""):\($0["line"]?.intValue ?? 0) \($0["boundary"]?.stringValue ?? "")"
            }
            #expect(
                uncovered == [
                    "api/src/__tests__/catalog.test.ts:5 filesystem", "api/src/orders.test.ts:8 api",
                    "worker/tests/test_report.py:6 api", "worker/tests/test_report.py:8 filesystem",
                ])
            #expect(
                findings.first.map { $0.objectValue?.keys ?? [] } == [
                    "file", "line", "framework", "target", "boundary", "covered", "coverage", "coveredBy",
                ])
        }
    }

    @Test(arguments: [["--boundary", "database"], ["-b", "database"]])
    func boundaryFilter(flag: [String]) throws {
        try withTemporaryDirectory { home in
            let result = try scan(flag + ["--format", "json", sampleApp], home: home)
            #expect(result.status == 0, "\(result)")
            let json = try JSONValue.parse(result.stdout)
            #expect(json["boundary"]?.stringValue == "database")
            let boundaries = try #require(json["findings"]?.arrayValue).compactMap { $0["boundary"]?.stringValue }
            #expect(boundaries == ["database", "database", "database"])
            #expect(json["summary"]?.arrayValue?.count == 1)
        }
    }

    @Test func apiFilterInTextListsOnlyApiGaps() throws {
        try withTemporaryDirectory { home in
            let result = try scan(["-b", "api", sampleApp], home: home)
            #expect(result.status == 0)
            #expect(result.stdout.contains("Boundary filter: api."))
            #expect(result.stdout.contains("| api | 2 | 0 | 2 |\n| **total** | 2 | 0 | 2 |"))
            #expect(!result.stdout.contains("(filesystem)"))
        }
    }

    @Test func missingDirectoryExits66() throws {
        try withTemporaryDirectory { home in
            let result = try scan([home + "/does-not-exist"], home: home)
            #expect(result.status == 66)
            #expect(result.stdout == "")
            #expect(result.stderr == "oss-integration: error: no such directory: \(home)/does-not-exist\n")
        }
    }

    @Test func directoryDefaultsToClaudeProjectDirThenCwd() throws {
        try withTemporaryDirectory { home in
            try writeFile(home + "/project/a.test.ts", "jest.mock('axios');\n")
            try writeFile(home + "/cwd/b.test.ts", "jest.mock('pg');\n")
            let fromEnvironment = try scan(
                ["--format", "json"], home: home, extra: ["CLAUDE_PROJECT_DIR": home + "/project"], cwd: home + "/cwd")
            #expect(fromEnvironment.status == 0)
            let environmentJSON = try JSONValue.parse(fromEnvironment.stdout)
            #expect(environmentJSON["findings"]?.arrayValue?.first?["target"]?.stringValue == "axios")
            let fromCwd = try scan(["--format", "json"], home: home, cwd: home + "/cwd")
            #expect(fromCwd.status == 0)
            let cwdJSON = try JSONValue.parse(fromCwd.stdout)
            #expect(cwdJSON["findings"]?.arrayValue?.first?["target"]?.stringValue == "pg")
        }
    }

    @Test(arguments: [
        ["--boundary", "network"], ["--format", "yaml"], ["--time-budget", "0"], ["--max-file-size", "-1"],
        ["--no-such-flag"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        try withTemporaryDirectory { home in
            let result = try scan(arguments + [home], home: home)
            #expect(result.status == 64, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.contains("Usage: oss-integration scan"))
        }
    }

    @Test func oversizeAndUnreadableFilesAreListedButDoNotFail() throws {
        try withTemporaryDirectory { home in
            try writeFile(home + "/repo/big.test.ts", "jest.mock('axios');\n" + String(repeating: "x", count: 4096))
            #expect(symlink(home + "/nowhere", home + "/repo/gone.test.ts") == 0)
            let result = try scan(["--max-file-size", "1000", home + "/repo"], home: home)
            #expect(result.status == 0)
            #expect(result.stdout.contains("### Unreadable (1)\n\n- `gone.test.ts`: No such file or directory\n"))
            #expect(result.stdout.contains("### Skipped, over the file-size limit (1)\n\n- `big.test.ts`\n"))
        }
    }

    @Test func helpExitsZero() throws {
        try withTemporaryDirectory { home in
            let result = try scan(["--help"], home: home)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE: oss-integration scan"))
            #expect(result.stdout.contains("[<DIR>]") || result.stdout.contains("[<dir>]"))
        }
    }
}
