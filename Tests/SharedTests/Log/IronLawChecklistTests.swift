import Shared
import TestSupport
import Testing

@testable import SessionLog

/// The IRON LAW checklist (D3 fixed: every check counts, the summary is always produced).
struct IronLawChecklistTests {
    private func laws(_ checklist: IronLawChecklist) -> [Int] { checklist.items.map(\.law) }

    private func outcomes(_ checklist: IronLawChecklist) -> [IronLawChecklist.Outcome] {
        checklist.items.map(\.outcome)
    }

    @Test func cleanFeatureBranchWithoutDocsPassesThree() throws {
        try withTemporaryDirectory { root in
            let home = root + "/home"
            let checklist = IronLawChecklist.evaluate(directory: root, branch: "feat/x", stagedFiles: nil, home: home)
            #expect(laws(checklist) == [4, 1, 2, 6, 3, 5])
            #expect(outcomes(checklist) == [.passed, .passed, .passed, .failed, .manual, .manual])
            #expect(checklist.passedCount == 3)
            #expect(checklist.summary == "CHECKLIST: 3/4 automated checks passed")
        }
    }

    @Test func everyCheckCanFailAndTheSummaryIsStillWritten() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/package.json", "{}")
            try writeFile(root + "/src/a.test.ts", "describe.skip('x', () => {})")
            try writeFile(root + "/node_modules/dep/b.test.js", "it.only('ignored')")
            try writeFile(root + "/tsconfig.json", "{}")
            try writeFile(root + "/src/model.ts", "let x: any = 1")
            let checklist = IronLawChecklist.evaluate(
                directory: root, branch: "main", stagedFiles: ["src/model.ts", "README.md"], home: root + "/home")
            #expect(outcomes(checklist) == [.failed, .failed, .failed, .failed, .manual, .manual])
            #expect(checklist.passedCount == 0)
            #expect(checklist.summary == "CHECKLIST: 0/4 automated checks passed")
            #expect(checklist.items[1].text.contains("src/a.test.ts"))
            #expect(!checklist.items[1].text.contains("node_modules"))
            #expect(checklist.items[2].text.contains("src/model.ts"))
        }
    }

    @Test func allFourCanPass() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/package.json", "{}")
            try writeFile(root + "/src/a.test.ts", "it('works', () => {})")
            try writeFile(root + "/tsconfig.json", "{}")
            try writeFile(root + "/src/model.ts", "let x: number = 1")
            try FileSystem.createDirectories(root + "/.oss/dev/active")
            let checklist = IronLawChecklist.evaluate(
                directory: root, branch: "feature/login", stagedFiles: ["src/model.ts"], home: root + "/home")
            #expect(outcomes(checklist) == [.passed, .passed, .passed, .passed, .manual, .manual])
            #expect(checklist.summary == "CHECKLIST: 4/4 automated checks passed")
        }
    }

    @Test func masterAndNoBranchFailLawFour() throws {
        try withTemporaryDirectory { root in
            for branch in ["master", "main", nil] as [String?] {
                let checklist = IronLawChecklist.evaluate(directory: root, branch: branch, stagedFiles: nil, home: root)
                #expect(checklist.items[0].law == 4)
                #expect(checklist.items[0].outcome == .failed)
            }
        }
    }

    @Test func devDocsAreFoundInAnyOfTheThreePlaces() throws {
        for place in ["/proj/dev/active", "/proj/.oss/dev/active", "/home/.oss/dev/active"] {
            try withTemporaryDirectory { root in
                try FileSystem.createDirectories(root + "/proj")
                try FileSystem.createDirectories(root + place)
                let checklist = IronLawChecklist.evaluate(
                    directory: root + "/proj", branch: "f", stagedFiles: nil, home: root + "/home")
                #expect(checklist.items[3].law == 6)
                #expect(checklist.items[3].outcome == .passed, "\(place)")
            }
        }
    }

    @Test func commandLogLinesLayout() throws {
        try withTemporaryDirectory { root in
            let checklist = IronLawChecklist.evaluate(directory: root, branch: "feat/y", stagedFiles: nil, home: root)
            let lines = checklist.commandLogLines(command: "build", stamp: "12:34:56")
            let rule = String(repeating: "═", count: 55)
            #expect(lines.count == 12)
            #expect(lines[0] == "")
            #expect(lines[1] == "[12:34:56] " + rule)
            #expect(lines[2] == "IRON LAW COMPLIANCE CHECKLIST (/oss:build complete)")
            #expect(lines[3] == rule)
            #expect(lines[4] == "  [✓] LAW #4: Feature branch: feat/y")
            #expect(lines[5].hasPrefix("  [✓] LAW #1: "))
            #expect(lines[6].hasPrefix("  [✓] LAW #2: "))
            #expect(lines[7] == "  [✗] LAW #6: Dev docs: no dev/active directory")
            #expect(lines[8].hasPrefix("  [?] LAW #3: "))
            #expect(lines[9].hasPrefix("  [?] LAW #5: "))
            #expect(lines[10] == rule)
            #expect(lines[11] == "")
        }
    }
}
