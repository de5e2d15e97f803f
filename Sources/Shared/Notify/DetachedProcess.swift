/// Starts a child that outlives the caller without holding anything of it (design.md §2): a new session
/// (`POSIX_SPAWN_SETSID`), stdin/stdout/stderr on `/dev/null`, and no other inherited descriptor, so a caller reading
/// our stdout to EOF (Claude Code's `!` injections) never waits for it. The child is not waited for.
package enum DetachedProcess {
    /// Spawns `executable` with `arguments` and `environment`; returns its pid, or nil when it could not start.
    @discardableResult
    package static func spawn(_ executable: String, arguments: [String], environment: Environment) -> pid_t? {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        for fd: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var flags = setsidFlag | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
            // Every descriptor not named in the file actions is closed in the child.
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
            // glibc hides addclosefrom_np from Swift: close each inherited descriptor that would survive exec.
            for fd in inheritableDescriptors() { posix_spawn_file_actions_addclose(&actions, fd) }
        #endif
        posix_spawnattr_setflags(&attributes, Int16(truncatingIfNeeded: flags))
        // The child starts with no blocked signals and default handlers, whatever the caller had.
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGPIPE, SIGTERM, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.variables.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        var argvList = argv + [nil]
        var envList = envp + [nil]
        let status = posix_spawn(&pid, executable, &actions, &attributes, &argvList, &envList)
        return status == 0 ? pid : nil
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
