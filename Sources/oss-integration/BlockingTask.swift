import Dispatch
import Shared

/// Runs async work from the synchronous `main` and waits for it (a synchronous main keeps a static binary's exit
/// cheap, compatibility.md#runtime).
enum BlockingTask {
    /// Runs `body` on the cooperative pool and blocks the calling thread until it returns.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let result = LockedBox<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await body()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        guard let value = result.current else { preconditionFailure("the task signalled without a result") }
        return value
    }
}
