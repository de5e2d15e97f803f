import Foundation
import Shared
import TestSupport
import Testing

@testable import Shared

/// Child processes via posix_spawn: lookup, merged output, working directory, exit codes and timeouts.
@Suite(.timeLimit(.minutes(2)))
struct ChildProcessTests {
    private let environment = Environment(["PATH": "/usr/bin:/bin"])

    @Test func whichSearchesPathAndAcceptsExecutablePaths() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/bin/tool", "#!/bin/sh\n", mode: 0o755)
            try writeFile(root + "/bin/plain", "not executable", mode: 0o644)
            let env = Environment(["PATH": "/nonexistent::" + root + "/bin"])
            #expect(ChildProcess.which("tool", environment: env) == root + "/bin/tool")
            #expect(ChildProcess.which("plain", environment: env) == nil)
            #expect(ChildProcess.which("missing", environment: env) == nil)
            #expect(ChildProcess.which(root + "/bin/tool", environment: env) == root + "/bin/tool")
            #expect(ChildProcess.which(root + "/bin/plain", environment: env) == nil)
        }
    }

    @Test func mergesStdoutAndStderrAndReturnsTheStatus() throws {
        try withTemporaryDirectory { root in
            var output: [UInt8] = []
            let result = ChildProcess.run(
                "/bin/sh", arguments: ["-c", "echo out; echo err >&2; pwd; exit 7"], environment: environment,
                directory: root, stderr: .mergeWithStdout
            ) { output += $0 }
            #expect(result.status == 7)
            #expect(result.stdout.isEmpty)
            #expect(String(decoding: output, as: UTF8.self) == "out\nerr\n\(root)\n")
            // The caller's own directory is restored.
            #expect(FileSystem.realPath(".") != root)
        }
    }

    @Test func childSeesOnlyTheGivenEnvironmentAndNoStdin() {
        let env = Environment(["PATH": "/usr/bin:/bin", "ONLY_THIS": "yes"])
        let result = ChildProcess.run(
            "/bin/sh", arguments: ["-c", "echo \"$ONLY_THIS-${HOME:-nohome}\"; cat"], environment: env)
        #expect(result.status == 0)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "yes-nohome\n")
    }

    @Test func outputIsNilOnFailureOrWhenTheProgramCannotStart() {
        #expect(ChildProcess.run("/bin/sh", arguments: ["-c", "exit 1"], environment: environment).status == 1)
        #expect(ChildProcess.run("/nonexistent/program", arguments: [], environment: environment) == .notStarted)
    }

    @Test func aChildStillRunningAfterTheTimeoutIsKilled() {
        let start = MonotonicClock.milliseconds()
        let result = ChildProcess.run(
            "/bin/sh", arguments: ["-c", "exec sleep 30"], environment: environment, timeout: 1)
        #expect(result.status == 128 + SIGKILL)
        #expect(result.timedOut)
        #expect(MonotonicClock.milliseconds() - start < 10_000)
    }

    @Test func decodesWaitStatuses() {
        #expect(ChildProcess.decodeWaitStatus(0) == 0)
        #expect(ChildProcess.decodeWaitStatus(3 << 8) == 3)
        #expect(ChildProcess.decodeWaitStatus(SIGTERM) == 128 + SIGTERM)
    }

    @Test func currentEnvironmentIsReadFromTheProcess() {
        let current = Environment.current()
        #expect(current["PATH"] != nil)
        #expect(Environment(["A": ""]).nonEmpty("A") == nil)
        #expect(Environment(["A": "1"]).nonEmpty("A") == "1")
        #expect(Environment(["HOME": "/h"]).home == "/h")
        #expect(Environment(["HOME": ""]).home == UserDatabase.current()?.home)
    }

    @Test func stdinBytesReachTheChildAndStderrIsCapturedApart() {
        let result = ChildProcess.run(
            "/bin/sh", arguments: ["-c", "cat; echo oops >&2"], environment: environment,
            stdin: .bytes(Array("hello".utf8)), stderr: .capture(limit: 3))
        #expect(result.status == 0)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "hello")
        #expect(String(decoding: result.stderr, as: UTF8.self) == "oop")
    }

    @Test func stdoutOverTheLimitKillsTheChild() {
        let result = ChildProcess.run(
            "/bin/sh", arguments: ["-c", "while :; do echo 0123456789; done"], environment: environment,
            stdout: .capture(limit: 100_000), timeout: 20)
        #expect(result.overflowed)
        #expect(!result.timedOut)
        #expect(result.stdout.count == 100_000)
        #expect(result.status == 128 + SIGKILL)
    }

    @Test func stderrAppendsToALogFileCreatedPrivate() throws {
        try withTemporaryDirectory { root in
            let log = root + "/logs/child.log"
            for word in ["one", "two"] {
                let result = ChildProcess.run(
                    "/bin/sh", arguments: ["-c", "echo \(word) >&2"], environment: environment,
                    stderr: .appendToFile(log))
                #expect(result.status == 0)
            }
            #expect(String(decoding: FileSystem.readIfPresent(log) ?? [], as: UTF8.self) == "one\ntwo\n")
            var info = stat()
            #expect(stat(log, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600)
        }
    }

    @Test func cancellingFromAnotherThreadKillsTheChild() {
        let cancellation = ChildCancellation()
        let thread = Thread {
            usleep(200_000); cancellation.cancel()
        }
        thread.start()
        let start = MonotonicClock.milliseconds()
        let result = ChildProcess.run(
            "/bin/sh", arguments: ["-c", "exec sleep 30"], environment: environment, cancellation: cancellation)
        #expect(result.status == 128 + SIGKILL)
        #expect(MonotonicClock.milliseconds() - start < 10_000)
        // A cancelled token keeps any later child from starting.
        #expect(
            ChildProcess.run("/bin/true", arguments: [], environment: environment, cancellation: cancellation)
                == .notStarted)
    }

    @Test func ourDescriptorsAreNotInherited() throws {
        try withTemporaryDirectory { root in
            let fd = open(root + "/held", O_WRONLY | O_CREAT, 0o600)  // no O_CLOEXEC on purpose
            defer { close(fd) }
            let result = ChildProcess.run(
                "/bin/sh", arguments: ["-c", "ls /proc/self/fd"], environment: environment)
            let fds = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").compactMap { Int32($0) }
            #expect(!fds.contains(fd))
        }
    }

    @Test func aDetachedChildRunsInItsOwnSession() throws {
        try withTemporaryDirectory { root in
            let marker = root + "/sid"
            let pid = ChildProcess.spawnDetached(
                "/bin/sh", arguments: ["-c", "ps -o sid= -p $$ > \(marker).tmp; mv \(marker).tmp \(marker)"],
                environment: environment)
            #expect(pid != nil)
            var waited = 0
            while !FileSystem.exists(marker), waited < 100 {
                usleep(50_000)
                waited += 1
            }
            let sid = String(decoding: FileSystem.readIfPresent(marker) ?? [], as: UTF8.self).trimmingWhitespace
            #expect(sid == pid.map(String.init))
            if let pid { waitpid(pid, nil, 0) }
        }
    }
}
