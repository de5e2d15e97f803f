/// Runs a child to completion under a deadline, capturing its stdout (capped) and appending its stderr to a log
/// file, so diagnostics are kept without reaching the caller's output (the chain trigger's log, D18).
package enum CapturedProcess {
    /// How a run ended.
    package struct Result: Equatable, Sendable {
        /// The exit status (128 + signal when killed), nil when the child could not be started.
        package var status: Int32?
        /// Everything written to stdout (up to the cap).
        package var stdout: [UInt8]
        /// Whether the deadline passed and the child was killed.
        package var timedOut: Bool
    }

    /// Runs `executable`; stdin is `/dev/null`, stderr goes to `stderrLog` (appended, created 0600) or
    /// `/dev/null`. A child still running after `timeout` seconds is killed with SIGKILL.
    package static func run(
        _ executable: String, arguments: [String], environment: Environment, stderrLog: String?,
        timeout: Double, limit: Int = 8 * 1_048_576
    ) -> Result {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return Result(status: nil, stdout: [], timedOut: false) }
        let readEnd = fds[0]
        let writeEnd = fds[1]
        defer { close(readEnd) }
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        let actions = SpawnFileActions()
        actions.addOpen(fd: 0, path: "/dev/null", flags: O_RDONLY)
        actions.addDup2(writeEnd, to: 1)
        let logFD = stderrLog.flatMap(openLog) ?? -1
        if logFD >= 0 {
            actions.addDup2(logFD, to: 2)
        } else {
            actions.addOpen(fd: 2, path: "/dev/null", flags: O_WRONLY)
        }
        actions.addClose(writeEnd)
        var pid = actions.spawn(executable, arguments: arguments, environment: environment)
        // ETXTBSY: a script being replaced (or written by a process that just forked) is briefly unexecutable.
        for _ in 0..<3 where pid == nil && FileSystem.isExecutable(executable) {
            usleep(20_000)
            pid = actions.spawn(executable, arguments: arguments, environment: environment)
        }
        close(writeEnd)
        if logFD >= 0 { close(logFD) }
        guard let pid else { return Result(status: nil, stdout: [], timedOut: false) }
        let start = monotonicMilliseconds()
        let budget = Int64(timeout * 1000)
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var timedOut = false
        while true {
            let remaining = budget - (monotonicMilliseconds() - start)
            if remaining <= 0 {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(clamping: remaining))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { posixRead(readEnd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count <= 0 { break }
            if output.count < limit { output.append(contentsOf: buffer[0..<min(count, limit - output.count)]) }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return Result(status: ProcessRunner.decodeWaitStatus(status), stdout: output, timedOut: timedOut)
    }

    private static func openLog(_ path: String) -> Int32? {
        guard (try? FileSystem.createDirectories(path.deletingLastPathComponent, mode: 0o700)) != nil else {
            return nil
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        return fd >= 0 ? fd : nil
    }

    private static func monotonicMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
