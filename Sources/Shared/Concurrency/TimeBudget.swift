/// A wall-clock budget for synchronous loops over untrusted input (a repository walk, a parse): checked between
/// steps, it ends the work at a known time instead of letting a hostile input decide.
package struct TimeBudget: Sendable {
    private let end: ContinuousClock.Instant

    /// A budget of `seconds` from now.
    package init(seconds: Double) {
        end = ContinuousClock.now.advanced(by: .milliseconds(Int64((seconds * 1000).rounded())))
    }

    /// Whether the budget is used up.
    package var isExhausted: Bool { ContinuousClock.now >= end }
}
