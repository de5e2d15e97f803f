import Shared

/// Why a check could not run at all (mismatches are results, not errors).
package enum CheckError: Error, Equatable, ReportableError {
    /// The directory does not exist or is not a directory.
    case notADirectory(String)
    /// A `--spec` document cannot be read or parsed.
    case unreadableSpec(host: String, path: String, reason: String)
    /// `--engine postgresql` and no server is reachable.
    case postgresUnavailable(String)

    package var description: String {
        switch self {
        case .notADirectory(let path): "\(path): not a directory"
        case .unreadableSpec(let host, let path, let reason): "--spec \(host)=\(path): \(reason)"
        case .postgresUnavailable(let reason): "PostgreSQL unavailable: \(reason)"
        }
    }

    package var exitStatus: ExitStatus {
        switch self {
        case .notADirectory, .unreadableSpec: .noInput
        case .postgresUnavailable: .unavailable
        }
    }
}
