import Shared

/// A `Console` whose stdout and stderr text is kept, for tests that assert what an orchestrator printed.
package final class ConsoleCapture: Sendable {
    private let outText = LockedBox("")
    private let errText = LockedBox("")

    /// An empty capture.
    package init() {}

    /// The console to hand to the code under test.
    package var console: Console {
        let outText = self.outText
        let errText = self.errText
        return Console(
            out: { text in outText.withLock { $0 += text } }, err: { text in errText.withLock { $0 += text } })
    }

    /// Everything written to stdout so far.
    package var stdout: String { outText.current }

    /// Everything written to stderr so far.
    package var stderr: String { errText.current }
}
