import Shared

/// A mode of `oss-notify` called without a required argument: `Usage: oss-notify <usage>`, exit 1 (the original's
/// usage convention for these positional grammars).
package struct NotifyUsageError: ReportableError, Equatable {
    /// The mode's usage line (without the program name).
    package var usage: String

    /// An error for one mode's usage line.
    package init(usage: String) {
        self.usage = usage
    }

    package var description: String { "Usage: oss-notify \(usage)" }

    package var exitStatus: ExitStatus { .failure }
}
