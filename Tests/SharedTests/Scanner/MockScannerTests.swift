import Foundation
import MockInventory
import Shared
import TestSupport
import Testing

/// Scanner behaviour on small repositories written per test: masking, budgets, unreadable files, filters.
struct MockScannerTests {
    @Test func productionFilesAreNeverReported() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/src/setup.ts", "jest.mock('axios');\nvi.mock('pg');\n")
            try writeFile(root + "/app/helpers.py", "from unittest.mock import patch\npatch('requests.get')\n")
            let report = try MockScanner.scan(root: root)
            #expect(report.findings.isEmpty)
            #expect(report.filesVisited == 2)
            #expect(report.filesScanned == 0)
        }
    }

    @Test func commentsAndStringsInTestFilesAreMasked() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/a.test.ts",
                """
                // jest.mock('fs')
                /* jest.mock('pg')
                   jest.mock('redis') */
                const text = "jest.mock('axios')";
                const template = `jest.mock('got')`;
                jest.mock('ioredis'); // jest.mock('knex')
                """)
            try writeFile(
                root + "/test_a.py",
                """
                # patch("os.remove")
                DOC = '''
                patch("requests.get")
                '''
                patch("builtins.open")  # patch("shutil.rmtree")
                """)
            try writeFile(
                root + "/a_spec.rb",
                "=begin\nallow(File).to receive(:read)\n=end\nstub_request(:get, 'https://x.test')\n")
            let report = try MockScanner.scan(root: root)
            #expect(
                report.findings.map(ExpectedFinding.init) == [
                    ExpectedFinding("a.test.ts", 6, .database, "jest", "ioredis", covered: false),
                    ExpectedFinding("a_spec.rb", 4, .api, "webmock", "https://x.test", covered: false),
                    ExpectedFinding("test_a.py", 5, .filesystem, "unittest.mock", "builtins.open", covered: false),
                ])
        }
    }

    @Test func memberAccessDoesNotLookLikeAMock() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/tests/test_api.py",
                "def test_update(client):\n    client.patch('/users/1', json={})\n    response.mock('x')\n")
            try writeFile(root + "/http.test.js", "http.get('https://example.com', cb);\n")
            let report = try MockScanner.scan(root: root)
            #expect(report.findings.isEmpty)
        }
    }

    @Test func boundaryFilterKeepsOnlyThatBoundary() throws {
        let report = try ScannerFixture.scan("typescript", options: ScanOptions(boundary: .database))
        #expect(report.findings.map(\.target) == ["./db", "pool.query"])
        #expect(report.summary.map(\.boundary) == [.database])
        #expect(report.summary.first?.mocks == 2)
        #expect(report.summary.first?.covered == 2)
    }

    @Test func oversizeFilesAreSkippedAndListed() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/big.test.ts", "jest.mock('axios');\n" + String(repeating: "// padding\n", count: 200))
            try writeFile(root + "/small.test.ts", "jest.mock('pg');\n")
            let report = try MockScanner.scan(root: root, options: ScanOptions(maxFileSize: 1024))
            #expect(report.skippedOversize == ["big.test.ts"])
            #expect(report.findings.map(\.target) == ["pg"])
            #expect(report.text.contains("### Skipped, over the file-size limit (1)\n\n- `big.test.ts`"))
        }
    }

    @Test func unreadableFilesAreReported() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/ok.test.ts", "jest.mock('pg');\n")
            // A dangling symlink is unreadable even for root, unlike a chmod 000 file.
            #expect(symlink(root + "/missing-target.ts", root + "/broken.test.ts") == 0)
            let report = try MockScanner.scan(root: root)
            #expect(
                report.unreadable == [
                    ScanReport.Unreadable(path: "broken.test.ts", reason: "No such file or directory")
                ])
            #expect(report.findings.map(\.target) == ["pg"])
            #expect(report.text.contains("### Unreadable (1)\n\n- `broken.test.ts`: No such file or directory"))
        }
    }

    @Test func symlinkedDirectoriesAreNotFollowed() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/real/a.test.ts", "jest.mock('pg');\n")
            #expect(symlink(root + "/real", root + "/loop") == 0)
            #expect(symlink(root, root + "/real/parent") == 0)
            let report = try MockScanner.scan(root: root)
            #expect(report.findings.map(\.file) == ["real/a.test.ts"])
        }
    }

    @Test func timeBudgetStopsTheWalk() throws {
        try withTemporaryDirectory { root in
            for index in 0..<10 { try writeFile(root + "/t\(index).test.ts", "jest.mock('pg');\n") }
            let ticks = Ticker()
            let options = ScanOptions(timeBudget: 4.5, clock: { ticks.next() })
            let report = try MockScanner.scan(root: root, options: options)
            #expect(report.budgetExhausted)
            #expect(report.filesVisited == 4)
            #expect(report.findings.count == 4)
            #expect(report.text.contains("> Scan stopped early"))
        }
    }

    @Test func fileBudgetStopsTheWalk() throws {
        try withTemporaryDirectory { root in
            for index in 0..<10 { try writeFile(root + "/t\(index).test.ts", "jest.mock('pg');\n") }
            let report = try MockScanner.scan(root: root, options: ScanOptions(maxFiles: 3))
            #expect(report.budgetExhausted)
            #expect(report.filesVisited == 3)
            #expect(report.findings.map(\.file) == ["t0.test.ts", "t1.test.ts", "t2.test.ts"])
        }
    }

    @Test func generatedTestFilesAreSkipped() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/mock_store_test.go",
                "// Code generated by MockGen. DO NOT EDIT.\npackage x\nvar _ = httptest.NewServer(nil)\n")
            #expect(try MockScanner.scan(root: root).findings.isEmpty)
        }
    }

    @Test func missingDirectoryThrows() throws {
        try withTemporaryDirectory { root in
            #expect(throws: ScanError.notADirectory(path: root + "/nope")) {
                try MockScanner.scan(root: root + "/nope")
            }
            try writeFile(root + "/file.txt", "x")
            #expect(throws: ScanError.notADirectory(path: root + "/file.txt")) {
                try MockScanner.scan(root: root + "/file.txt")
            }
            #expect(ScanError.notADirectory(path: "/x").exitStatus == .noInput)
        }
    }

    @Test func largeGeneratedTreeIsScannedWithinBudget() throws {
        try withTemporaryDirectory { root in
            let fileCount = 5_000
            let files = FileManager.default
            for index in 0..<fileCount {
                let directory = root + "/pkg\(index / 100)"
                if index % 100 == 0 { try files.createDirectory(atPath: directory, withIntermediateDirectories: true) }
                // Plain writes: the atomic, fsynced helper would dominate the test's run time.
                let (name, text) =
                    index % 5 == 0
                    ? ("m\(index).test.ts", "import x from 'x';\njest.mock('axios');\n" + filler)
                    : ("m\(index).ts", "export const a\(index) = 'jest.mock(\"pg\")';\n" + filler)
                #expect(files.createFile(atPath: directory + "/" + name, contents: Data(text.utf8)))
            }
            let start = ContinuousClock.now
            let report = try MockScanner.scan(root: root)
            let elapsed = start.duration(to: .now)
            #expect(report.filesVisited == fileCount)
            #expect(report.findings.count == fileCount / 5)
            #expect(!report.budgetExhausted)
            // Debug builds are several times slower than release; the release figure is in Scripts/scan-bench.sh.
            #expect(elapsed < .seconds(20), "scanned \(fileCount) files in \(elapsed)")
        }
    }

    private var filler: String {
        String(repeating: "export function f(a: number): number {\n  return a * 2; // comment\n}\n", count: 40)
    }
}

/// A clock that advances one second per reading.
private final class Ticker: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0.0

    func next() -> Double {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
