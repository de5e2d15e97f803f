#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The source of "now", injectable so tests control time.
package struct WallClock: Sendable {
    private let read: @Sendable () -> Timestamp

    /// A clock reading `read`.
    package init(_ read: @escaping @Sendable () -> Timestamp) {
        self.read = read
    }

    /// The current time.
    package func now() -> Timestamp {
        read()
    }

    /// The system's real-time clock.
    package static let system = WallClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    /// A clock stopped at `timestamp`.
    package static func fixed(_ timestamp: Timestamp) -> WallClock {
        WallClock { timestamp }
    }
}
