/// Where a child's stdout or stderr goes.
package enum ChildOutput: Sendable, Equatable {
    /// `/dev/null`.
    case null
    /// A pipe read by the caller, kept up to `limit` bytes (for stdout, more marks the result `overflowed` and kills
    /// the child; for stderr, more is dropped).
    case capture(limit: Int)
    /// Appended to this file (created 0600 with its directory 0700); `/dev/null` when it cannot be opened.
    case appendToFile(String)
    /// stderr only: the same pipe as stdout (merged, in the order written).
    case mergeWithStdout
}
