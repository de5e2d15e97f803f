/// Process exit codes used by the bundle (BSD sysexits family; never 2, which Claude Code reads as "block").
package enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Success.
    case success = 0
    /// Unclassified failure, and every usage error the original contract reports with 1.
    case failure = 1
    /// Bad flags on new flags and subcommands (ArgumentParser's code).
    case usage = 64
    /// Input exists but is malformed.
    case dataError = 65
    /// Input file or directory missing or unreadable.
    case noInput = 66
    /// Remote service unreachable or answered with an unexpected status.
    case unavailable = 69
    /// A file could not be written.
    case ioError = 74
    /// A timeout or HTTP 429: the caller may retry.
    case tempFailure = 75
    /// Missing credentials, HTTP 401/403.
    case noPermission = 77
    /// Configuration missing or invalid.
    case config = 78
}
