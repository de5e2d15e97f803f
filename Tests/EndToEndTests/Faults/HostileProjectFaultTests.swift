import Foundation
import Shared
import TestSupport
import Testing

/// Issue 10: a cloned repository that ships links inside `.oss`, a checklist walk over link loops and devices, and
/// settings with numbers too big for an integer, against the built `oss-log` and `oss-notify`. Every row of the
/// fault table rule applies (files outside the project are byte-identical afterwards); hooks still exit 0.
struct HostileProjectFaultTests {
    private static let logs = "home/proj/.oss/logs"
    private static let session = "\(logs)/current-session/session.log"
    private static let victim = FaultCase.file("home/victim.txt", "the user's own file\n")
    private static let keep = FaultCase.file("home/elsewhere/keep.txt", "kept\n")
    private static let linkRefused = "it is a symbolic link; refusing to follow it"
    private static let directoryLinkRefused = "links inside a project's .oss are never followed"

    /// Only `keep.txt` remains in `home/elsewhere` (nothing was created, moved or deleted there).
    private static func elsewhereUntouched(_ sandbox: FaultSandbox) {
        #expect(FileSystem.listDirectory(sandbox.path("home/elsewhere")) == ["keep.txt"])
    }

    static let logCases: [FaultCase] = [
        FaultCase(
            name: "session.log is a link to a file outside the project",
            files: [victim], links: [(session, "$HOME/victim.txt")], arguments: ["write", "build", "hi"], status: 0,
            stderr: .contains(linkRefused),
            why: "issue 10 #1: appends open with O_NOFOLLOW; the target gained the log lines before"),
        FaultCase(
            name: ".oss/logs is a link to another directory",
            files: [keep], links: [(logs, "$HOME/elsewhere")], arguments: ["write", "build", "hi"], status: 0,
            stderr: .contains(directoryLinkRefused), why: "issue 10 #1: every directory under .oss must be real",
            check: { sandbox, _ in elsewhereUntouched(sandbox) }),
        FaultCase(
            name: "the project's .oss is a link",
            files: [keep], links: [("home/cloned/.oss", "$HOME/elsewhere")], arguments: ["write", "build", "hi"],
            environment: ["CLAUDE_PROJECT_DIR": "$HOME/cloned"], status: 0, stderr: .contains(directoryLinkRefused),
            why: "issue 10 #1: a repository's own .oss may not point anywhere else",
            check: { sandbox, _ in elsewhereUntouched(sandbox) }),
        FaultCase(
            name: "current-session is a link, purge --force",
            files: [keep], links: [("\(logs)/current-session", "$HOME/elsewhere")], arguments: ["purge", "--force"],
            status: 0, stderr: .contains(directoryLinkRefused),
            why: "issue 10 #1: purge deleted the link's target directory's files before",
            check: { sandbox, result in
                elsewhereUntouched(sandbox)
                #expect(!result.stdout.contains("All logs purged."))
            }),
        FaultCase(
            name: "archive is a link, clean",
            files: [FaultCase.file("home/elsewhere/session-20200101-000000.log.gz", "old")],
            links: [("\(logs)/archive", "$HOME/elsewhere")], arguments: ["clean"], status: 0,
            stderr: .contains(directoryLinkRefused), why: "issue 10 #1: clean's deletions stay inside the project"),
        FaultCase(
            name: "current-session is a link, init",
            files: [keep], links: [("\(logs)/current-session", "$HOME/elsewhere")], arguments: ["init", "build"],
            status: 0, stderr: .contains(directoryLinkRefused),
            why: "issue 10 #1: init's replace wrote build.log into the link's target before",
            check: { sandbox, _ in elsewhereUntouched(sandbox) }),
        FaultCase(
            name: "read of a command log that is a link",
            files: [victim], links: [("\(logs)/current-session/build.log", "$HOME/victim.txt")],
            arguments: ["read", "build"], status: 0, stderr: .contains(linkRefused),
            why: "issue 10 #1: read printed the link's target",
            check: { _, result in #expect(!result.stdout.contains("the user's own file")) }),
        FaultCase(
            name: "session of a session.log that is a link",
            files: [victim], links: [(session, "$HOME/victim.txt")], arguments: ["session"], status: 0,
            stderr: .contains(linkRefused), why: "issue 10 #1: session printed the link's target",
            check: { _, result in #expect(!result.stdout.contains("the user's own file")) }),
        FaultCase(
            name: "the logs' lock file is a dangling link",
            links: [("\(logs)/.lock", "$HOME/created-through-lock")], arguments: ["write", "build", "hi"], status: 0,
            stderr: .contains(linkRefused),
            why: "issue 10 #1: opening the lock with O_CREAT created the link's target before",
            check: { sandbox, _ in #expect(!FileSystem.exists(sandbox.path("home/created-through-lock"))) }),
        FaultCase(
            name: "settings.json with maxArchiveCount 1e19",
            files: [FaultCase.file("home/.oss/settings.json", #"{"logs":{"maxArchiveCount":1e19}}"#)],
            arguments: ["write", "build", "hi"], status: 0,
            stderr: .contains("logs.maxArchiveCount 10000000000000000000 is too large; using 100000"),
            why: "issue 10 #6: a Double → Int trap (SIGILL, exit 132) brought back D6; now clamped with one warning",
            check: { sandbox, result in
                #expect(result.stderr.split(separator: "\n").count == 1)
                #expect((readFile(sandbox.path(session)) ?? "").hasSuffix("[build] hi\n"))
            }),
        FaultCase(
            name: "settings.json with huge sizes and ages",
            files: [
                FaultCase.file(
                    "home/.oss/settings.json",
                    #"{"logs":{"maxSessionSizeMB":1e300,"maxCommandLogSizeKB":1e30,"maxArchiveAgeDays":9e18}}"#)
            ],
            arguments: ["clean"], status: 0, stderr: .contains("logs.maxSessionSizeMB"),
            why: "issue 10 #6: every numeric limit is clamped (sizes times 1024 overflowed too)",
            check: { _, result in
                #expect(result.stderr.contains("logs.maxArchiveAgeDays 9000000000000000000 is too large; using 36500"))
                #expect(result.stdout.contains("Done."))
            }),
        FaultCase(
            name: "checklist in a tree of directory-link loops",
            files: [FaultCase.file("home/proj/package.json", "{}")],
            links: [("home/proj/a", "."), ("home/proj/b", ".")], arguments: ["checklist", "build"], status: 0,
            stderr: .empty,
            why: "issue 10 #2: the walk followed a → . and b → . for ever; links are never followed now",
            check: { _, result in #expect(result.seconds < 5, "took \(result.seconds) s") }),
        FaultCase(
            name: "checklist with a test file that is a link to /dev/zero",
            files: [FaultCase.file("home/proj/package.json", "{}")], links: [("home/proj/x.test.js", "/dev/zero")],
            arguments: ["checklist", "build"], status: 0, stderr: .empty,
            why: "issue 10 #2: reading /dev/zero grew memory without bound; only regular files are read, capped",
            check: { _, result in #expect(result.seconds < 5, "took \(result.seconds) s") }),
        FaultCase(
            name: "checklist reports a real focused test but not one reached through a link",
            files: [
                FaultCase.file("home/proj/package.json", "{}"),
                FaultCase.file("home/proj/src/a.test.js", "it.only('x', () => {})\n"),
                FaultCase.file("home/outside/b.test.js", "it.skip('y', () => {})\n"),
            ],
            links: [("home/proj/linked", "$HOME/outside")], arguments: ["checklist", "build"], status: 0,
            stderr: .empty, why: "issue 10 #2: the walk still finds real offenders",
            check: { sandbox, _ in
                let log = readFile(sandbox.path("\(logs)/current-session/build.log")) ?? ""
                #expect(log.contains("Tests: .skip/.only/.todo in src/a.test.js\n"))
                #expect(!log.contains("b.test.js"))
            }),
    ]

    static let notifyCases: [FaultCase] = [
        FaultCase(
            name: "session.log is a link (session notification)",
            files: [victim], links: [(session, "$HOME/victim.txt")],
            arguments: ["--session", "context_saved", "{}"], status: 0, stderr: .contains(linkRefused),
            why: "issue 10 #1: oss-notify appended to the link's target before"),
        FaultCase(
            name: "workflow-state.json is a link",
            files: [FaultCase.file("home/victim.json", #"{"activeStep": "victim"}"#)],
            links: [("home/proj/.oss/workflow-state.json", "$HOME/victim.json")],
            arguments: ["--workflow", "build", "start", "{}"], status: 0, stderr: .contains(linkRefused),
            why: "issue 10 #1: the state is read and replaced only as a regular file",
            check: { sandbox, _ in
                #expect(FileSystem.isSymbolicLink(sandbox.path("home/proj/.oss/workflow-state.json")))
            }),
        FaultCase(
            name: "the state's lock file is a dangling link",
            links: [("home/proj/.oss/workflow-state.json.lock", "$HOME/created-through-lock")],
            arguments: ["--workflow", "build", "start", "{}"], status: 0, stderr: .contains(linkRefused),
            why: "issue 10 #1: lock files open with O_NOFOLLOW",
            check: { sandbox, _ in #expect(!FileSystem.exists(sandbox.path("home/created-through-lock"))) }),
        FaultCase(
            name: "the project's .oss is a link (workflow event)",
            files: [keep], links: [("home/cloned/.oss", "$HOME/elsewhere")],
            arguments: ["--workflow", "build", "start", "{}"], environment: ["CLAUDE_PROJECT_DIR": "$HOME/cloned"],
            status: 0, stderr: .contains(directoryLinkRefused),
            why: "issue 10 #1: neither the log nor the state is written through the link",
            check: { sandbox, _ in elsewhereUntouched(sandbox) }),
        FaultCase(
            name: "settings.json with maxArchiveCount 1e19 (notify)",
            files: [FaultCase.file("home/.oss/settings.json", #"{"logs":{"maxArchiveCount":1e19}}"#)],
            arguments: ["--workflow", "build", "start", "{}"], status: 0, stderr: .contains("is too large; using"),
            why: "issue 10 #6: oss-notify trapped (exit 132) on every call before"),
        FaultCase(
            name: "build complete in a tree of directory-link loops",
            files: [FaultCase.file("home/proj/package.json", "{}")],
            links: [("home/proj/a", "."), ("home/proj/b", ".")], arguments: ["--workflow", "build", "complete", "{}"],
            status: 0, stderr: .empty,
            why: "issue 10 #2: the completion's checklist never finished before",
            check: { _, result in #expect(result.seconds < 5, "took \(result.seconds) s") }),
    ]

    @Test(arguments: logCases)
    func ossLog(_ fault: FaultCase) async throws {
        try await FaultRunner.run("oss-log", fault, timeout: 20)
    }

    @Test(arguments: notifyCases)
    func ossNotify(_ fault: FaultCase) async throws {
        try await FaultRunner.run("oss-notify", fault, timeout: 20)
    }
}
