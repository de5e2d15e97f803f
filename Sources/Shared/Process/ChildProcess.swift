#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way this package starts a process: `posix_spawn` with explicit stdio, the working directory set in the
/// child (never by changing ours), no descriptor of ours inherited, pipes polled against a deadline on the
/// monotonic clock, and the child killed when the deadline passes, stdout overflows or the caller cancels.
package enum ChildProcess {
    /// Serialises pipe creation and spawning: a concurrent spawn must not inherit another child's pipe ends (its
    /// reader would then wait for the wrong child to exit before seeing EOF).
    private static let spawnLock = LockedBox(())

    /// Runs `executable` to completion and returns how it ended.
    ///
    /// - Parameters:
    ///   - directory: the child's working directory (ours is never changed).
    ///   - timeout: seconds until the child is killed (SIGKILL); nil waits for as long as it runs.
    ///   - onStdout: receives each chunk of a captured stdout as it arrives, instead of the result collecting it (no
    ///     limit applies then).
    ///   - cancellation: lets another thread kill the child.
    package static func run(
        _ executable: String, arguments: [String], environment: Environment, directory: String? = nil,
        stdin: ChildInput = .null, stdout: ChildOutput = .capture(limit: 8 * 1_048_576),
        stderr: ChildOutput = .null, timeout: Double? = nil, cancellation: ChildCancellation? = nil,
        onStdout: (([UInt8]) -> Void)? = nil
    ) -> ChildResult {
        guard let started = start(executable, arguments, environment, directory, stdin, stdout, stderr, cancellation)
        else { return .notStarted }
        if let input = started.stdinWrite {
            if case .bytes(let bytes) = stdin {
                try? FileSystem.writeAll(fd: input, bytes: bytes, path: "\(executable) stdin")
            }
            close(input)
        }
        var result = ChildResult(status: nil)
        collect(started, stdout: stdout, stderr: stderr, timeout: timeout, into: &result, onStdout: onStdout)
        result.status = wait(started.pid)
        cancellation?.finished()
        return result
    }

    /// Starts a child that outlives the caller without holding anything of it: a new session, stdin, stdout and
    /// stderr on `/dev/null`, default signal handling, and no other inherited descriptor, so a caller reading our
    /// stdout to EOF (Claude Code's `!` injections) never waits for it. The child is not waited for.
    @discardableResult
    package static func spawnDetached(_ executable: String, arguments: [String], environment: Environment) -> pid_t? {
        let actions = SpawnFileActions()
        for fd: Int32 in 0...2 {
            actions.addOpen(fd: fd, path: "/dev/null", flags: fd == 0 ? O_RDONLY : O_WRONLY)
        }
        actions.closeInheritedDescriptors()
        return spawnLock.withLock { _ in
            actions.spawn(executable, arguments: arguments, environment: environment, newSession: true)
        }
    }

    /// Finds `name` on `PATH` (or returns it when it already contains a `/` and is executable).
    package static func which(_ name: String, environment: Environment) -> String? {
        if name.contains("/") { return FileSystem.isExecutable(name) ? name : nil }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(directory).appendingPathComponent(name)
            if FileSystem.isExecutable(candidate) { return candidate }
        }
        return nil
    }

    /// The exit code of a `waitpid` status (128 + signal number for a signalled child).
    package static func decodeWaitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        if signal == 0 { return (status >> 8) & 0xFF }
        return 128 + signal
    }

    /// `kill(pid, SIGKILL)`.
    static func killChild(_ pid: pid_t) {
        kill(pid, SIGKILL)
    }

    // MARK: - Steps

    private struct Started {
        var pid: pid_t
        var stdinWrite: Int32?
        var stdoutRead: Int32?
        var stderrRead: Int32?
    }

    private static func start(
        _ executable: String, _ arguments: [String], _ environment: Environment, _ directory: String?,
        _ stdin: ChildInput, _ stdout: ChildOutput, _ stderr: ChildOutput, _ cancellation: ChildCancellation?
    ) -> Started? {
        spawnLock.withLock { _ -> Started? in
            var opened: [Int32] = []
            defer { opened.forEach { close($0) } }
            let actions = SpawnFileActions()
            actions.closeInheritedDescriptors()
            if let directory { actions.addChdir(directory) }
            var started = Started(pid: 0)
            switch stdin {
            case .null:
                actions.addOpen(fd: 0, path: "/dev/null", flags: O_RDONLY)
            case .bytes:
                guard let pipe = closeOnExecPipe() else { return nil }
                opened.append(pipe.read)
                started.stdinWrite = pipe.write
                actions.addDup2(pipe.read, to: 0)
            }
            guard route(stdout, fd: 1, actions: actions, opened: &opened, read: &started.stdoutRead) else { return nil }
            if stderr == .mergeWithStdout {
                actions.addDup2(1, to: 2)
            } else {
                guard route(stderr, fd: 2, actions: actions, opened: &opened, read: &started.stderrRead) else {
                    return nil
                }
            }
            let spawn = {
                cancellation?.isCancelled == true
                    ? nil : actions.spawn(executable, arguments: arguments, environment: environment)
            }
            var pid = spawn()
            // ETXTBSY: a script being replaced (or just written by a process that forked) is briefly unexecutable.
            for _ in 0..<3 where pid == nil && FileSystem.isExecutable(executable) {
                usleep(20_000)
                pid = spawn()
            }
            guard let pid else {
                [started.stdinWrite, started.stdoutRead, started.stderrRead].compactMap { $0 }.forEach { close($0) }
                return nil
            }
            started.pid = pid
            // A cancellation that came first kills the child at once; the caller still reaps it.
            _ = cancellation?.started(pid)
            return started
        }
    }

    /// Sets up `fd` in the child for `output` (a captured pipe's read end goes to `read`); false when no pipe could be
    /// made.
    private static func route(
        _ output: ChildOutput, fd: Int32, actions: SpawnFileActions, opened: inout [Int32], read: inout Int32?
    ) -> Bool {
        switch output {
        case .null, .mergeWithStdout:
            actions.addOpen(fd: fd, path: "/dev/null", flags: O_WRONLY)
            return true
        case .appendToFile(let path):
            if let log = openLog(path) {
                opened.append(log)
                actions.addDup2(log, to: fd)
            } else {
                actions.addOpen(fd: fd, path: "/dev/null", flags: O_WRONLY)
            }
            return true
        case .capture:
            guard let pipe = closeOnExecPipe() else { return false }
            opened.append(pipe.write)
            read = pipe.read
            actions.addDup2(pipe.write, to: fd)
            return true
        }
    }

    /// Reads the captured pipes until both close, killing the child at the deadline or on stdout overflow.
    private static func collect(
        _ started: Started, stdout: ChildOutput, stderr: ChildOutput, timeout: Double?, into result: inout ChildResult,
        onStdout: (([UInt8]) -> Void)?
    ) {
        let stdoutLimit = Self.limit(stdout)
        let stderrLimit = Self.limit(stderr)
        let deadline = timeout.map { MonotonicClock.milliseconds() + Int64(($0 * 1000).rounded(.up)) }
        var open = [started.stdoutRead, started.stderrRead].compactMap { $0 }
        defer { open.forEach { close($0) } }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var killed = false
        while !open.isEmpty {
            var wait: Int32 = -1
            if let deadline, !killed {
                let remaining = deadline - MonotonicClock.milliseconds()
                if remaining <= 0 {
                    result.timedOut = true
                    killChild(started.pid)
                    killed = true
                } else {
                    wait = Int32(clamping: remaining)
                }
            }
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for descriptor in descriptors where descriptor.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { posixRead(descriptor.fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 {
                    close(descriptor.fd)
                    open.removeAll { $0 == descriptor.fd }
                    continue
                }
                let chunk = Array(buffer[0..<count])
                if descriptor.fd == started.stdoutRead, let onStdout {
                    onStdout(chunk)
                } else if descriptor.fd == started.stdoutRead {
                    if result.stdout.count + count > stdoutLimit {
                        result.stdout.append(contentsOf: chunk.prefix(stdoutLimit - result.stdout.count))
                        if !result.overflowed {
                            result.overflowed = true
                            killChild(started.pid)
                            killed = true
                        }
                    } else {
                        result.stdout.append(contentsOf: chunk)
                    }
                } else if result.stderr.count < stderrLimit {
                    result.stderr.append(contentsOf: chunk.prefix(stderrLimit - result.stderr.count))
                }
            }
        }
    }

    private static func limit(_ output: ChildOutput) -> Int {
        if case .capture(let limit) = output { return max(0, limit) }
        return 0
    }

    private static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return decodeWaitStatus(status)
    }

    /// `pipe` with both ends close-on-exec (callers hold `spawnLock`, so no spawn sees them before the flag is set).
    private static func closeOnExecPipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    private static func openLog(_ path: String) -> Int32? {
        guard (try? FileSystem.createDirectories(path.deletingLastPathComponent, mode: 0o700)) != nil else {
            return nil
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0o600)
        return fd >= 0 ? fd : nil
    }
}
