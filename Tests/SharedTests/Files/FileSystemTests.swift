import Foundation
import Shared
import TestSupport
import Testing

@testable import Shared

/// POSIX file primitives: appends, atomic replacement, directories, locks, moving aside, listing.
struct FileSystemTests {
    private func mode(_ path: String) -> mode_t {
        var status = stat()
        _ = stat(path, &status)
        return status.st_mode & 0o7777
    }

    @Test func appendLineAddsANewlineAndReturnsTheSize() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("a.log")
            let sizes = try ["first", "é😀", ""].map { line throws(FileError) in
                try FileSystem.appendLine(line, to: path)
            }
            #expect(sizes == [6, 6 + 7, 14])
            #expect(readFile(path) == "first\né😀\n\n")
            #expect(FileSystem.size(path) == 14)
        }
    }

    @Test func appendLineKeepsEmbeddedNewlines() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("a.log")
            try FileSystem.appendLine("one\ntwo", to: path)
            #expect(readFile(path) == "one\ntwo\n")
        }
    }

    @Test func concurrentAppendsNeverInterleave() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("a.log")
            // Long lines make a torn write visible; each line is one write(2) on an O_APPEND descriptor.
            let lines = (0..<400).map { index in
                "line \(index) " + String(repeating: Character(UnicodeScalar(65 + index % 26)!), count: 8000)
            }
            DispatchQueue.concurrentPerform(iterations: lines.count) { index in
                _ = try? FileSystem.appendLine(lines[index], to: path)
            }
            let written = try #require(readFile(path)).split(separator: "\n").map(String.init)
            #expect(written.count == lines.count)
            #expect(Set(written) == Set(lines))
        }
    }

    @Test func writeAtomicallyCreatesWithTheModeAndReplaces() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("state.json")
            try FileSystem.writeAtomically(Array("one".utf8), to: path, mode: 0o600)
            #expect(readFile(path) == "one")
            #expect(mode(path) == 0o600)
            try FileSystem.writeAtomically(Array("two, longer".utf8), to: path, mode: 0o600)
            #expect(readFile(path) == "two, longer")
            #expect(mode(path) == 0o600)
            try FileSystem.writeAtomically(Array("x".utf8), to: path, mode: 0o644)
            #expect(readFile(path) == "x")
            #expect(mode(path) == 0o644)
            // No temp files are left behind.
            #expect(FileSystem.listDirectory(root) == ["state.json"])
        }
    }

    @Test func writeAtomicallyReplacesTheInodeSoOpenReadersKeepTheOldFile() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("f")
            try FileSystem.writeAtomically(Array("old".utf8), to: path)
            let fd = open(path, O_RDONLY)
            defer { close(fd) }
            try FileSystem.writeAtomically(Array("new".utf8), to: path)
            #expect(String(decoding: try FileSystem.readAll(fd: fd, path: path), as: UTF8.self) == "old")
            #expect(readFile(path) == "new")
        }
    }

    @Test func writeAtomicallyIntoAMissingDirectoryThrowsNamingThePath() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("missing/f")
            do throws(FileError) {
                try FileSystem.writeAtomically([1], to: path)
                Issue.record("expected a failure")
            } catch {
                #expect(error.path == path)
                #expect(error.code == ENOENT)
                #expect(error.exitStatus == .noInput)
                #expect(error.description.contains(path))
            }
        }
    }

    @Test func createDirectoriesMakesParentsWithTheMode() throws {
        try withTemporaryDirectory { root in
            let deep = root.appendingPathComponent("a/b/c")
            try FileSystem.createDirectories(deep, mode: 0o700)
            #expect(FileSystem.isDirectory(deep))
            for path in [root + "/a", root + "/a/b", deep] { #expect(mode(path) == 0o700) }
            // Existing directories are left alone.
            try FileSystem.createDirectories(root.appendingPathComponent("a"), mode: 0o755)
            #expect(mode(root + "/a") == 0o700)
            try FileSystem.createDirectories(root.appendingPathComponent("open"), mode: 0o755)
            #expect(mode(root + "/open") == 0o755)
        }
    }

    @Test func createDirectoriesThroughAFileFails() throws {
        try withTemporaryDirectory { root in
            let file = root.appendingPathComponent("file")
            try writeFile(file, "x")
            #expect(throws: FileError.self) { try FileSystem.createDirectories(file.appendingPathComponent("sub")) }
            #expect(throws: FileError.self) { try FileSystem.createDirectories(file) }
        }
    }

    @Test func exclusiveLockExcludesOtherThreads() throws {
        try withTemporaryDirectory { root in
            let lock = root.appendingPathComponent("x.lock")
            let state = LockProbe()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                for _ in 0..<10 {
                    try? FileSystem.withExclusiveLock(lock) {
                        state.enter()
                        usleep(500)
                        state.leave()
                    }
                }
            }
            #expect(state.maximum == 1)
            #expect(state.total == 80)
            #expect(mode(lock) == 0o600)
        }
    }

    @Test func sharedLocksOverlapButExcludeTheExclusiveHolder() throws {
        try withTemporaryDirectory { root in
            let lock = root.appendingPathComponent("x.lock")
            let readers = LockProbe()
            let writerInside = LockProbe()
            DispatchQueue.concurrentPerform(iterations: 6) { index in
                if index == 0 {
                    for _ in 0..<5 {
                        try? FileSystem.withExclusiveLock(lock) {
                            writerInside.enter()
                            if readers.current > 0 { writerInside.flag() }
                            usleep(2000)
                            writerInside.leave()
                        }
                    }
                } else {
                    for _ in 0..<20 {
                        try? FileSystem.withSharedLock(lock) {
                            readers.enter()
                            if writerInside.current > 0 { writerInside.flag() }
                            usleep(1000)
                            readers.leave()
                        }
                    }
                }
            }
            #expect(!writerInside.flagged)
            #expect(readers.total == 100)
            #expect(writerInside.total == 5)
        }
    }

    @Test func lockBodyErrorsPropagate() throws {
        try withTemporaryDirectory { root in
            struct Boom: Error {}
            #expect(throws: Boom.self) {
                try FileSystem.withExclusiveLock(root.appendingPathComponent("l")) { throw Boom() }
            }
            // The lock was released: taking it again does not block.
            let again = try FileSystem.withExclusiveLock(root.appendingPathComponent("l")) { 42 }
            #expect(again == 42)
        }
    }

    @Test func moveAsideUsesAUTCStamp() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("state.json")
            try writeFile(path, "{broken")
            let target = FileSystem.moveAside(path, now: Timestamp(milliseconds: 1_795_641_957_123))
            #expect(target == path + ".corrupt-20261125T212557123Z")
            #expect(!FileSystem.exists(path))
            #expect(readFile(path + ".corrupt-20261125T212557123Z") == "{broken")
            #expect(
                FileSystem.moveAside(root.appendingPathComponent("missing"), now: Timestamp(milliseconds: 0)) == nil)
        }
    }

    @Test func listDirectoryIsSortedWithoutDotEntries() throws {
        try withTemporaryDirectory { root in
            for name in ["b", "a", "C", ".hidden", "a b"] { try writeFile(root.appendingPathComponent(name), "") }
            try FileSystem.createDirectories(root.appendingPathComponent("dir"))
            #expect(FileSystem.listDirectory(root) == [".hidden", "C", "a", "a b", "b", "dir"])
            #expect(FileSystem.listDirectory(root.appendingPathComponent("missing")) == [])
        }
    }

    @Test func readReportsMissingFiles() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("missing")
            #expect(FileSystem.readIfPresent(path) == nil)
            #expect(throws: FileError(path: path, operation: "open", code: ENOENT)) { try FileSystem.read(path) }
            #expect(!FileSystem.exists(path) && !FileSystem.isDirectory(path) && FileSystem.size(path) == nil)
            let big = [UInt8](repeating: 7, count: 200_000)
            try FileSystem.writeAtomically(big, to: root.appendingPathComponent("big"))
            #expect(try FileSystem.read(root.appendingPathComponent("big")) == big)
        }
    }

    @Test func removeTreeAndPredicates() throws {
        try withTemporaryDirectory { root in
            let tree = root.appendingPathComponent("t")
            try writeFile(tree + "/x/y/z.txt", "z")
            let script = root.appendingPathComponent("run.sh")
            try writeFile(script, "#!/bin/sh\n", mode: 0o755)
            #expect(FileSystem.isExecutable(script))
            #expect(!FileSystem.isExecutable(tree))
            #expect(FileSystem.isRegularFile(tree + "/x/y/z.txt"))
            FileSystem.removeTree(tree)
            #expect(!FileSystem.exists(tree))
            FileSystem.removeTree(tree)
            FileSystem.remove(script)
            #expect(!FileSystem.exists(script))
        }
    }

    @Test func pathHelpers() {
        #expect("/a/b".appendingPathComponent("c") == "/a/b/c")
        #expect("/a/b/".appendingPathComponent("c") == "/a/b/c")
        #expect("".appendingPathComponent("c") == "c")
        #expect("/a/b.log".lastPathComponent == "b.log")
        #expect("/a/b/".lastPathComponent == "b")
        #expect("/".lastPathComponent == "/")
        #expect("/a/b".deletingLastPathComponent == "/a")
        #expect("/a".deletingLastPathComponent == "/")
        #expect("a".deletingLastPathComponent == ".")
        #expect("  a b \t\r\n".trimmingWhitespace == "a b")
        #expect(" \n ".trimmingWhitespace == "")
        #expect("x\u{0B}\u{0C}".trimmingWhitespace == "x")
    }
}

/// Counts how many threads are inside a critical section at once.
private final class LockProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var inside = 0
    private(set) var maximum = 0
    private(set) var total = 0
    private(set) var flagged = false

    var current: Int { lock.withLock { inside } }

    func enter() {
        lock.withLock {
            inside += 1
            total += 1
            maximum = max(maximum, inside)
        }
    }

    func leave() { lock.withLock { inside -= 1 } }
    func flag() { lock.withLock { flagged = true } }
}
