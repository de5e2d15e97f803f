import ArgumentParser
import Shared

/// Turns a `ReportableError` into the house error line and exit status (`<tool>: error: <description>` on stderr,
/// then `ExitCode(error.exitStatus)`), so ArgumentParser prints nothing more. Other errors pass through unchanged.
package enum FailureReporter {
    /// Runs `body`, reporting a `ReportableError` it throws for `tool`.
    /// - Throws: `ExitCode` for reportable errors, anything else unchanged.
    package static func run<T>(tool: String, console: Console = .standard, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as any ReportableError {
            console.errorLine("\(tool): error: \(error.description)")
            throw ExitCode(error.exitStatus.rawValue)
        }
    }
}
