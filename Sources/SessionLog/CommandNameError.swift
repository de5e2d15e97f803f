import Shared

/// Why a command name cannot be used: it names `<current-session>/<name>.log` and is written between brackets into
/// session.log, so it must stay one file name inside the session directory and one log line.
package enum CommandNameError: ReportableError, Equatable {
    /// It contains `/`, so the log file would lie outside the session directory (`../../x`).
    case pathSeparator(String)
    /// It is `.` or `..`.
    case dotName(String)
    /// It contains a control character (a newline would forge log lines) or NUL.
    case controlCharacter(String)
    /// `<name>.log` would be longer than a file name may be (255 bytes).
    case tooLong(String)

    /// The longest name whose `<name>.log` still fits in 255 bytes.
    package static let maximumBytes = 251

    /// Checks a command name.
    /// - Throws: the first rule it breaks.
    package static func validate(_ name: String) throws(CommandNameError) {
        if name == "." || name == ".." { throw .dotName(name) }
        if name.utf8.contains(UInt8(ascii: "/")) { throw .pathSeparator(name) }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .controlCharacter(name)
        }
        if name.utf8.count > maximumBytes { throw .tooLong(name) }
    }

    package var description: String {
        switch self {
        case .pathSeparator(let name): "invalid command name \(Self.shown(name)): it must not contain /"
        case .dotName(let name): "invalid command name \(Self.shown(name)): it must not be . or .."
        case .controlCharacter(let name):
            "invalid command name \(Self.shown(name)): it must not contain control characters"
        case .tooLong(let name):
            "invalid command name \(Self.shown(name)): it is longer than \(Self.maximumBytes) bytes"
        }
    }

    /// A usage error: exit 1, as every oss-log usage error.
    package var exitStatus: ExitStatus { .failure }

    /// The name quoted with escapes, cut to 40 characters so a megabyte argument does not flood stderr.
    private static func shown(_ name: String) -> String {
        let prefix = String(name.prefix(40))
        return prefix.debugDescription + (prefix.count < name.count ? "…" : "")
    }
}
