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

                    Mocked, with no real-dependency test of the same target or boundary:

                    - `src/a.test.ts:2` jest: `axios` (api)

                    ### Covered mocks (1)

                    - `src/a.test.ts:1` jest: `pg` (database); covered (same target) by `test/integration/db.test.ts`

                    ### Real-dependency evidence (1)

                    - `test/integration/db.test.ts`: integration-test; database (pg)

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
                "covered":true,"coverage":"target","coveredBy":["test/integration/db.test.ts"]},\
                {"file":"src/a.test.ts","line":2,"framework":"jest","target":"axios","boundary":"api",\
                "covered":false,"coverage":null,"coveredBy":[]}],\
                "evidence":[{"source":"test/integration/db.test.ts","file":"test/integration/db.test.ts","line":null,\
                "kinds":["integration-test"],"boundaries":["database"],"targets":["pg"]}],\
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
