/// Runs a child process with `posix_spawn`, its stdout and stderr merged into one pipe read by the caller.
package enum ProcessRunner {
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

    /// Runs `executable` with `arguments` in `directory` and hands every chunk of its combined output to `onOutput`.
    /// Returns the exit status (128 + signal for a killed child), or nil when it could not be started. A child still
    /// running after `timeout` seconds is killed.
    package static func run(
        _ executable: String, _ arguments: [String], environment: Environment, directory: String? = nil,
        timeout: Double = 3600, onOutput: ([UInt8]) -> Void
    ) -> Int32? {
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else { return nil }
        let readEnd = pipeFDs[0]
        let writeEnd = pipeFDs[1]
        defer { close(readEnd) }
        let actions = SpawnFileActions()
        actions.addOpen(fd: 0, path: "/dev/null", flags: O_RDONLY)
        actions.addDup2(writeEnd, to: 1)
        actions.addDup2(writeEnd, to: 2)
        actions.addClose(readEnd)
        actions.addClose(writeEnd)
        // posix_spawn has no portable chdir action: change the (single-threaded) tool's own directory around it.
        let previous = directory != nil ? FileSystem.realPath(".") : nil
        if let directory, chdir(directory) != 0 {
            close(writeEnd)
            return nil
        }
        let pid = actions.spawn(executable, arguments: arguments, environment: environment)
        if let previous { chdir(previous) }
        close(writeEnd)
        guard let pid else { return nil }
        let deadline = WallClock.system.now().adding(seconds: Int64(timeout.rounded(.up)))
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var killed = false
        while true {
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 200)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { posixRead(readEnd, $0.baseAddress, $0.count) }
                if count > 0 {
                    onOutput(Array(buffer[0..<count]))
                    continue
                }
                if count == 0 { break }
                if errno != EINTR && errno != EAGAIN { break }
            }
            if !killed, WallClock.system.now() > deadline {
                kill(pid, SIGKILL)
                killed = true
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return decodeWaitStatus(status)
    }

    /// Runs a command and returns its combined output as text, or nil when it could not start or exited non-zero.
    package static func output(
        _ executable: String, _ arguments: [String], environment: Environment, directory: String? = nil,
        timeout: Double = 10
    ) -> String? {
        var collected: [UInt8] = []
        let status = run(
            executable, arguments, environment: environment, directory: directory, timeout: timeout
        ) { collected.append(contentsOf: $0) }
        guard status == 0 else { return nil }
        return String(decoding: collected, as: UTF8.self)
    }

    /// The exit code of a `waitpid` status (128 + signal number for a signalled child).
    package static func decodeWaitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        if signal == 0 { return (status >> 8) & 0xFF }
        return 128 + signal
    }
}
