import Foundation
import Shared
import TestSupport
import Testing

@testable import SessionLog

/// The log engine: line formats, init header, rotation, truncation, clean, purge and clear-session.
struct LogBookTests {
    /// 2026-11-25T21:25:57.123Z.
    private let now = Timestamp(milliseconds: 1_795_641_957_123)
    private let utc = TimeFormatter(zone: .fixed(offsetSeconds: 0))

    private func book(_ root: String, _ configure: (inout Settings) -> Void = { _ in }) throws -> LogBook {
        var settings = Settings()
        configure(&settings)
        let book = LogBook(
            base: root.appendingPathComponent("logs"), settings: settings, clock: .fixed(now), formatter: utc)
        try book.prepare()
        return book
    }

    private func setModificationTime(_ path: String, _ seconds: Int64) {
        var times = [timeval(tv_sec: time_t(seconds), tv_usec: 0), timeval(tv_sec: time_t(seconds), tv_usec: 0)]
        #expect(utimes(path, &times) == 0)
    }

    @Test func prepareCreatesTheDirectories() throws {
        try withTemporaryDirectory { root in
            let book = try book(root)
            #expect(FileSystem.isDirectory(root + "/logs/current-session"))
            #expect(FileSystem.isDirectory(root + "/logs/archive"))
            #expect(book.sessionLog == root + "/logs/current-session/session.log")
            #expect(book.commandLog("build") == root + "/logs/current-session/build.log")
            #expect(book.archiveDir == root + "/logs/archive")
        }
    }

    @Test func writeEntryAndSessionLineFormats() throws {
        try withTemporaryDirectory { root in
            let book = try book(root)
            try book.write(command: "build", message: "free text")
            try book.entry(command: "build", type: "PHASE", message: "RED start")
            try book.entry(command: "build", type: "IRON_LAW", message: "summary", sessionOnly: true)
            try book.sessionLine(tag: "hook", event: "START", text: "SessionStart")
            #expect(readFile(book.commandLog("build")) == "[21:25:57] free text\n[21:25:57] [PHASE] RED start\n")
            #expect(
                readFile(book.sessionLog) == """
                    [21:25:57] [build] free text
                    [21:25:57] [build] [PHASE] RED start
                    [21:25:57] [build] [IRON_LAW] summary
                    [21:25:57] [hook] [START] SessionStart

                    """)
        }
    }

    @Test func startWritesTheHeaderAndTruncates() throws {
        try withTemporaryDirectory { root in
            let book = try book(root)
            try book.write(command: "plan", message: "old line")
            let path = try book.start(command: "plan", pid: 4242)
            #expect(path == book.commandLog("plan"))
            let rule = String(repeating: "═", count: 63)
            #expect(
                readFile(path) == """
                    \(rule)
                      OSS Command: /oss:plan
                      Started: 2026-11-25 21:25:57
                      Session: current-session
                      PID: 4242
                    \(rule)


                    """)
            #expect(
                readFile(book.sessionLog)
                    == "[21:25:57] [plan] old line\n\n[21:25:57] [plan] [INIT] ════════ /oss:plan started ════════\n")
        }
    }

    @Test func sessionLogRotatesOnceItExceedsTheLimit() throws {
        try withTemporaryDirectory { root in
            // 200 bytes.
            let book = try book(root) { $0.maxSessionSizeMB = 200.0 / 1_048_576 }
            var written: [String] = []
            for index in 0..<4 {
                let message = "message \(index) " + String(repeating: "x", count: 30)
                try book.write(command: "c", message: message)
                written.append("[21:25:57] [c] \(message)")
            }
            // Lines of 56 bytes: the 4th pushed the file to 224 bytes and rotated it.
            #expect(readFile(book.sessionLog) == "[21:25:57] [system] [INFO] Session log rotated (previous archived)\n")
            let archives = book.archives()
            #expect(archives == [book.archiveDir + "/session-20261125-212557.log.gz"])
            let content = try #require(Gzip.decompress(try FileSystem.read(archives[0])))
            #expect(String(decoding: content, as: UTF8.self) == written.joined(separator: "\n") + "\n")
            #expect(FileSystem.listDirectory(book.archiveDir) == ["session-20261125-212557.log.gz"])
            // The command log is governed by its own limit and keeps every line.
            #expect(readFile(book.commandLog("c"))?.split(separator: "\n").count == 4)
        }
    }

    @Test func rotationsInTheSameSecondNeverCollide() throws {
        try withTemporaryDirectory { root in
            let book = try book(root)
            for index in 1...3 {
                try book.write(command: "c", message: "round \(index)")
                #expect(try book.rotate())
            }
            #expect(
                FileSystem.listDirectory(book.archiveDir) == [
                    "session-20261125-212557-2.log.gz", "session-20261125-212557-3.log.gz",
                    "session-20261125-212557.log.gz",
                ])
            let first = try #require(
                Gzip.decompress(try FileSystem.read(book.archiveDir + "/session-20261125-212557.log.gz")))
            #expect(String(decoding: first, as: UTF8.self) == "[21:25:57] [c] round 1\n")
            let third = try #require(
                Gzip.decompress(try FileSystem.read(book.archiveDir + "/session-20261125-212557-3.log.gz")))
            #expect(
                String(decoding: third, as: UTF8.self)
                    == "[21:25:57] [system] [INFO] Session log rotated (previous archived)\n[21:25:57] [c] round 3\n")
        }
    }

    @Test func countPruningKeepsTheNewestOfSameSecondArchives() throws {
        try withTemporaryDirectory { root in
            let book = try book(root) { $0.maxArchiveCount = 1 }
            for index in 1...11 {
                try book.write(command: "c", message: "round \(index)")
                #expect(try book.rotate())
            }
            // Same second (and usually the same mtime second): the rotation counter decides which is newest.
            #expect(book.archives().last == book.archiveDir + "/session-20261125-212557-11.log.gz")
            let report = try book.clean()
            #expect(report.excess == 10)
            #expect(FileSystem.listDirectory(book.archiveDir) == ["session-20261125-212557-11.log.gz"])
            let kept = try #require(
                Gzip.decompress(try FileSystem.read(book.archiveDir + "/session-20261125-212557-11.log.gz")))
            #expect(String(decoding: kept, as: UTF8.self).hasSuffix("[21:25:57] [c] round 11\n"))
        }
    }

    @Test func cleanFinishesRotationsAKilledProcessLeftBehind() throws {
        try withTemporaryDirectory { root in
            let book = try book(root)
            let old = now.seconds - 3600
            // Killed after the rename, before compression: a plain archive.
            let plain = book.archiveDir + "/session-20261125-200000.log"
            try writeFile(plain, "[20:00:00] [c] kept\n")
            setModificationTime(plain, old)
            // Killed during compression: a partial temp file beside its intact plain archive.
            let partial = book.archiveDir + "/session-20261125-200100.log"
            try writeFile(partial, "[20:01:00] [c] also kept\n")
            setModificationTime(partial, old)
            let temp = book.archiveDir + "/.session-20261125-200100.log.gz.tmp-1-2"
            try writeFile(temp, "partial")
            setModificationTime(temp, old)
            // Killed after the .gz was renamed into place, before the plain copy was removed.
            let done = book.archiveDir + "/session-20261125-200200.log"
            try writeFile(done, "[20:02:00] [c] done\n")
            try FileSystem.writeAtomically(
                try #require(Gzip.compress(Array("[20:02:00] [c] done\n".utf8))), to: done + ".gz")

            _ = try book.clean()

            #expect(
                FileSystem.listDirectory(book.archiveDir) == [
                    "session-20261125-200000.log.gz", "session-20261125-200100.log.gz",
                    "session-20261125-200200.log.gz",
                ])
            let restored = try #require(Gzip.decompress(try FileSystem.read(plain + ".gz")))
            #expect(String(decoding: restored, as: UTF8.self) == "[20:00:00] [c] kept\n")
        }
    }

    @Test func rotateWithoutASessionLogDoesNothing() throws {
        try withTemporaryDirectory { root in
            let book = try book(root)
            #expect(try !book.rotate())
            #expect(FileSystem.listDirectory(book.archiveDir).isEmpty)
            try book.write(command: "c", message: "small")
            #expect(try !book.rotate(onlyIfOversized: true))
            #expect(readFile(book.sessionLog) == "[21:25:57] [c] small\n")
        }
    }

    @Test func commandLogIsTruncatedToItsLast1000Lines() throws {
        try withTemporaryDirectory { root in
            let book = try book(root) { $0.maxCommandLogSizeKB = 1 }
            let lines = (1...1100).map { "line \($0)" }
            try FileSystem.writeAtomically(Array((lines.joined(separator: "\n") + "\n").utf8), to: book.commandLog("c"))
            try book.entry(command: "c", type: "TEST", message: "PASS")
            let rule = String(repeating: "═", count: 63)
            let expected =
                [rule, "  [Log truncated - kept last 1000 lines]", rule] + Array(lines.suffix(999)) + [
                    "[21:25:57] [TEST] PASS"
                ]
            #expect(readFile(book.commandLog("c")) == expected.joined(separator: "\n") + "\n")
            // session.log is never truncated, and a small command log is left alone.
            #expect(readFile(book.sessionLog) == "[21:25:57] [c] [TEST] PASS\n")
            try book.entry(command: "small", type: "TEST", message: "PASS")
            #expect(try !book.truncate(commandLog: book.commandLog("small"), onlyIfOversized: true))
            #expect(readFile(book.commandLog("small")) == "[21:25:57] [TEST] PASS\n")
        }
    }

    @Test func cleanPrunesArchivesByAgeThenCount() throws {
        try withTemporaryDirectory { root in
            let book = try book(root) {
                $0.maxArchiveAgeDays = 7
                $0.maxArchiveCount = 2
            }
            let day: Int64 = 86_400
            let ages: [(String, Int64)] = [
                ("session-20261115-000000.log.gz", 10 * day), ("session-20261117-000000.log.gz", 7 * day + 1),
                ("session-20261118-000000.log.gz", 7 * day - 60), ("session-20261122-000000.log.gz", 3 * day),
                ("session-20261124-000000.log.gz", 1 * day),
            ]
            for (name, age) in ages {
                let path = book.archiveDir.appendingPathComponent(name)
                try writeFile(path, name)
                setModificationTime(path, now.seconds - age)
            }
            let unrelated = book.archiveDir.appendingPathComponent("notes.txt")
            try writeFile(unrelated, "keep")
            setModificationTime(unrelated, now.seconds - 100 * day)
            let report = try book.clean()
            #expect(report.expired == 2)
            #expect(report.excess == 1)
            #expect(report.truncated == 0)
            #expect(!report.rotated)
            #expect(
                FileSystem.listDirectory(book.archiveDir) == [
                    "notes.txt", "session-20261122-000000.log.gz", "session-20261124-000000.log.gz",
                ])
        }
    }

    @Test func cleanAlsoPrunesClearedSessionsTruncatesAndRotates() throws {
        try withTemporaryDirectory { root in
            let book = try book(root) {
                $0.maxArchiveCount = 1
                $0.maxCommandLogSizeKB = 1
                $0.maxSessionSizeMB = 100.0 / 1_048_576
            }
            let day: Int64 = 86_400
            for (name, age) in [
                ("session-20261101-000000", 20 * day), ("session-20261123-000000", 2 * day),
                ("session-20261124-000000", 1 * day),
            ] {
                let dir = book.base.appendingPathComponent(name)
                try writeFile(dir + "/build.log", "x")
                setModificationTime(dir, now.seconds - age)
            }
            try FileSystem.writeAtomically(
                Array(String(repeating: "y\n", count: 1200).utf8), to: book.commandLog("big"))
            try FileSystem.writeAtomically(Array(String(repeating: "z", count: 300).utf8), to: book.sessionLog)
            let report = try book.clean()
            #expect(report.expired == 1)
            #expect(report.excess == 1)
            #expect(report.truncated == 1)
            #expect(report.rotated)
            #expect(book.clearedSessions() == [book.base + "/session-20261124-000000"])
            #expect(
                readFile(book.commandLog("big"))?.hasPrefix(String(repeating: "═", count: 63) + "\n  [Log truncated")
                    == true)
            #expect(readFile(book.sessionLog) == "[21:25:57] [system] [INFO] Session log rotated (previous archived)\n")
            #expect(book.archives().count == 1)
        }
    }

    @Test func purgeEmptiesBothDirectories() throws {
        try withTemporaryDirectory { root in
            let book = try book(root)
            try book.write(command: "c", message: "x")
            try book.rotate()
            try book.write(command: "c", message: "y")
            try book.purge()
            #expect(FileSystem.listDirectory(book.currentSession).isEmpty)
            #expect(FileSystem.listDirectory(book.archiveDir).isEmpty)
            #expect(FileSystem.isDirectory(book.currentSession) && FileSystem.isDirectory(book.archiveDir))
        }
    }

    @Test func clearSessionMovesTheDirectoryAside() throws {
        try withTemporaryDirectory { root in
            let book = try book(root)
            try book.write(command: "c", message: "first")
            let first = try book.clearSession()
            #expect(first == book.base + "/session-20261125-212557")
            #expect(readFile(first + "/c.log") == "[21:25:57] first\n")
            #expect(FileSystem.listDirectory(book.currentSession).isEmpty)
            try book.write(command: "c", message: "second")
            let second = try book.clearSession()
            #expect(second == book.base + "/session-20261125-212557-2")
            #expect(readFile(second + "/session.log") == "[21:25:57] [c] second\n")
        }
    }

    @Test func resolveUsesTheProjectAndSettings() throws {
        try withTemporaryDirectory { root in
            let home = root.appendingPathComponent("home")
            let project = home.appendingPathComponent("proj")
            try FileSystem.createDirectories(project)
            try writeFile(home + "/.oss/settings.json", #"{"logs": {"maxArchiveCount": 9}}"#)
            let environment = Environment(["HOME": home, "TMPDIR": root + "/t", "CLAUDE_PROJECT_DIR": project])
            let (book, warning) = LogBook.resolve(environment: environment)
            #expect(warning == nil)
            #expect(book.base == project + "/.oss/logs")
            #expect(book.settings.maxArchiveCount == 9)
            try writeFile(home + "/.oss/settings.json", "{")
            let (fallback, problem) = LogBook.resolve(environment: Environment(["HOME": home]))
            #expect(fallback.base == home + "/.oss/logs")
            #expect(fallback.settings == Settings())
            #expect(problem?.contains(home + "/.oss/settings.json") == true)
        }
    }

    @Test func concurrentWritersAndRotationsLoseNoLine() throws {
        try withTemporaryDirectory { root in
            let book = try book(root) { $0.maxSessionSizeMB = 1000.0 / 1_048_576 }
            let count = 400
            DispatchQueue.concurrentPerform(iterations: count) { index in
                _ = try? book.write(command: "c", message: "line \(index)")
            }
            var seen: [String] = []
            for archive in book.archives() {
                let bytes = try #require(Gzip.decompress(try FileSystem.read(archive)))
                seen += String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            }
            seen += (readFile(book.sessionLog) ?? "").split(separator: "\n").map(String.init)
            let lines = seen.filter { !$0.contains("[system] [INFO]") }
            #expect(lines.count == count)
            #expect(Set(lines) == Set((0..<count).map { "[21:25:57] [c] line \($0)" }))
            #expect(book.archives().count > 3)
        }
    }
}
