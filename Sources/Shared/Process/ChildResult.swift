/// How a child run by `ChildProcess.run` ended.
package struct ChildResult: Sendable, Equatable {
    /// The exit status (128 + signal number when signalled); nil when the child could not be started.
    package var status: Int32?
    /// What the child wrote on a captured stdout (up to its limit).
    package var stdout: [UInt8] = []
    /// What the child wrote on a captured stderr (up to its limit).
    package var stderr: [UInt8] = []
    /// Whether the deadline passed and the child was killed.
    package var timedOut = false
    /// Whether stdout went past its limit and the child was killed.
    package var overflowed = false

    /// A child that could not be started.
    package static let notStarted = ChildResult(status: nil)
}
