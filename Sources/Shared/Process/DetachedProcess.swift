/// Starts a child that outlives the caller without holding anything of it (compatibility.md#runtime): a new session
/// (`POSIX_SPAWN_SETSID`), stdin/stdout/stderr on `/dev/null`, and no other inherited descriptor, so a caller reading
/// our stdout to EOF (Claude Code's `!` injections) never waits for it. The child is not waited for.
package enum DetachedProcess {
    /// Spawns `executable` with `arguments` and `environment`; returns its pid, or nil when it could not start.
    @discardableResult
    package static func spawn(_ executable: String, arguments: [String], environment: Environment) -> pid_t? {
        let actions = SpawnFileActions()
        for fd: Int32 in 0...2 {
            actions.addOpen(fd: fd, path: "/dev/null", flags: fd == 0 ? O_RDONLY : O_WRONLY)
        }
        var flags = setsidFlag
        #if canImport(Darwin)
            // Every descriptor not named in the file actions is closed in the child.
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
            // glibc hides addclosefrom_np from Swift: close each inherited descriptor that would survive exec.
            for fd in inheritableDescriptors() { actions.addClose(fd) }
        #endif
        return actions.spawn(
            executable, arguments: arguments, environment: environment, flags: flags, resetSignals: true)
    }

    #if canImport(Darwin)
        private static let setsidFlag = Int32(POSIX_SPAWN_SETSID)
    #else
        /// glibc's `POSIX_SPAWN_SETSID` (`<spawn.h>`, glibc ≥ 2.26), which the Glibc module does not export.
        private static let setsidFlag: Int32 = 0x80

        /// Descriptors 3 and up that are open without close-on-exec (listed from `/proc/self/fd`).
        private static func inheritableDescriptors() -> [Int32] {
            let names = FileSystem.listDirectory("/proc/self/fd")
            let candidates = names.isEmpty ? Array(3..<256) : names.compactMap { Int32($0) }.filter { $0 >= 3 }
            return candidates.filter { fd in
                let flags = fcntl(fd, F_GETFD)
                return flags >= 0 && flags & FD_CLOEXEC == 0
            }
        }
    #endif
}
