import Shared
import TestSupport
import Testing

@testable import Shared

/// Child processes via posix_spawn: lookup, merged output, working directory, exit codes and timeouts.
struct ProcessRunnerTests {
    private let environment = Environment(["PATH": "/usr/bin:/bin"])

    @Test func whichSearchesPathAndAcceptsExecutablePaths() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/bin/tool", "#!/bin/sh\n", mode: 0o755)
            try writeFile(root + "/bin/plain", "not executable", mode: 0o644)
            let env = Environment(["PATH": "/nonexistent::" + root + "/bin"])
            #expect(ProcessRunner.which("tool", environment: env) == root + "/bin/tool")
            #expect(ProcessRunner.which("plain", environment: env) == nil)
            #expect(ProcessRunner.which("missing", environment: env) == nil)
            #expect(ProcessRunner.which(root + "/bin/tool", environment: env) == root + "/bin/tool")
            #expect(ProcessRunner.which(root + "/bin/plain", environment: env) == nil)
        }
    }

    @Test func mergesStdoutAndStderrAndReturnsTheStatus() throws {
        try withTemporaryDirectory { root in
            var output: [UInt8] = []
            let status = ProcessRunner.run(
                "/bin/sh", ["-c", "echo out; echo err >&2; pwd; exit 7"], environment: environment, directory: root
            ) { output += $0 }
            #expect(status == 7)
            #expect(String(decoding: output, as: UTF8.self) == "out\nerr\n\(root)\n")
            // The caller's own directory is restored.
            #expect(FileSystem.realPath(".") != root)
        }
    }

    @Test func childSeesOnlyTheGivenEnvironmentAndNoStdin() {
        let env = Environment(["PATH": "/usr/bin:/bin", "ONLY_THIS": "yes"])
        let text = ProcessRunner.output(
            "/bin/sh", ["-c", "echo \"$ONLY_THIS-${HOME:-nohome}\"; cat"], environment: env)
        #expect(text == "yes-nohome\n")
    }

    @Test func outputIsNilOnFailureOrWhenTheProgramCannotStart() {
        #expect(ProcessRunner.output("/bin/sh", ["-c", "echo x; exit 1"], environment: environment) == nil)
        #expect(ProcessRunner.output("/nonexistent/program", [], environment: environment) == nil)
        #expect(ProcessRunner.run("/nonexistent/program", [], environment: environment) { _ in } == nil)
    }

    @Test func aChildStillRunningAfterTheTimeoutIsKilled() {
        let start = WallClock.system.now()
        let status = ProcessRunner.run("/bin/sh", ["-c", "exec sleep 30"], environment: environment, timeout: 1) { _ in
        }
        #expect(status == 128 + SIGKILL)
        #expect(WallClock.system.now().milliseconds - start.milliseconds < 10_000)
    }

    @Test func decodesWaitStatuses() {
        #expect(ProcessRunner.decodeWaitStatus(0) == 0)
        #expect(ProcessRunner.decodeWaitStatus(3 << 8) == 3)
        #expect(ProcessRunner.decodeWaitStatus(SIGTERM) == 128 + SIGTERM)
    }

    @Test func currentEnvironmentIsReadFromTheProcess() {
        let current = Environment.current()
        #expect(current["PATH"] != nil)
        #expect(Environment(["A": ""]).nonEmpty("A") == nil)
        #expect(Environment(["A": "1"]).nonEmpty("A") == "1")
        #expect(Environment(["HOME": "/h"]).home == "/h")
        #expect(Environment(["HOME": ""]).home == UserDatabase.current()?.home)
    }
}
