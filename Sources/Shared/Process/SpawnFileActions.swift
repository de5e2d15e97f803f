import CSpawn

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `posix_spawn` file actions and attributes of one child, and the spawn call itself (used by `ChildProcess`).
final class SpawnFileActions {
    #if canImport(Darwin)
        private var actions: posix_spawn_file_actions_t? = nil
    #else
        private var actions = posix_spawn_file_actions_t()
    #endif

    /// Empty file actions.
    init() {
        posix_spawn_file_actions_init(&actions)
    }

    deinit {
        posix_spawn_file_actions_destroy(&actions)
    }

    /// Opens `path` on `fd` in the child.
    func addOpen(fd: Int32, path: String, flags: Int32) {
        posix_spawn_file_actions_addopen(&actions, fd, path, flags, 0)
    }

    /// Duplicates `source` onto `target` in the child.
    func addDup2(_ source: Int32, to target: Int32) {
        posix_spawn_file_actions_adddup2(&actions, source, target)
    }

    /// Closes `fd` in the child.
    func addClose(_ fd: Int32) {
        posix_spawn_file_actions_addclose(&actions, fd)
    }

    /// Changes the child's working directory (ours stays where it is).
    func addChdir(_ directory: String) {
        oss_spawn_file_actions_addchdir(&actions, directory)
    }

    /// Keeps every descriptor we hold out of the child: on Darwin `POSIX_SPAWN_CLOEXEC_DEFAULT` (set in `spawn`)
    /// does it; elsewhere each descriptor above 2 open without close-on-exec is closed in the child (glibc hides
    /// `addclosefrom_np` from Swift). Descriptors that file actions add later are not affected.
    func closeInheritedDescriptors() {
        #if !canImport(Darwin)
            let names = FileSystem.listDirectory("/proc/self/fd")
            let candidates = names.isEmpty ? Array(3..<256) : names.compactMap { Int32($0) }.filter { $0 > 2 }
            for fd in candidates {
                let flags = fcntl(fd, F_GETFD)
                if flags >= 0 && flags & FD_CLOEXEC == 0 { addClose(fd) }
            }
        #endif
    }

    /// Spawns `executable`; the child starts with no blocked signals and default handlers for the usual ones
    /// (whatever the caller had), in a new session with `newSession`. Returns its pid, or nil when it could not start.
    func spawn(_ executable: String, arguments: [String], environment: Environment, newSession: Bool = false) -> pid_t?
    {
        #if canImport(Darwin)
            var attributes: posix_spawnattr_t? = nil
            var flags = Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
            if newSession { flags |= Int32(POSIX_SPAWN_SETSID) }
        #else
            var attributes = posix_spawnattr_t()
            /// glibc's `POSIX_SPAWN_SETSID` (`<spawn.h>`, glibc ≥ 2.26), which the Glibc module does not export.
            var flags: Int32 = newSession ? 0x80 : 0
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        flags |= Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGPIPE, SIGTERM, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(truncatingIfNeeded: flags))
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.variables.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        var argvPointers = argv + [nil]
        var envPointers = envp + [nil]
        let status = argvPointers.withUnsafeMutableBufferPointer { argvBuffer in
            envPointers.withUnsafeMutableBufferPointer { envBuffer in
                guard let argv = argvBuffer.baseAddress, let envp = envBuffer.baseAddress else { return EINVAL }
                return posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            }
        }
        return status == 0 ? pid : nil
    }
}
