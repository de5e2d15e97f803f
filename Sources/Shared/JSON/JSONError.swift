/// A JSON text that could not be parsed.
package struct JSONError: ReportableError, Equatable {
    /// The byte offset at which parsing failed.
    package var offset: Int
    /// What was wrong there.
    package var reason: String

    package init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    package var description: String { "invalid JSON at byte \(offset): \(reason)" }
    package var exitStatus: ExitStatus { .dataError }
}
