/// Limits and filters for one scan.
package struct ScanOptions: Sendable {
    /// Only findings at this boundary are reported (evidence is always collected in full).
    package var boundary: Boundary?
    /// Files larger than this many bytes are skipped and listed as oversize.
    package var maxFileSize: Int
    /// The walk stops (budget exhausted) after visiting this many files.
    package var maxFiles: Int
    /// The walk stops (budget exhausted) once this many seconds have elapsed.
    package var timeBudget: Double
    /// Monotonic seconds; injectable so tests can exhaust the time budget deterministically.
    package var clock: @Sendable () -> Double

    /// Creates options; the defaults suit an interactive run on a large repository.
    package init(
        boundary: Boundary? = nil,
        maxFileSize: Int = 1 << 20,
        maxFiles: Int = 200_000,
        timeBudget: Double = 30,
        clock: @escaping @Sendable () -> Double = ScanOptions.monotonicSeconds
    ) {
        self.boundary = boundary
        self.maxFileSize = maxFileSize
        self.maxFiles = maxFiles
        self.timeBudget = timeBudget
        self.clock = clock
    }

    /// Seconds elapsed on the continuous clock since the first call in this process.
    @Sendable package static func monotonicSeconds() -> Double {
        let elapsed = referenceInstant.duration(to: ContinuousClock.now)
        let (seconds, attoseconds) = elapsed.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

private let referenceInstant = ContinuousClock.now
