import Foundation
import Shared
import TestSupport
import Testing

/// Bad inputs for the built `oss-integration scan`. It only reads: every case checks that nothing in the sandbox
/// changed. A missing or unusable directory is `oss-integration: error: …` with a sysexits code (66), bad options
/// are ArgumentParser usage errors (64), and hostile repository contents never stop a scan (exit 0).
@Suite(.timeLimit(.minutes(2)))
struct OSSIntegrationFaultTests {
    private static let repoTest = FaultCase.file(
        "repo/src/orders.test.ts", "import axios from 'axios';\njest.mock('axios');\ntest('x', () => {});\n")

    static let cases: [FaultCase] = [
        FaultCase(
            name: "missing directory", files: [repoTest], arguments: ["scan", "$ROOT/nope"], status: 66,
            stderr: .contains("oss-integration: error: no such directory: "), why: "sysexits EX_NOINPUT"),
        FaultCase(
            name: "a file instead of a directory", files: [repoTest],
            arguments: ["scan", "$ROOT/repo/src/orders.test.ts"],
            status: 66, stderr: .contains("oss-integration: error:"), why: "only directories are scanned"),
        FaultCase(
            name: "control characters in the directory", files: [repoTest],
            arguments: ["scan", "$ROOT/repo\n\u{1B}[2J"],
            status: 66, stderr: .contains("oss-integration: error: no such directory"),
            why: "an argument is a path, nothing more"),
        FaultCase(
            name: "traversal that resolves back into the repository", files: [repoTest],
            arguments: ["scan", "$ROOT/repo/src/../../repo"], status: 0, stderr: .empty,
            why: "a path with .. is just a path; the report names the mock",
            check: { _, result in #expect(result.stdout.contains("jest: `axios` (api)")) }),
        FaultCase(
            name: "maximum-size directory argument", files: [repoTest],
            arguments: ["scan", .text("$ROOT/" + String(repeating: "d", count: 131_000))], status: 66,
            stderr: .contains("oss-integration: error:"), why: "ENAMETOOLONG is reported like any unreadable path",
            check: { _, result in #expect(result.stderr.utf8.count < 140_000) }),
        FaultCase(
            name: "non-UTF-8 directory argument", files: [repoTest],
            arguments: ["scan", .bytes(Array("/nonexistent-".utf8) + [0xFF, 0xFE])], status: 66,
            stderr: .contains("no such directory: /nonexistent-\u{FFFD}\u{FFFD}"), why: "argv is repaired to U+FFFD"),
        FaultCase(
            name: "unknown format", files: [repoTest], arguments: ["scan", "--format", "xml", "$ROOT/repo"], status: 64,
            stderr: .contains("Error: The value 'xml' is invalid for '--format <format>'"), why: "ArgumentParser usage"),
        FaultCase(
            name: "traversal as a boundary", files: [repoTest],
            arguments: ["scan", "--boundary", "../x", "$ROOT/repo"],
            status: 64, stderr: .contains("is invalid for '--boundary"), why: "boundaries are an enumeration"),
        FaultCase(
            name: "zero max files", files: [repoTest], arguments: ["scan", "--max-files", "0", "$ROOT/repo"],
            status: 64,
            stderr: .contains("Error: --max-files must be positive"), why: "validate()"),
        FaultCase(
            name: "NaN time budget", files: [repoTest], arguments: ["scan", "--time-budget", "nan", "$ROOT/repo"],
            status: 64, stderr: .contains("Error: --time-budget must be positive"), why: "NaN is not positive"),
        FaultCase(
            name: "overflowing max file size", files: [repoTest],
            arguments: ["scan", "--max-file-size", "99999999999999999999999", "$ROOT/repo"], status: 64,
            stderr: .contains("is invalid for '--max-file-size"), why: "ArgumentParser rejects what Int cannot hold"),
        FaultCase(
            name: "symlink loop and a dangling link in the repository",
            files: [repoTest], links: [("repo/src/loop", "$ROOT/repo"), ("repo/src/dangling", "$ROOT/missing")],
            arguments: ["scan", "$ROOT/repo"], status: 0, stderr: .empty,
            why: "links are not followed into directories, so the walk terminates",
            check: { _, result in #expect(result.stdout.contains("jest: `axios` (api)")) }),
        FaultCase(
            name: "non-UTF-8 and NUL bytes in a test file",
            files: [
                repoTest, ("repo/src/weird.test.ts", Array("jest.mock('pg');\n".utf8) + [0xFF, 0x00, 0xC0, 0x0A]),
            ],
            arguments: ["scan", "--format", "json", "$ROOT/repo"], status: 0, stderr: .empty,
            why: "content is decoded leniently; the mock before the garbage is still found",
            check: { _, result in
                let report = try JSONValue.parse(result.stdout)
                #expect(report.objectValue != nil)
                #expect(result.stdout.contains("\"pg\""))
            }),
        FaultCase(
            name: "HOME unset", files: [repoTest], arguments: ["scan", "$ROOT/repo"], environment: ["HOME": nil],
            status: 0, stderr: .empty, why: "the scan never reads or writes the home directory"),
    ]

    @Test(arguments: cases)
    func badInput(_ fault: FaultCase) async throws {
        try await FaultRunner.run("oss-integration", fault)
    }
}
