import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs async work from a synchronous `main` and waits for it. The tools keep `main` synchronous because an async
/// main that suspends makes a fully static binary's exit slow (compatibility.md#runtime).
package enum BlockingTask {
    /// Runs `body` in a detached task (`main` is main-actor isolated, and the main thread is about to block) and
    /// blocks the calling thread until it returns.
    package static func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let result = LockedBox<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let value = await body()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        guard let value = result.current else { preconditionFailure("the task signalled without a result") }
        return value
    }
}
