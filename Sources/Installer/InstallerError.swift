import Shared

/// Why an install step refused to go on; each names the file or flag involved.
package enum InstallerError: ReportableError, Equatable {
    /// A JSON file that must be edited does not parse.
    case unparsable(path: String, reason: String)
    /// A JSON file parses but does not have the shape Claude Code gives it.
    case unexpectedShape(path: String, what: String)
    /// `--plugin-root` names a directory that is not the OSS plugin.
    case notThePlugin(path: String)
    /// A file the install needs is missing.
    case missing(path: String, what: String)
    /// A file could not be read or written.
    case file(FileError)
    /// Another install or uninstall holds the lock.
    case busy(lock: String)

    package var description: String {
        switch self {
        case .unparsable(let path, let reason):
            return "\(path) is not valid JSON (\(reason)); fix it or move it away, it was left untouched"
        case .unexpectedShape(let path, let what):
            return "\(path): \(what); it was left untouched"
        case .notThePlugin(let path):
            return "--plugin-root \(path) is not the OSS plugin (no .claude-plugin/plugin.json named \"oss\")"
        case .missing(let path, let what):
            return "missing \(what): \(path)"
        case .file(let error):
            return error.description
        case .busy(let lock):
            return "another oss-hooks install or uninstall is running (lock \(lock))"
        }
    }

    package var exitStatus: ExitStatus {
        switch self {
        case .unparsable, .unexpectedShape: return .dataError
        case .notThePlugin: return .usage
        case .missing: return .noInput
        case .file(let error): return error.exitStatus
        case .busy: return .tempFailure
        }
    }
}
