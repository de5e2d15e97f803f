import Foundation
import Shared

/// A child started with `posix_spawn` from raw argument bytes (so arguments may be invalid UTF-8), its stdout and
/// stderr going to files; it can be killed at any moment and waited for. `ToolRunner` covers the ordinary cases.
package struct SpawnedProcess: Sendable {
    /// The child's pid.
    package let pid: pid_t
    private let outputPath: String
    private let errorPath: String
    private let start: Date

    /// Starts `executable` with `arguments` (raw bytes, no NUL inside) and exactly `environment`, stdin on
    /// `/dev/null`, stdout and stderr into fresh files under `scratch` (a directory the caller owns). With `cwd`,
    /// `/bin/sh` changes into it and execs the executable (same pid, bytes passed through untouched).
    /// - Throws: `SpawnedProcessError.spawnFailed` with the errno when the child cannot be started.
    package static func start(
        _ executable: String, arguments: [[UInt8]], environment: [String: String], scratch: String,
        cwd: String? = nil
    ) throws -> SpawnedProcess {
        if let cwd {
            let wrapper = [#"cd "$0" && exec "$@""#, cwd, executable].map { Array($0.utf8) }
            return try start(
                "/bin/sh", arguments: [Array("-c".utf8)] + wrapper + arguments,
                environment: environment, scratch: scratch)
        }
        signal(SIGPIPE, SIG_IGN)
        let tag = UUID().uuidString
        let outputPath = scratch.appendingPathComponent(".spawn-\(tag).out")
        let errorPath = scratch.appendingPathComponent(".spawn-\(tag).err")
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([Array(executable.utf8)] + arguments).map(Self.cString)
        let envp = environment.map { Self.cString(Array("\($0.key)=\($0.value)".utf8)) }
        defer {
            argv.forEach { $0?.deallocate() }
            envp.forEach { $0?.deallocate() }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv + [nil], envp + [nil])
        guard status == 0 else { throw SpawnedProcessError.spawnFailed(executable, status) }
        return SpawnedProcess(pid: pid, outputPath: outputPath, errorPath: errorPath, start: Date())
    }

    /// Runs `executable` to completion (killed after `timeout` seconds) and returns what it produced.
    /// - Throws: as `start`, or `ToolRunnerError.timedOut`.
    package static func run(
        _ executable: String, arguments: [[UInt8]], environment: [String: String], scratch: String,
        cwd: String? = nil, timeout: Double = 60
    ) throws -> ToolResult {
        try start(executable, arguments: arguments, environment: environment, scratch: scratch, cwd: cwd)
            .wait(timeout: timeout)
    }

    /// Sends `signal` to the child.
    package func send(signal: Int32) {
        _ = kill(pid, signal)
    }

    /// Waits for the child (killing it after `timeout` seconds, then throwing `ToolRunnerError.timedOut`), removes
    /// the output files and returns the result (status 128 + signal when a signal ended it).
    package func wait(timeout: Double = 60) throws -> ToolResult {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { break }
            if Date() > deadline {
                _ = kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                cleanUp()
                throw ToolRunnerError.timedOut(outputPath, timeout)
            }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(start)
        let stdout = readFile(outputPath) ?? ""
        let stderr = readFile(errorPath) ?? ""
        cleanUp()
        return ToolResult(
            status: ChildProcess.decodeWaitStatus(status), stdout: stdout, stderr: stderr, seconds: seconds)
    }

    private func cleanUp() {
        unlink(outputPath)
        unlink(errorPath)
    }

    private static func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        for (offset, byte) in bytes.enumerated() { pointer[offset] = CChar(bitPattern: byte) }
        pointer[bytes.count] = 0
        return pointer
    }
}

/// Why a child could not be started.
package enum SpawnedProcessError: Error, CustomStringConvertible {
    case spawnFailed(String, Int32)

    package var description: String {
        switch self {
        case .spawnFailed(let path, let code): return "posix_spawn \(path) failed: \(String(cString: strerror(code)))"
        }
    }
}
