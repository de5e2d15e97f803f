import Shared

/// Why a scan could not start at all (problems with individual files are reported, not thrown).
package enum ScanError: ReportableError, Equatable, Sendable {
    /// The directory to scan does not exist or is not a directory.
    case notADirectory(path: String)
    /// The directory to scan exists but cannot be listed.
    case unreadableDirectory(path: String, reason: String)

    /// A one-line, lowercase message naming the path.
    package var description: String {
        switch self {
        case .notADirectory(let path): "no such directory: \(path)"
        case .unreadableDirectory(let path, let reason): "cannot read directory \(path): \(reason)"
        }
    }

    /// Both cases mean the input is missing or unreadable.
    package var exitStatus: ExitStatus { .noInput }
}
