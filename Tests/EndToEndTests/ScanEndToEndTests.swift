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

                    Scanned 5 test and compose files (13 files visited) under `\(sampleApp)`.

                    | Boundary | Mocks | Covered | Uncovered |
                    |---|---:|---:|---:|
                    | database | 4 | 1 | 3 |
                    | api | 2 | 0 | 2 |
                    | filesystem | 2 | 0 | 2 |
                    | other | 0 | 0 | 0 |
                    | **total** | 8 | 1 | 7 |

                    ### Mismatch candidates (7)

                    External dependencies mocked with no running real-dependency test in the same project unit,
                    most mocks first. Check each claim against the real dependency:

                    1. **filesystem** (filesystem, unit `api`): 1 mock in 1 file, no real test
                       - `api/src/__tests__/catalog.test.ts:5` jest: `fs.readFile` (filesystem) — stubs readFile
                    2. **http** (api, unit `api`): 1 mock in 1 file, no real test
                       - `api/src/orders.test.ts:8` jest: `axios` (api)
                    3. **redis** (database, unit `api`): 1 mock in 1 file, no real test
                       - `api/src/orders.test.ts:7` jest: `ioredis` (database)
                       - uncovered: no running test in project unit `api` exercises the real redis (not evidence: `docker-compose.yml#cache` is a compose service no test starts or reaches)
                    4. **aws** (api, unit `worker`): 1 mock in 1 file, no real test
                       - `worker/tests/test_report.py:6` unittest.mock: `app.report.boto3.client` (api)
                    5. **database** (database, unit `worker`): 1 mock in 1 file, no real test
                       - `worker/tests/test_report.py:9` unittest.mock: `connection` (database)
                       - uncovered: no running test in project unit `worker` exercises the real database (not evidence: `api/test/integration/orders.integration.test.ts` is in project unit `api`; `docker-compose.yml#cache` is a compose service no test starts or reaches; `docker-compose.yml#db` is a compose service no test starts or reaches)
                    6. **filesystem** (filesystem, unit `worker`): 1 mock in 1 file, no real test
                       - `worker/tests/test_report.py:8` pytest-mock: `app.report.open` (filesystem)
                    7. **postgres** (database, unit `worker`): 1 mock in 1 file, no real test
                       - `worker/tests/test_report.py:10` pytest monkeypatch: `report.psycopg2` (database)
                       - uncovered: no running test in project unit `worker` exercises the real postgres (not evidence: `api/test/integration/orders.integration.test.ts` is in project unit `api`; `docker-compose.yml#db` is a compose service no test starts or reaches)

                    ### Covered mocks (1)

                    - **postgres** (database, unit `api`): 1 mock in 1 file, all covered — `api/test/integration/orders.integration.test.ts` runs against the real postgres (integration test (folder, name or build tag); connects with a postgres:// connection string; new pg Pool/Client) in project unit `api`

                    ### Real-dependency evidence (3)

                    - `api/test/integration/orders.integration.test.ts`: integration-test, connection-string, real-client; postgres; unit `api`
                    - `docker-compose.yml#cache` (line 12): docker-compose-service; redis; no test starts or reaches it
                    - `docker-compose.yml#db` (line 7): docker-compose-service; postgres; no test starts or reaches it

                    1 mock disagrees with the repository's schema, API descriptions or code: run `oss-integration check` for details.

                    """)
        }
    }

    @Test func jsonReportOnTheSampleApp() throws {
        try withTemporaryDirectory { home in
            let result = try scan(["--format", "json", sampleApp], home: home)
            #expect(result.status == 0, "\(result)")
            let json = try JSONValue.parse(result.stdout)
            #expect(json["root"]?.stringValue == sampleApp)
            #expect(json["totals"] == .object(JSONObject([("mocks", 8), ("covered", 1), ("uncovered", 7)])))
            let findings = try #require(json["findings"]?.arrayValue)
            #expect(findings.count == 8)
            let uncovered = findings.filter { $0["covered"]?.boolValue == false }.map {
                "\($0["file"]?.stringValue ?? ""):\($0["line"]?.intValue ?? 0) \($0["boundary"]?.stringValue ?? "")"
            }
            #expect(
                uncovered == [
                    "api/src/__tests__/catalog.test.ts:5 filesystem", "api/src/orders.test.ts:7 database",
                    "api/src/orders.test.ts:8 api", "worker/tests/test_report.py:6 api",
                    "worker/tests/test_report.py:8 filesystem", "worker/tests/test_report.py:9 database",
                    "worker/tests/test_report.py:10 database",
                ])
            #expect(
                findings.first.map { $0.objectValue?.keys ?? [] } == [
                    "file", "line", "framework", "target", "boundary", "covered", "coverage", "coveredBy",
                    "dependency", "unit", "category", "boundaryBasis", "reason", "claims",
                ])
            // Evidence never crosses project units: the worker's psycopg2 mock is not covered by the API's test.
            let psycopg = try #require(findings.first { $0["target"]?.stringValue == "report.psycopg2" })
            #expect(psycopg["unit"]?.stringValue == "worker")
            #expect(psycopg["reason"]?.stringValue?.contains("is in project unit `api`") == true)
            #expect(json["groups"]?.arrayValue?.count == 8)
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
            #expect(boundaries == ["database", "database", "database", "database"])
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
