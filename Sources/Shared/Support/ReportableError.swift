/// An error that knows the process exit status it maps to and describes itself for a human.
package protocol ReportableError: Error, CustomStringConvertible {
    /// The exit status a tool reports for this error.
    var exitStatus: ExitStatus { get }
}
