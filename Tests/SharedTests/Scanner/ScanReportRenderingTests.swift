import MockInventory
import Shared
import TestSupport
import Testing

/// The exact text and JSON renderings of a small report.
struct ScanReportRenderingTests {
    private func scanSmallRepository(_ body: (ScanReport) throws -> Void) throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/src/a.test.ts", "jest.mock('pg');\njest.mock('axios');\n")
            try writeFile(root + "/test/integration/db.test.ts", "import { Pool } from 'pg';\n")
            var report = try MockScanner.scan(root: root)
            report.root = "repo"
            try body(report)
        }
    }

    @Test func textIsAMarkdownSectionWithMismatchCandidates() throws {
        try scanSmallRepository { report in
            #expect(
                report.text == """
                    ## Mock inventory

                    Scanned 2 test and compose files (2 files visited) under `repo`.

                    | Boundary | Mocks | Covered | Uncovered |
                    |---|---:|---:|---:|
                    | database | 1 | 1 | 0 |
                    | api | 1 | 0 | 1 |
                    | filesystem | 0 | 0 | 0 |
                    | other | 0 | 0 | 0 |
                    | **total** | 2 | 1 | 1 |

                    ### Mismatch candidates (1)

                    External dependencies mocked with no running real-dependency test in the same project unit,
                    most mocks first. Check each claim against the real dependency:

                    1. **http** (api, unit `.`): 1 mock in 1 file, no real test
                       - `src/a.test.ts:2` jest: `axios` (api)

                    ### Covered mocks (1)

                    - **postgres** (database, unit `.`): 1 mock in 1 file, all covered — `test/integration/db.test.ts` \
                    runs against the real postgres (integration test (folder, name or build tag)) in project unit `.`

                    ### Real-dependency evidence (1)

                    - `test/integration/db.test.ts`: integration-test; postgres

                    """)
        }
    }

    @Test func jsonKeepsKeyOrderAndEveryFindingField() throws {
        try scanSmallRepository { report in
            let expected = """
                {"root":"repo","boundary":null,"filesVisited":2,"filesScanned":2,"budgetExhausted":false,\
                "summary":[{"boundary":"database","mocks":1,"covered":1,"uncovered":0},\
                {"boundary":"api","mocks":1,"covered":0,"uncovered":1},\
                {"boundary":"filesystem","mocks":0,"covered":0,"uncovered":0},\
                {"boundary":"other","mocks":0,"covered":0,"uncovered":0}],\
                "totals":{"mocks":2,"covered":1,"uncovered":1},\
                "findings":[{"file":"src/a.test.ts","line":1,"framework":"jest","target":"pg","boundary":"database",\
                "covered":true,"coverage":"target","coveredBy":["test/integration/db.test.ts"],\
                "dependency":"postgres","unit":".","category":"integration","boundaryBasis":"known module `pg`",\
                "reason":"covered: `test/integration/db.test.ts` runs against the real postgres \
                (integration test (folder, name or build tag)) in project unit `.`",\
                "claims":[{"kind":"module","target":"pg","members":[],"createAllowed":false,"line":1}]},\
                {"file":"src/a.test.ts","line":2,"framework":"jest","target":"axios","boundary":"api",\
                "covered":false,"coverage":null,"coveredBy":[],\
                "dependency":"http","unit":".","category":"integration","boundaryBasis":"known module `axios`",\
                "reason":"uncovered: no running test in project unit `.` exercises the real http",\
                "claims":[{"kind":"module","target":"axios","members":[],"createAllowed":false,"line":2}]}],\
                "groups":[{"dependency":"http","boundary":"api","unit":".","external":true,"mocks":1,"files":1,\
                "covered":0,"uncovered":1,"sites":["src/a.test.ts:2"]},\
                {"dependency":"postgres","boundary":"database","unit":".","external":true,"mocks":1,"files":1,\
                "covered":1,"uncovered":0,"sites":["src/a.test.ts:1"]}],\
                "incidental":[],\
                "evidence":[{"source":"test/integration/db.test.ts","file":"test/integration/db.test.ts","line":null,\
                "kinds":["integration-test"],"boundaries":["database"],"targets":["postgres"],"unit":".",\
                "dependencies":["postgres"],"running":true,"supporting":false,\
                "rule":"integration test (folder, name or build tag)","note":null}],\
                "unreadable":[],"skippedOversize":[]}
                """
            #expect(report.json.compact == expected)
            let reparsed: JSONValue = try JSONValue.parse(report.json.pretty)
            #expect(reparsed == report.json)
        }
    }

    @Test func emptyRepositoryReportsNoMocks() throws {
        try withTemporaryDirectory { root in
            let report = try MockScanner.scan(root: root)
            #expect(report.text.contains("### Mismatch candidates (0)\n\nNo mocks found.\n"))
            #expect(report.text.contains("### Real-dependency evidence (0)\n\nNone found.\n"))
        }
    }
}
