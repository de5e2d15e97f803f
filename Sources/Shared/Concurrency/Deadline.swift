#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs async work against a wall-clock deadline that does not depend on the work cooperating.
package enum Deadline {
    /// Returns `operation`'s result, or throws `timeoutError()` once `seconds` have passed.
    ///
    /// The operation runs in its own task and is cancelled on timeout, but the caller is released at the deadline
    /// even if the operation ignores cancellation (a stuck socket read cannot hold the tool past its budget).
    /// Cancelling the calling task cancels the operation and throws `CancellationError`.
    package static func run<T: Sendable>(
        seconds: Double,
        timeoutError: @escaping @Sendable () -> any Error,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let gate = LockedBox<CheckedContinuation<T, any Error>?>(nil)
        let tasks = LockedBox<[Task<Void, Never>]>([])
        let finish: @Sendable (Result<T, any Error>) -> Void = { result in
            guard
                let continuation = gate.withLock({ stored -> CheckedContinuation<T, any Error>? in
                    defer { stored = nil }
                    return stored
                })
            else { return }
            for task in tasks.withLock({ $0 }) { task.cancel() }
            continuation.resume(with: result)
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                gate.withLock { $0 = continuation }
                let work = Task {
                    do {
                        finish(.success(try await operation()))
                    } catch {
                        finish(.failure(error))
                    }
                }
                let timer = Task {
                    let nanoseconds = UInt64(max(0, seconds) * 1_000_000_000)
                    do {
                        try await Task.sleep(nanoseconds: nanoseconds)
                    } catch {
                        return
                    }
                    finish(.failure(timeoutError()))
                }
                tasks.withLock { $0 = [work, timer] }
                // The work may have finished before the handles were stored.
                if gate.withLock({ $0 == nil }) {
                    work.cancel()
                    timer.cancel()
                }
                // A cancellation that arrived before the continuation was stored found nothing to resume.
                if Task.isCancelled { finish(.failure(CancellationError())) }
            }
        } onCancel: {
            finish(.failure(CancellationError()))
        }
    }
}
