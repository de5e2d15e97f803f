#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a descriptor (standard input by default) with a size cap and an overall deadline, using `poll(2)`.
///
/// Claude Code sometimes never closes a hook's stdin, so a plain read-to-EOF can hang forever. This reader stops at
/// end of input, at `limit` bytes, when `deadlineMilliseconds` have passed since the call started, or as soon as
/// `isComplete` accepts what has arrived so far (e.g. "the bytes form a whole JSON value").
package struct StdinReader: Sendable {
    /// Why reading stopped.
    package enum Outcome: Equatable, Sendable {
        /// The writer closed its end (or the file ended).
        case endOfInput
        /// `isComplete` accepted the bytes before the end of input.
        case complete
        /// `limit` bytes arrived; anything beyond was not read.
        case limitReached
        /// The deadline passed before the end of input.
        case deadlineReached
        /// The descriptor was invalid or a read failed.
        case readError
    }

    /// What was read, and why reading stopped.
    package struct Result: Equatable, Sendable {
        /// The bytes read (at most `limit`).
        package var bytes: [UInt8]
        /// Why reading stopped.
        package var outcome: Outcome

        /// A result.
        package init(bytes: [UInt8], outcome: Outcome) {
            self.bytes = bytes
            self.outcome = outcome
        }
    }

    /// The most bytes kept (default 1 MiB).
    package var limit: Int
    /// The overall read deadline in milliseconds from the start of `read` (default 200 ms).
    package var deadlineMilliseconds: Int

    /// A reader with the given cap and deadline.
    package init(limit: Int = 1_048_576, deadlineMilliseconds: Int = 200) {
        self.limit = limit
        self.deadlineMilliseconds = deadlineMilliseconds
    }

    /// Reads `fd` until end of input, the cap, the deadline or `isComplete` returns true; never blocks longer than
    /// the deadline (the descriptor is only read after `poll` reports it readable).
    package func read(fd: Int32 = 0, isComplete: (([UInt8]) -> Bool)? = nil) -> Result {
        var bytes: [UInt8] = []
        let start = Self.monotonicMilliseconds()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while bytes.count < limit {
            let remaining = deadlineMilliseconds - Int(Self.monotonicMilliseconds() - start)
            if remaining <= 0 { return Result(bytes: bytes, outcome: .deadlineReached) }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(clamping: remaining))
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return Result(bytes: bytes, outcome: .readError)
            }
            if ready == 0 { return Result(bytes: bytes, outcome: .deadlineReached) }
            if descriptor.revents & Int16(POLLNVAL) != 0 { return Result(bytes: bytes, outcome: .readError) }
            let wanted = min(buffer.count, limit - bytes.count)
            let count = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                return Result(bytes: bytes, outcome: .readError)
            }
            if count == 0 { return Result(bytes: bytes, outcome: .endOfInput) }
            bytes.append(contentsOf: buffer[0..<count])
            if let isComplete, isComplete(bytes) { return Result(bytes: bytes, outcome: .complete) }
        }
        return Result(bytes: bytes, outcome: .limitReached)
    }

    private static func monotonicMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
