import Shared
import StatusLine
import TestSupport
import Testing

struct StatusLineCommandTests {
    private let now = Timestamp(milliseconds: 1_795_640_400_000)  // 2026-11-25T21:00:00Z

    /// A sandbox: `<root>/home` is HOME, `<root>` the temp root (TMPDIR).
    private func run(
        root: String, stdin: String, extra: [String: String] = [:], workingDirectory: String? = nil
    ) -> String {
        var variables = ["HOME": root + "/home", "TMPDIR": root]
        for (key, value) in extra { variables[key] = value }
        return StatusLineCommand.run(
            input: Array(stdin.utf8), environment: Environment(variables), clock: .fixed(now),
            workingDirectory: workingDirectory)
    }

    private func stdin(_ directory: String, model: String = "Opus") -> String {
        #"{"model":{"display_name":"\#(model)"},"workspace":{"current_dir":"\#(directory)"}}"#
    }

    @Test func projectStateIsPreferredOverGlobal() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/home/.oss/workflow-state.json", #"{"currentCommand":"global"}"#)
            try writeFile(root + "/home/proj/.oss/workflow-state.json", #"{"currentCommand":"local"}"#)
            #expect(run(root: root, stdin: stdin(root + "/home/proj")) == "✅ | [Opus] proj | local")
        }
    }

    @Test func globalStateWhenTheProjectHasNone() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/home/.oss/workflow-state.json", #"{"nextCommand":"ideate"}"#)
            try FileSystem.createDirectories(root + "/home/proj")
            #expect(run(root: root, stdin: stdin(root + "/home/proj")) == "✅ | [Opus] proj | → ideate")
        }
    }

    @Test func currentDirWinsOverCurrentProject() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/home/.oss/current-project", root + "/home/other\n")
            try writeFile(root + "/home/other/.oss/workflow-state.json", #"{"currentCommand":"other"}"#)
            try writeFile(root + "/home/proj/.oss/workflow-state.json", #"{"currentCommand":"proj"}"#)
            #expect(run(root: root, stdin: stdin(root + "/home/proj")) == "✅ | [Opus] proj | proj")
        }
    }

    @Test func currentProjectIsTheFallback() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/home/.oss/current-project", "  \(root)/home/my app \n")
            try writeFile(root + "/home/my app/.oss/workflow-state.json", #"{"currentCommand":"plan"}"#)
            try writeFile(root + "/home/my app/.git/HEAD", "ref: refs/heads/feat/alpha\n")
            #expect(run(root: root, stdin: "{}") == "✅ | [Claude] my app | 🌿 feat/alpha | plan")
            // An unusable current_dir falls back too, but still names the project shown.
            #expect(
                run(root: root, stdin: stdin("/nonexistent/dir"))
                    == "✅ | [Opus] dir | 🌿 feat/alpha | plan")
        }
    }

    @Test func projectQueueIsPreferredOverGlobal() throws {
        try withTemporaryDirectory { root in
            func queue(_ task: String) -> String {
                #"{"tasks":[{"status":"pending","priority":"critical","description":"\#(task)"}]}"#
            }
            try writeFile(root + "/home/.oss/queue.json", queue("Global task"))
            try writeFile(root + "/home/proj/.oss/queue.json", queue("Fix security bug"))
            #expect(run(root: root, stdin: stdin(root + "/home/proj")) == "✅ | [Opus] proj | 🚨1: Fix security bug")
            FileSystem.remove(root + "/home/proj/.oss/queue.json")
            #expect(run(root: root, stdin: stdin(root + "/home/proj")) == "✅ | [Opus] proj | 🚨1: Global task")
        }
    }

    @Test func ironLawFileAndBranchFromCurrentDir() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/home/.oss/iron-law-state.json", #"{"violations":[{"law":2,"resolved":false}]}"#)
            try writeFile(root + "/home/proj/.git/HEAD", "ref: refs/heads/feat/alpha\n")
            #expect(run(root: root, stdin: stdin(root + "/home/proj")) == "⛔ LAW#2 | [Opus] proj | 🌿 feat/alpha")
            try writeFile(root + "/home/proj/.git/HEAD", "ref: refs/heads/main\n")
            #expect(run(root: root, stdin: stdin(root + "/home/proj")) == "⛔ LAW#4 | [Opus] proj | ⚠️ main")
        }
    }

    @Test func worktreeBranchThroughGitFile() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/home/repo/.git/worktrees/alpha/HEAD", "ref: refs/heads/feat/alpha\n")
            try writeFile(root + "/home/alpha/.git", "gitdir: \(root)/home/repo/.git/worktrees/alpha\n")
            #expect(run(root: root, stdin: stdin(root + "/home/alpha")) == "✅ | [Opus] alpha | 🌿 feat/alpha")
        }
    }

    @Test func withoutProjectTheWorkingDirectoryGivesTheBranch() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/elsewhere/.git/HEAD", "ref: refs/heads/topic\n")
            #expect(run(root: root, stdin: "{}", workingDirectory: root + "/elsewhere") == "✅ | [Claude] | 🌿 topic")
        }
    }

    @Test func garbageStdinAndNoFilesGiveTheMinimalLine() throws {
        try withTemporaryDirectory { root in
            for input in ["", "not json", "\u{0}\u{1}", "[[[[", #"{"model":{"display_name":null}}"#] {
                #expect(run(root: root, stdin: input) == StatusLineCommand.minimalLine)
            }
            #expect(StatusLineCommand.minimalLine == "✅ | [Claude]")
        }
    }

    @Test func unparsableStateFilesCountAsEmpty() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/home/proj/.oss/workflow-state.json", #"{"currentCommand":"bu"#)
            try writeFile(root + "/home/.oss/workflow-state.json", #"{"currentCommand":"global"}"#)
            try writeFile(root + "/home/.oss/iron-law-state.json", "[]")
            #expect(run(root: root, stdin: stdin(root + "/home/proj")) == "✅ | [Opus] proj")
            try writeFile(root + "/home/proj/.oss/workflow-state.json", "[1,2]")
            #expect(run(root: root, stdin: stdin(root + "/home/proj")) == "✅ | [Opus] proj")
        }
    }

    @Test func columnsTruncatesByDisplayWidth() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/home/proj/.git/HEAD", "ref: refs/heads/feat/alpha\n")
            let full = run(root: root, stdin: stdin(root + "/home/proj"))
            #expect(full == "✅ | [Opus] proj | 🌿 feat/alpha")
            #expect(run(root: root, stdin: stdin(root + "/home/proj"), extra: ["COLUMNS": "200"]) == full)
            #expect(
                run(root: root, stdin: stdin(root + "/home/proj"), extra: ["COLUMNS": "20"]) == "✅ | [Opus] proj | …")
            #expect(
                run(root: root, stdin: stdin(root + "/home/proj"), extra: ["COLUMNS": "22"]) == "✅ | [Opus] proj | 🌿…")
            for ignored in ["", "0", "-5", "wide"] {
                #expect(run(root: root, stdin: stdin(root + "/home/proj"), extra: ["COLUMNS": ignored]) == full)
            }
        }
    }

    @Test func noColorChangesNothingBecauseThereIsNoColour() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/home/proj/.oss/workflow-state.json",
                #"{"tddPhase":"red","supervisor":"intervening","activeAgent":{"type":"tester"}}"#)
            let plain = run(root: root, stdin: stdin(root + "/home/proj"))
            let noColor = run(root: root, stdin: stdin(root + "/home/proj"), extra: ["NO_COLOR": "1"])
            #expect(plain == noColor)
            #expect(plain == "✅ | [Opus] proj | TDD: 🔴 | 🤖 tester | ⚡")
            #expect(!plain.contains("\u{1B}"))
        }
    }
}
