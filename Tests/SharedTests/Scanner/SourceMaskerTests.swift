import MockInventory
import Shared
import TestSupport
import Testing

/// Masking is observable through the scanner: only code outside comments and strings can yield a finding, and
/// line numbers survive multi-line comments and strings.
struct SourceMaskerTests {
    @Test func goRawStringsAndRunesDoNotConfuseTheMasker() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/a_test.go",
                "package a\nvar q = '\\''\nvar raw = `C:\\path\\`\n/* httptest.NewServer(\n */\nvar s = httptest.NewServer(nil)\n"
            )
            let report = try MockScanner.scan(root: root)
            #expect(
                report.findings.map(ExpectedFinding.init) == [
                    ExpectedFinding("a_test.go", 6, .api, "httptest", "httptest.Server", covered: false)
                ])
        }
    }

    @Test func escapedQuotesStayInsideStrings() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/a.test.js",
                "const s = 'it\\'s jest.mock(\"fs\")';\nconst t = \"say \\\"nock('x')\\\"\";\njest.mock('fs');\n")
            let report = try MockScanner.scan(root: root)
            #expect(report.findings.map { "\($0.line) \($0.target)" } == ["3 fs"])
        }
    }

    @Test func swiftMultilineStringsAndKotlinTemplatesAreMasked() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/Tests/ATests.swift",
                "let s = \"\"\"\nclass MockHTTPClient: HTTPClient {}\n\"\"\"\nclass SpyRepository: Repository {}\n")
            try writeFile(
                root + "/src/test/kotlin/ATest.kt",
                "val s = \"\"\"\n@MockK lateinit var a: Api\n\"\"\"\nval c = mockk<OrderRepository>()\n")
            let report = try MockScanner.scan(root: root)
            #expect(
                report.findings.map { "\($0.file):\($0.line) \($0.target)" } == [
                    "Tests/ATests.swift:4 Repository", "src/test/kotlin/ATest.kt:4 OrderRepository",
                ])
        }
    }
}
