#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lets another thread kill a child that `ChildProcess.run` is waiting for (an HTTP request whose task was
/// cancelled). Killing before the spawn prevents the spawn.
package final class ChildCancellation: Sendable {
    private let state = LockedBox<(pid: pid_t?, cancelled: Bool)>((nil, false))

    /// A token not yet cancelled.
    package init() {}

    /// Kills the child (SIGKILL) if it runs, and keeps any later one from starting.
    package func cancel() {
        let pid = state.withLock { value -> pid_t? in
            value.cancelled = true
            return value.pid
        }
        if let pid { ChildProcess.killChild(pid) }
    }

    /// Whether `cancel()` was called.
    package var isCancelled: Bool { state.current.cancelled }

    /// Records the running child; false (and the child is killed) when already cancelled.
    func started(_ pid: pid_t) -> Bool {
        let cancelled = state.withLock { value -> Bool in
            value.pid = pid
            return value.cancelled
        }
        if cancelled { ChildProcess.killChild(pid) }
        return !cancelled
    }

    /// Forgets the child once it has been waited for.
    func finished() {
        state.withLock { $0.pid = nil }
    }
}
