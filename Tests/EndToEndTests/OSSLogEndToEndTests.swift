import Foundation
import SessionLog
import Shared
import TestSupport
import Testing

/// The built `oss-log` binary, every action of compatibility.md#log-actions, in a temporary HOME (TZ=UTC).
struct OSSLogEndToEndTests {
    // MARK: Logging actions

    @Test func initPrintsThePathAndWritesTheHeader() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let result = try box.run(["init", "build"])
            #expect(result.status == 0)
            #expect(result.stdout == box.globalSession + "/build.log\n")
            #expect(result.stderr == "")
            #expect(normalised(box.text(box.globalSession + "/build.log")) == initHeader("build"))
            #expect(
                normalised(box.text(box.globalSession + "/session.log"))
                    == "\n[TS] [build] [INIT] ════════ /oss:build started ════════\n")
            // The PID line is the pid of that oss-log process: a positive number.
            let pidLine = box.text(box.globalSession + "/build.log").split(separator: "\n")[4]
            #expect(pidLine.wholeMatch(of: #/  PID: [1-9]\d*/#) != nil)
            // A second init truncates the command log back to its header.
            try box.run(["write", "build", "between"])
            try box.run(["init", "build"])
            #expect(normalised(box.text(box.globalSession + "/build.log")) == initHeader("build"))
            #expect(
                normalised(box.text(box.globalSession + "/session.log")) == """

                    [TS] [build] [INIT] ════════ /oss:build started ════════
                    [TS] [build] between

                    [TS] [build] [INIT] ════════ /oss:build started ════════

                    """)
        }
    }

    @Test func aMissingOSSDirectoryIsCreatedPrivate() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let project = try box.directory(box.home + "/proj")
            for environment in [[:], ["CLAUDE_PROJECT_DIR": project]] {
                FileSystem.removeTree(box.home + "/.oss")
                #expect(try box.run(["write", "build", "x"], environment).status == 0)
                var status = stat()
                #expect(stat(box.home + "/.oss", &status) == 0)
                #expect(status.st_mode & 0o777 == 0o700)
            }
            // An existing ~/.oss keeps its mode.
            #expect(chmod(box.home + "/.oss", 0o750) == 0)
            try box.run(["write", "build", "y"])
            var status = stat()
            #expect(stat(box.home + "/.oss", &status) == 0 && status.st_mode & 0o777 == 0o750)
        }
    }

    @Test func everyEntryActionWritesBothLogsExactly() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let calls: [[String]] = [
                ["write", "build", "[CHAIN] executing /oss:ship"],
                ["phase", "build", "RED"],
                ["phase", "build", "GREEN", "complete"],
                ["tool", "build", "Bash"],
                ["tool", "build", "Edit", "ok"],
                ["test", "build", "FAIL", "3 failing"],
                ["test", "build", "PASS"],
                ["error", "build", "compile failed"],
                ["file", "build", "created", "src/a.swift"],
                ["file", "build", "deleted"],
                ["agent", "build", "swift-expert"],
                ["agent", "build", "swift-expert", "starting: write the parser"],
                ["agent", "build", "swift-expert", "completed: parser done"],
                ["progress", "build", "3/10", "Implement auth"],
                ["progress", "build", "4/10"],
                ["milestone", "build", "tests-green", "all 42 pass"],
                ["milestone", "build", "bare"],
                ["recovery", "build", "Retrying after error", "attempt=2"],
                ["recovery", "build", "Recovered"],
                ["timeout", "build", "Agent slow", "after 30s"],
                ["ironlaw", "build", "PASSED"],
                ["ironlaw", "build", "FAILED", "LAW#1,LAW#4"],
                ["ironlaw", "build", "FAILED"],
                ["hook", "SessionStart", "START"],
                ["hook", "PreCompact", "COMPLETE", "saved context"],
                ["skill", "tdd", "START", "red phase"],
                ["skill", "tdd", "COMPLETE"],
                ["health", "healthy", #"{"checks":3}"#],
            ]
            for call in calls {
                let result = try box.run(call)
                #expect(result.status == 0, "\(call)")
                #expect(result.stdout == "", "\(call)")
                #expect(result.stderr == "", "\(call)")
            }
            #expect(
                normalised(box.text(box.globalSession + "/build.log")) == """
                    [TS] [CHAIN] executing /oss:ship
                    [TS] [PHASE] RED start
                    [TS] [PHASE] GREEN complete
                    [TS] [TOOL] Bash: called
                    [TS] [TOOL] Edit: ok
                    [TS] [TEST] FAIL - 3 failing
                    [TS] [TEST] PASS
                    [TS] [ERROR] compile failed
                    [TS] [FILE] created src/a.swift
                    [TS] [FILE] deleted\u{20}
                    [TS] [AGENT] swift-expert: spawned
                    [TS] [AGENT] swift-expert: starting: write the parser
                    [TS] [AGENT] swift-expert: completed: parser done
                    [TS] [PROGRESS] 3/10 - Implement auth
                    [TS] [PROGRESS] 4/10
                    [TS] [MILESTONE] tests-green: all 42 pass
                    [TS] [MILESTONE] bare:\u{20}
                    [TS] [RECOVERY] Retrying after error attempt=2
                    [TS] [RECOVERY] Recovered
                    [TS] [TIMEOUT] Agent slow after 30s
                    [TS] [IRON_LAW] PASSED
                    [TS] [IRON_LAW] FAILED violations=[LAW#1,LAW#4]
                    [TS] [IRON_LAW] FAILED

                    """)
            #expect(
                normalised(box.text(box.globalSession + "/session.log")) == """
                    [TS] [build] [CHAIN] executing /oss:ship
                    [TS] [build] [PHASE] RED start
                    [TS] [build] [PHASE] GREEN complete
                    [TS] [build] [TOOL] Bash: called
                    [TS] [build] [TOOL] Edit: ok
                    [TS] [build] [TEST] FAIL - 3 failing
                    [TS] [build] [TEST] PASS
                    [TS] [build] [ERROR] compile failed
                    [TS] [build] [FILE] created src/a.swift
                    [TS] [build] [FILE] deleted\u{20}
                    [TS] [build] [AGENT] swift-expert: spawned
                    [TS] [build] [AGENT] swift-expert: starting: write the parser
                    [TS] [build] [AGENT] swift-expert: completed: parser done
                    [TS] [build] [PROGRESS] 3/10 - Implement auth
                    [TS] [build] [PROGRESS] 4/10
                    [TS] [build] [MILESTONE] tests-green: all 42 pass
                    [TS] [build] [MILESTONE] bare:\u{20}
                    [TS] [build] [RECOVERY] Retrying after error attempt=2
                    [TS] [build] [RECOVERY] Recovered
                    [TS] [build] [TIMEOUT] Agent slow after 30s
                    [TS] [build] [IRON_LAW] PASSED
                    [TS] [build] [IRON_LAW] FAILED violations=[LAW#1,LAW#4]
                    [TS] [build] [IRON_LAW] FAILED
                    [TS] [hook] [START] SessionStart
                    [TS] [hook] [COMPLETE] PreCompact saved context
                    [TS] [skill] [START] tdd red phase
                    [TS] [skill] [COMPLETE] tdd
                    [TS] [healthcheck] [HEALTH_CHECK] status=healthy details={"checks":3}

                    """)
            // hook, skill and health write no command log of their own.
            #expect(
                FileSystem.listDirectory(box.globalSession) == ["build.log", "session.log"])
        }
    }

    @Test func leadingDashEmojiAndNewlinePayloadsAreLoggedVerbatim() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let calls: [[String]] = [
                ["error", "build", "--force push rejected"],
                ["write", "build", "- item"],
                ["write", "build", "-h"],
                ["write", "build", "--"],
                ["write", "build", "--help"],
                ["write", "build", "--version"],
                ["test", "build", "FAIL", "-x"],
                ["write", "build", "ship it 🚀 ✅ 中文"],
                ["write", "build", "line one\nline two"],
                ["write", "build", "quotes \"double\" 'single' $HOME `cmd` \\ back"],
            ]
            for call in calls {
                let result = try box.run(call)
                #expect(result.status == 0, "\(call): \(result)")
                #expect(result.stdout == "" && result.stderr == "", "\(call): \(result)")
            }
            #expect(
                normalised(box.text(box.globalSession + "/build.log")) == """
                    [TS] [ERROR] --force push rejected
                    [TS] - item
                    [TS] -h
                    [TS] --
                    [TS] --help
                    [TS] --version
                    [TS] [TEST] FAIL - -x
                    [TS] ship it 🚀 ✅ 中文
                    [TS] line one
                    line two
                    [TS] quotes "double" 'single' $HOME `cmd` \\ back

                    """)
            #expect(
                normalised(box.text(box.globalSession + "/session.log")) == """
                    [TS] [build] [ERROR] --force push rejected
                    [TS] [build] - item
                    [TS] [build] -h
                    [TS] [build] --
                    [TS] [build] --help
                    [TS] [build] --version
                    [TS] [build] [TEST] FAIL - -x
                    [TS] [build] ship it 🚀 ✅ 中文
                    [TS] [build] line one
                    line two
                    [TS] [build] quotes "double" 'single' $HOME `cmd` \\ back

                    """)
        }
    }

    @Test func topLevelHelpAndVersion() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            for flag in ["-h", "--help"] {
                let help = try box.run([flag])
                #expect(help.status == 0)
                #expect(help.stdout.contains("Usage: oss-log.sh <action>"))
                #expect(help.stderr == "")
            }
            let version = try box.run(["--version"])
            #expect(version.status == 0)
            #expect(version.stdout.wholeMatch(of: /oss-log \d+\.\d+\.\d+\n/) != nil)
        }
    }

    // MARK: Resolution

    @Test func claudeProjectDirGivesProjectLocalLogs() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let project = try box.directory(box.home + "/work/app")
            let env = ["CLAUDE_PROJECT_DIR": project]
            let result = try box.run(["init", "build"], env)
            #expect(result.status == 0)
            #expect(result.stdout == project + "/.oss/logs/current-session/build.log\n")
            try box.run(["write", "build", "local"], env)
            #expect(
                normalised(box.text(project + "/.oss/logs/current-session/build.log")) == initHeader("build")
                    + "[TS] local\n")
            #expect(FileSystem.isDirectory(project + "/.oss/logs/archive"))
            #expect(!FileSystem.exists(box.globalSession + "/session.log"))
            // The printed path is canonical even when CLAUDE_PROJECT_DIR goes through a symlink.
            let link = box.home + "/app-link"
            #expect(symlink(project, link) == 0)
            #expect(
                try box.run(["init", "plan"], ["CLAUDE_PROJECT_DIR": link]).stdout == project
                    + "/.oss/logs/current-session/plan.log\n")
            #expect(try box.run(["path", "plan"], env).stdout == project + "/.oss/logs/current-session/plan.log\n")
            #expect(try box.run(["session-path"], env).stdout == project + "/.oss/logs/current-session/session.log\n")
        }
    }

    @Test func currentProjectWithInteriorSpacesIsHonoured() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let project = try box.directory(box.home + "/My Projects/two  spaces")
            try writeFile(box.home + "/.oss/current-project", project + "\n")
            let result = try box.run(["init", "plan"])
            #expect(result.stdout == project + "/.oss/logs/current-session/plan.log\n")
            try box.run(["test", "plan", "PASS", "ok"])
            #expect(
                normalised(box.text(project + "/.oss/logs/current-session/session.log")).hasSuffix(
                    "[TS] [plan] [TEST] PASS - ok\n"))
            #expect(!FileSystem.exists(box.globalSession + "/session.log"))
        }
    }

    @Test func projectsOutsideHomeAndTmpGoGlobal() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let outside = try box.directory(box.elsewhere + "/proj")
            let valid = try box.directory(box.home + "/valid")
            try writeFile(box.home + "/.oss/current-project", valid + "\n")
            // An invalid CLAUDE_PROJECT_DIR does not fall through to current-project: global logs.
            let result = try box.run(["init", "build"], ["CLAUDE_PROJECT_DIR": outside])
            #expect(result.status == 0)
            #expect(result.stdout == box.globalSession + "/build.log\n")
            #expect(result.stderr == "")
            #expect(!FileSystem.exists(outside + "/.oss"))
            #expect(!FileSystem.exists(valid + "/.oss"))
            // An outside current-project also means global logs.
            try writeFile(box.home + "/.oss/current-project", outside + "\n")
            #expect(try box.run(["path", "x"]).stdout == box.globalSession + "/x.log\n")
            // TMPDIR projects are accepted; with TMPDIR unset, /tmp is the temp root (D1).
            let tmpProject = try box.directory(box.tmp + "/t")
            #expect(
                try box.run(["path", "x"], ["CLAUDE_PROJECT_DIR": tmpProject]).stdout == tmpProject
                    + "/.oss/logs/current-session/x.log\n")
            var environment = box.environment(["CLAUDE_PROJECT_DIR": tmpProject])
            environment["TMPDIR"] = nil
            let unset = try ToolRunner.run("oss-log", ["path", "x"], environment: environment, cwd: root)
            let expected =
                tmpProject.hasPrefix("/tmp/")
                ? tmpProject + "/.oss/logs/current-session/x.log\n" : box.globalSession + "/x.log\n"
            #expect(unset.stdout == expected)
        }
    }

    @Test func projectsAreIsolatedFromEachOther() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let a = try box.directory(box.home + "/a")
            let b = try box.directory(box.home + "/b")
            try box.run(["write", "build", "in a"], ["CLAUDE_PROJECT_DIR": a])
            try box.run(["write", "build", "in b"], ["CLAUDE_PROJECT_DIR": b])
            #expect(normalised(box.text(a + "/.oss/logs/current-session/session.log")) == "[TS] [build] in a\n")
            #expect(normalised(box.text(b + "/.oss/logs/current-session/session.log")) == "[TS] [build] in b\n")
        }
    }

    // MARK: Usage errors

    @Test func missingRequiredArgumentsAreUsageErrors() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let cases: [[String]] = [
                ["init"], ["write"], ["write", "build"], ["write", "build", ""], ["phase", "build"], ["tool", "build"],
                ["test", "build"], ["error", "build"], ["file", "build"], ["agent", "build"], ["progress", "build"],
                ["hook", "SessionStart"], ["milestone", "build"], ["skill", "tdd"], ["recovery", "build"],
                ["timeout", "build"], ["ironlaw", "build"], ["checklist"], ["read"], ["path"], ["health", "ok"],
                ["workflow", "set-feature"], ["workflow", "complete"], ["workflow", "complete", "deploy"],
            ]
            for call in cases {
                let result = try box.run(call)
                #expect(result.status == 1, "\(call)")
                #expect(result.stdout == "", "\(call)")
                let action = call == ["workflow", "complete", "deploy"] || call.first == "workflow" ? call[1] : call[0]
                #expect(result.stderr.hasPrefix("Usage: oss-log.sh "), "\(call): \(result.stderr)")
                #expect(result.stderr.contains(action), "\(call): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(call)")
            }
            // Nothing was logged, but the directories exist (created on every call, as upstream).
            #expect(FileSystem.listDirectory(box.globalSession).isEmpty)
            #expect(FileSystem.isDirectory(box.globalBase + "/archive"))
        }
    }

    @Test func missingOrUnknownActionPrintsTheLongUsage() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            for call in [[], ["frobnicate"], ["WRITE", "build", "x"]] {
                let result = try box.run(call)
                #expect(result.status == 1)
                #expect(result.stdout == "")
                #expect(result.stderr.hasPrefix("Usage: oss-log.sh <action> [args...]\n"))
                #expect(result.stderr.contains("init <cmd>"))
                #expect(result.stderr.contains("health-check"))
            }
            let workflow = try box.run(["workflow"])
            #expect(workflow.status == 1)
            #expect(workflow.stdout == "")
            #expect(workflow.stderr.hasPrefix("Usage: oss-log.sh workflow <subcommand>\n"))
            #expect(try box.run(["workflow", "bogus"]).status == 1)
        }
    }

    // MARK: Reading

    @Test func readPathSessionAndSessionPath() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let missing = try box.run(["read", "ghost"])
            #expect(missing.status == 0)
            #expect(missing.stdout == "No log found for /oss:ghost\n")
            let noSession = try box.run(["session"])
            #expect(noSession.stdout == "No session log found\n")
            #expect(noSession.status == 0)
            try box.run(["init", "build"])
            try box.run(["write", "build", "hello"])
            let read = try box.run(["read", "build"])
            #expect(read.status == 0)
            #expect(read.stdout == box.text(box.globalSession + "/build.log"))
            #expect(normalised(read.stdout) == initHeader("build") + "[TS] hello\n")
            let session = try box.run(["session"])
            #expect(session.stdout == box.text(box.globalSession + "/session.log"))
            #expect(try box.run(["path", "build"]).stdout == box.globalSession + "/build.log\n")
            #expect(try box.run(["path", "never-written"]).stdout == box.globalSession + "/never-written.log\n")
            #expect(try box.run(["session-path"]).stdout == box.globalSession + "/session.log\n")
        }
    }

    @Test func listShowsTheSessionLogs() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let empty = try box.run(["list"])
            #expect(empty.status == 0)
            #expect(empty.stdout == "No logs in current session\n")
            try box.run(["write", "build", "x"])
            let list = try box.run(["list"])
            #expect(list.status == 0)
            let lines = list.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            let pattern = /\s*(\d+)  \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}  (.+)/
            let first = try #require(lines[0].wholeMatch(of: pattern))
            #expect(String(first.2) == box.globalSession + "/build.log")
            #expect(Int(first.1) == FileSystem.size(box.globalSession + "/build.log").map(Int.init))
            #expect(lines[1].wholeMatch(of: pattern)?.2 == Substring(box.globalSession + "/session.log"))
        }
    }

    @Test func statusPrintsTheFullReport() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            try writeFile(
                box.home + "/.oss/settings.json", #"{"logs": {"maxSessionSizeMB": 2.5, "maxArchiveCount": 3}}"#)
            try box.run(["write", "build", "one"])
            try box.run(["rotate"])
            try box.run(["write", "build", "two"])
            let result = try box.run(["status"])
            #expect(result.status == 0)
            #expect(result.stderr == "")
            let session = box.globalSession
            let sessionLog = box.text(session + "/session.log")
            let currentBytes = FileSystem.listDirectory(session).reduce(0) {
                $0 + (FileSystem.size(session + "/" + $1) ?? 0)
            }
            let archive = box.globalBase + "/archive"
            let archiveBytes = FileSystem.listDirectory(archive).reduce(0) {
                $0 + (FileSystem.size(archive + "/" + $1) ?? 0)
            }
            #expect(currentBytes < 1024 && archiveBytes < 1024)
            #expect(
                result.stdout == """
                    OSS Log Status
                    \(String(repeating: "═", count: 41))

                    Current Session:
                      Location: \(session)
                      Size: \(currentBytes)B
                      Log files: 2
                      Session log: \(sessionLog.utf8.count)B (2 lines)

                    Archives:
                      Location: \(archive)
                      Size: \(archiveBytes)B
                      Archived sessions: 1

                    Total log usage: \(currentBytes + archiveBytes)B

                    Settings:
                      Max session size: 2.5MB
                      Max command log: 500KB
                      Max archives: 3
                      Archive retention: 7 days

                    """)
        }
    }

    @Test func tailPrintsItsHeaderAndFollowsNewLines() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            try box.run(["write", "build", "before tail"])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ToolRunner.path(of: "oss-log"))
            process.arguments = ["tail"]
            process.environment = box.environment()
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            let collected = OutputCollector()
            pipe.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
            try process.run()
            defer { stop(process, pipe) }
            let header =
                "Following \(box.globalSession)/session.log (Ctrl-C to stop)\n\(String(repeating: "─", count: 41))\n"
            #expect(collected.wait(until: { $0.contains("before tail\n") }))
            #expect(normalised(collected.text) == header + "[TS] [build] before tail\n")
            try box.run(["write", "build", "while tailing 😀"])
            #expect(collected.wait(until: { $0.contains("while tailing 😀\n") }))
            #expect(normalised(collected.text) == header + "[TS] [build] before tail\n[TS] [build] while tailing 😀\n")
            #expect(process.isRunning, "tail keeps following until it is stopped")
            stop(process, pipe)
            #expect(process.terminationReason == .uncaughtSignal)
        }
    }

    @Test func tailCreatesAMissingSessionLog() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ToolRunner.path(of: "oss-log"))
            process.arguments = ["tail"]
            process.environment = box.environment()
            let pipe = Pipe()
            process.standardOutput = pipe
            let collected = OutputCollector()
            pipe.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
            try process.run()
            defer { stop(process, pipe) }
            #expect(collected.wait(until: { $0.contains("─\n") }))
            #expect(FileSystem.exists(box.globalSession + "/session.log"))
            try box.run(["hook", "SessionStart", "START"])
            #expect(collected.wait(until: { $0.contains("SessionStart\n") }))
            #expect(normalised(collected.text).hasSuffix("─\n[TS] [hook] [START] SessionStart\n"))
        }
    }

    // MARK: Maintenance

    @Test func rotateArchivesTheSessionLog() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let none = try box.run(["rotate"])
            #expect(none.status == 0)
            #expect(none.stdout == "No session log to rotate.\n")
            try box.run(["write", "build", "old one"])
            try box.run(["error", "build", "old two"])
            let before = box.text(box.globalSession + "/session.log")
            let result = try box.run(["rotate"])
            #expect(result.status == 0)
            #expect(result.stdout == "Session log rotated and archived.\n")
            #expect(result.stderr == "")
            let archives = FileSystem.listDirectory(box.globalBase + "/archive")
            #expect(archives.count == 1)
            let name = try #require(archives.first)
            #expect(name.wholeMatch(of: /session-\d{8}-\d{6}\.log\.gz/) != nil)
            let content = try #require(Gzip.decompress(try FileSystem.read(box.globalBase + "/archive/" + name)))
            #expect(String(decoding: content, as: UTF8.self) == before)
            #expect(
                normalised(box.text(box.globalSession + "/session.log"))
                    == "[TS] [system] [INFO] Session log rotated (previous archived)\n")
            // Command logs are untouched by rotation.
            #expect(normalised(box.text(box.globalSession + "/build.log")) == "[TS] old one\n[TS] [ERROR] old two\n")
            // A second rotation in the same second gets its own name.
            try box.run(["rotate"])
            #expect(FileSystem.listDirectory(box.globalBase + "/archive").count == 2)
        }
    }

    @Test func sizeLimitRotatesAutomatically() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            // 0.0002 MB = 209 bytes.
            try writeFile(box.home + "/.oss/settings.json", #"{"logs": {"maxSessionSizeMB": 0.0002}}"#)
            for index in 1...6 { try box.run(["write", "build", "line number \(index) padded to some length"]) }
            let archives = FileSystem.listDirectory(box.globalBase + "/archive")
            #expect(!archives.isEmpty)
            var lines: [String] = []
            for name in archives {
                let bytes = try #require(Gzip.decompress(try FileSystem.read(box.globalBase + "/archive/" + name)))
                lines += String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            }
            lines += box.text(box.globalSession + "/session.log").split(separator: "\n").map(String.init)
            let written = lines.filter { !$0.contains("[system] [INFO]") }.map(normalised)
            #expect(written == (1...6).map { "[TS] [build] line number \($0) padded to some length" })
        }
    }

    @Test func cleanPrunesOldAndExcessArchives() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            try writeFile(
                box.home + "/.oss/settings.json", #"{"logs": {"maxArchiveCount": 2, "maxArchiveAgeDays": 3}}"#)
            let archive = box.globalBase + "/archive"
            let now = Int(Date().timeIntervalSince1970)
            let ages = [
                ("session-20200101-000000.log.gz", 10), ("session-20200102-000000.log.gz", 4),
                ("session-20200103-000000.log.gz", 2), ("session-20200104-000000.log.gz", 1),
                ("session-20200105-000000.log.gz", 0),
            ]
            for (name, days) in ages {
                try writeFile(archive + "/" + name, name)
                var times = [
                    timeval(tv_sec: now - days * 86_400 - 60, tv_usec: 0),
                    timeval(tv_sec: now - days * 86_400 - 60, tv_usec: 0),
                ]
                #expect(utimes(archive + "/" + name, &times) == 0)
            }
            try writeFile(box.globalSession + "/build.log", "small\n")
            let result = try box.run(["clean"])
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(
                result.stdout == """
                    Cleaning logs in \(box.globalBase)...
                    Removed 2 archive(s) older than 3 days.
                    Removed 1 archive(s) beyond the newest 2.
                    Truncated 0 command log(s) over 500K.
                    Done.

                    """)
            #expect(
                FileSystem.listDirectory(archive) == [
                    "session-20200104-000000.log.gz", "session-20200105-000000.log.gz",
                ])
            #expect(box.text(box.globalSession + "/build.log") == "small\n")
        }
    }

    @Test func cleanTruncatesOversizedCommandLogs() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            try writeFile(box.home + "/.oss/settings.json", #"{"logs": {"maxCommandLogSizeKB": 4}}"#)
            let lines = (1...1500).map { "entry \($0)" }
            try writeFile(box.globalSession + "/build.log", lines.joined(separator: "\n") + "\n")
            let result = try box.run(["clean"])
            #expect(result.stdout.contains("Truncated 1 command log(s) over 4.0K.\n"))
            let rule = String(repeating: "═", count: 63)
            #expect(
                box.text(box.globalSession + "/build.log")
                    == ([rule, "  [Log truncated - kept last 1000 lines]", rule] + lines.suffix(1000)).joined(
                        separator: "\n") + "\n")
        }
    }

    @Test func purgeNeedsForce() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            try box.run(["write", "build", "x"])
            try box.run(["rotate"])
            let warn = try box.run(["purge"])
            #expect(warn.status == 0)
            #expect(
                warn.stdout == """
                    This deletes every log in \(box.globalSession) and \(box.globalBase)/archive.
                    To confirm, run: oss-log.sh purge --force

                    """)
            #expect(FileSystem.listDirectory(box.globalSession) == ["build.log", "session.log"])
            #expect(FileSystem.listDirectory(box.globalBase + "/archive").count == 1)
            let purge = try box.run(["purge", "--force"])
            #expect(purge.status == 0)
            #expect(purge.stdout == "All logs purged.\n")
            #expect(FileSystem.listDirectory(box.globalSession).isEmpty)
            #expect(FileSystem.listDirectory(box.globalBase + "/archive").isEmpty)
        }
    }

    @Test func archivesListsEachArchiveAndExitsZeroWithNone() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let none = try box.run(["archives"])
            #expect(none.status == 0)
            #expect(none.stdout == "Archived Sessions:\n  (none)\n")
            #expect(none.stderr == "")
            try box.run(["write", "build", "x"])
            try box.run(["rotate"])
            let name = try #require(FileSystem.listDirectory(box.globalBase + "/archive").first)
            let path = box.globalBase + "/archive/" + name
            let size = try #require(FileSystem.size(path))
            let listed = try box.run(["archives"])
            #expect(listed.status == 0)
            #expect(listed.stdout == "Archived Sessions:\n  \(path) (\(size)B)\n")
        }
    }

    @Test func clearSessionMovesTheSessionAside() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            try box.run(["write", "build", "old"])
            let result = try box.run(["clear-session"])
            #expect(result.status == 0)
            #expect(result.stdout == "Session archived. Started fresh session.\n")
            #expect(FileSystem.listDirectory(box.globalSession).isEmpty)
            let moved = FileSystem.listDirectory(box.globalBase).filter { $0.hasPrefix("session-") }
            #expect(moved.count == 1)
            let name = try #require(moved.first)
            #expect(name.wholeMatch(of: /session-\d{8}-\d{6}/) != nil)
            #expect(normalised(box.text(box.globalBase + "/" + name + "/build.log")) == "[TS] old\n")
            try box.run(["write", "build", "new"])
            #expect(normalised(box.text(box.globalSession + "/session.log")) == "[TS] [build] new\n")
        }
    }

    // MARK: Checklist

    @Test func checklistWritesItsBlockAndSummaryAndExitsZero() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let project = try box.directory(box.home + "/proj")
            try writeFile(project + "/.git/HEAD", "ref: refs/heads/feat/login\n")
            try FileSystem.createDirectories(project + "/dev/active")
            let result = try box.run(["checklist", "build"], cwd: project)
            #expect(result.status == 0)
            #expect(result.stdout == "" && result.stderr == "")
            let rule = String(repeating: "═", count: 55)
            #expect(
                normalised(box.text(box.globalSession + "/build.log")) == """

                    [TS] \(rule)
                    IRON LAW COMPLIANCE CHECKLIST (/oss:build complete)
                    \(rule)
                      [✓] LAW #4: Feature branch: feat/login
                      [✓] LAW #1: Tests: no package.json, nothing to check
                      [✓] LAW #2: Types: no tsconfig.json, nothing to check
                      [✓] LAW #6: Dev docs: \(project)/dev/active
                      [?] LAW #3: Loop detection: review manually
                      [?] LAW #5: Agent delegation: review manually
                    \(rule)


                    """)
            #expect(
                normalised(box.text(box.globalSession + "/session.log"))
                    == "[TS] [build] [IRON_LAW] CHECKLIST: 4/4 automated checks passed\n")
        }
    }

    @Test func checklistOnMainWithSkippedTestsStillSummarises() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let project = try box.directory(box.home + "/proj")
            try writeFile(project + "/.git/HEAD", "ref: refs/heads/main\n")
            try writeFile(project + "/package.json", "{}")
            try writeFile(project + "/test/a.test.js", "it.skip('later', () => {})\n")
            let result = try box.run(["checklist", "ship"], cwd: project)
            #expect(result.status == 0)
            let log = box.text(box.globalSession + "/ship.log")
            #expect(log.contains("  [✗] LAW #4: "))
            #expect(log.contains("  [✗] LAW #1: Tests: .skip/.only/.todo in test/a.test.js\n"))
            #expect(log.contains("  [✗] LAW #6: Dev docs: no dev/active directory\n"))
            #expect(
                normalised(box.text(box.globalSession + "/session.log"))
                    == "[TS] [ship] [IRON_LAW] CHECKLIST: 1/4 automated checks passed\n")
        }
    }

    // MARK: Workflow health state

    @Test func workflowGetWithoutCurrentProjectPrintsTheNullState() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let result = try box.run(["workflow", "get"])
            #expect(result.status == 0)
            #expect(
                result.stdout == #"{"currentFeature":null,"lastCompletedStep":null,"lastStepTimestamp":null}"# + "\n")
            #expect(result.stderr == "")
        }
    }

    @Test func workflowSetFeatureCompleteAndClear() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let file = box.home + "/.oss/health-workflow-state.json"
            let name = #"a"b\c"#
            let set = try box.run(["workflow", "set-feature", name])
            #expect(set.status == 0)
            #expect(set.stdout == #"Workflow: Set feature to 'a"b\c'"# + "\n")
            #expect(
                box.text(file)
                    == "{\n  \"currentFeature\": \"a\\\"b\\\\c\",\n  \"lastCompletedStep\": null,\n  \"lastStepTimestamp\": null\n}\n"
            )
            let parsed = try JSONValue.parse(box.text(file))
            #expect(parsed["currentFeature"] == .string(name))
            let get = try box.run(["workflow", "get"])
            #expect(get.stdout == box.text(file))
            let complete = try box.run(["workflow", "complete", "plan"])
            #expect(complete.status == 0)
            let match = try #require(
                complete.stdout.wholeMatch(
                    of: /Workflow: Marked 'plan' as completed at (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z)\n/))
            let stamp = String(match.1)
            let written = try JSONValue.parse(box.text(file))
            #expect(
                written == [
                    "currentFeature": .string(name), "lastCompletedStep": "plan", "lastStepTimestamp": .string(stamp),
                ])
            let age =
                Date().timeIntervalSince1970 - Double(try #require(TimeFormatter.parseISO(stamp)).milliseconds) / 1000
            #expect(age >= 0 && age < 60)
            let clear = try box.run(["workflow", "clear"])
            #expect(clear.stdout == "Workflow: State cleared\n")
            #expect(
                try box.run(["workflow", "get"]).stdout
                    == "{\n  \"currentFeature\": null,\n  \"lastCompletedStep\": null,\n  \"lastStepTimestamp\": null\n}\n"
            )
        }
    }

    @Test func workflowStateFollowsCurrentProjectNotClaudeProjectDir() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let project = try box.directory(box.home + "/proj with space")
            let other = try box.directory(box.home + "/other")
            try FileSystem.createDirectories(project + "/.oss")
            try writeFile(box.home + "/.oss/current-project", project + "\n")
            let result = try box.run(["workflow", "set-feature", "login"], ["CLAUDE_PROJECT_DIR": other])
            #expect(result.status == 0)
            #expect(
                try JSONValue.parse(box.text(project + "/.oss/health-workflow-state.json"))["currentFeature"] == "login"
            )
            #expect(!FileSystem.exists(box.home + "/.oss/health-workflow-state.json"))
            #expect(!FileSystem.exists(other + "/.oss/health-workflow-state.json"))
            // Without a valid current-project the global file is used.
            try writeFile(box.home + "/.oss/current-project", box.elsewhere + "\n")
            try box.run(["workflow", "set-feature", "global"])
            #expect(
                try JSONValue.parse(box.text(box.home + "/.oss/health-workflow-state.json"))["currentFeature"]
                    == "global")
        }
    }

    @Test func corruptWorkflowStateIsMovedAsideWithAWarning() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let file = box.home + "/.oss/health-workflow-state.json"
            try writeFile(file, #"{"currentFeature": "x"#)
            let result = try box.run(["workflow", "complete", "build"])
            #expect(result.status == 0)
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.contains("moved it aside"))
            let aside = FileSystem.listDirectory(box.home + "/.oss").filter {
                $0.hasPrefix("health-workflow-state.json.corrupt-")
            }
            #expect(aside.count == 1)
            #expect(try JSONValue.parse(box.text(file))["lastCompletedStep"] == "build")
        }
    }

    // MARK: Settings

    @Test func invalidSettingsStillLogWithOneWarning() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let settings = box.home + "/.oss/settings.json"
            try writeFile(settings, #"{"logs": {"maxSessionSizeMB": }"#)
            let result = try box.run(["write", "build", "still logged"])
            #expect(result.status == 0)
            #expect(result.stdout == "")
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "exactly one line: \(result.stderr)")
            #expect(result.stderr.contains(settings))
            #expect(normalised(box.text(box.globalSession + "/session.log")) == "[TS] [build] still logged\n")
            let initResult = try box.run(["init", "build"])
            #expect(initResult.status == 0)
            #expect(initResult.stdout == box.globalSession + "/build.log\n")
        }
    }

    // MARK: health-check

    @Test func healthCheckRunsNodeAndPassesItsExitCodeThrough() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let project = try box.directory(box.home + "/proj")
            let plugin = try box.directory(root + "/plugin")
            try writeFile(plugin + "/watcher/dist/cli/health-check.js", "// fake")
            try writeFile(box.home + "/.oss/plugin-root", plugin + "\n")
            try writeFile(box.home + "/.oss/current-project", project + "\n")
            let bin = try box.directory(root + "/bin")
            try writeFile(
                bin + "/node",
                "#!/bin/sh\necho \"args: $*\"\necho \"cwd: $(pwd)\"\necho \"problem\" >&2\nexit 3\n", mode: 0o755)
            let result = try box.run(["health-check"], ["PATH": bin + ":/usr/bin:/bin"])
            #expect(result.status == 3)
            let output = "args: \(plugin)/watcher/dist/cli/health-check.js --verbose\ncwd: \(project)\nproblem\n"
            #expect(
                result.stdout == "Running health check in: \(project)\n\(String(repeating: "─", count: 41))\n" + output)
            #expect(result.stderr == "")
            #expect(box.text(project + "/.oss/logs/current-session/health-check.log") == output)
        }
    }

    @Test func healthCheckNeedsAProjectAndTheCLI() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let noProject = try box.run(["health-check"])
            #expect(noProject.status == 1)
            #expect(noProject.stdout == "No active project. Start a Claude Code session first.\n")
            let project = try box.directory(box.home + "/proj")
            try writeFile(box.home + "/.oss/current-project", project + "\n")
            try writeFile(box.home + "/.oss/plugin-root", root + "/nowhere\n")
            let noCLI = try box.run(["health-check"])
            #expect(noCLI.status == 1)
            #expect(noCLI.stdout == "Health check CLI not found at: \(root)/nowhere/watcher/dist/cli/health-check.js\n")
        }
    }
}

/// Kills a child with SIGKILL and reaps it. (SIGTERM is not enough: a child launched from a Dispatch worker thread
/// inherits that thread's signal mask, in which SIGTERM is blocked.)
private func stop(_ process: Process, _ pipe: Pipe) {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    pipe.fileHandleForReading.readabilityHandler = nil
}

/// Collects a child's output from a readability handler and waits for a condition on it.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }

    /// Polls for up to 10 s.
    func wait(until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if condition(text) { return true }
            usleep(20_000)
        }
        return condition(text)
    }
}
