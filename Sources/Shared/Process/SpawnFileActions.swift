/// A small owner of `posix_spawn` file actions and the spawn call itself.
package final class SpawnFileActions {
    #if canImport(Darwin)
        private var actions: posix_spawn_file_actions_t? = nil
    #else
        private var actions = posix_spawn_file_actions_t()
    #endif

    /// Empty file actions.
    package init() {
        posix_spawn_file_actions_init(&actions)
    }

    deinit {
        posix_spawn_file_actions_destroy(&actions)
    }

    /// Opens `path` on `fd` in the child.
    package func addOpen(fd: Int32, path: String, flags: Int32) {
        posix_spawn_file_actions_addopen(&actions, fd, path, flags, 0)
    }

    /// Duplicates `source` onto `target` in the child.
    package func addDup2(_ source: Int32, to target: Int32) {
        posix_spawn_file_actions_adddup2(&actions, source, target)
    }

    /// Closes `fd` in the child.
    package func addClose(_ fd: Int32) {
        posix_spawn_file_actions_addclose(&actions, fd)
    }

    /// Spawns `executable` with these actions; `flags` are `posix_spawnattr` flags (e.g. `POSIX_SPAWN_SETSID`).
    /// With `resetSignals` the child starts with no blocked signals and default handlers for the usual ones,
    /// whatever the caller had. Returns the child's pid, or nil when it could not be started.
    package func spawn(
        _ executable: String, arguments: [String], environment: Environment, flags: Int32 = 0,
        resetSignals: Bool = false
    ) -> pid_t? {
        #if canImport(Darwin)
            var attributes: posix_spawnattr_t? = nil
        #else
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var allFlags = flags
        if resetSignals {
            allFlags |= Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
            var empty = sigset_t()
            sigemptyset(&empty)
            posix_spawnattr_setsigmask(&attributes, &empty)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            for signal in [SIGHUP, SIGINT, SIGPIPE, SIGTERM, SIGCHLD] { sigaddset(&defaults, signal) }
            posix_spawnattr_setsigdefault(&attributes, &defaults)
        }
        if allFlags != 0 { posix_spawnattr_setflags(&attributes, Int16(truncatingIfNeeded: allFlags)) }
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.variables.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            (envp + [nil]).withUnsafeBufferPointer { envBuffer in
                posix_spawn(
                    &pid, executable, &actions, &attributes, UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                    UnsafeMutablePointer(mutating: envBuffer.baseAddress!))
            }
        }
        return status == 0 ? pid : nil
    }
}
