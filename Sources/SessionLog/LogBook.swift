import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The session and command logs of one log base (`<project>/.oss/logs` or `~/.oss/logs`), compatibility.md#logs.
///
/// Every append is one `write(2)` per line on `O_APPEND` descriptors while holding a shared `flock` on
/// `<base>/.lock`; rotation and truncation hold it exclusively. So concurrent writers never tear or lose a line, and
/// a line written while a rotation runs lands either in the archive or in the new session log, never nowhere.
/// Sizes are checked on every entry from the descriptor just written (deterministic, no dice roll: fixes D8).
package struct LogBook: Sendable {
    /// The log base directory.
    package var base: String
    /// Size limits and retention.
    package var settings: Settings
    /// The clock stamping lines.
    package var clock: WallClock
    /// Local-time formatting.
    package var formatter: TimeFormatter
    /// The project tree `base` lies in (nil for `~/.oss/logs`): its directories must be real and the user's.
    package var tree: ProjectTree?

    /// A log book rooted at `base`; `home` tells the user's own `~/.oss` (which may be a link) from a project's.
    package init(
        base: String, settings: Settings, clock: WallClock = .system, formatter: TimeFormatter = TimeFormatter(),
        home: String? = nil
    ) {
        self.base = base
        self.settings = settings
        self.clock = clock
        self.formatter = formatter
        tree = ProjectTree(containing: base, home: home)
    }

    /// The log book a call in `environment` writes to (compatibility.md#log-location), with settings from `~/.oss/settings.json`.
    /// The settings warning, if any, is returned for the caller to show once.
    package static func resolve(environment: Environment, clock: WallClock = .system) -> (
        book: LogBook, warning: String?
    ) {
        let paths = OSSPaths(environment: environment)
        let base = ProjectResolver(environment: environment, paths: paths).logBase()
        let (settings, warning) = Settings.load(path: paths.settingsFile)
        return (LogBook(base: base, settings: settings, clock: clock, home: paths.home), warning)
    }

    /// The resolved log book with its directories made (`~/.oss` 0700 when missing, `current-session/`,
    /// `archive/`): what every logging call starts with. The settings warning, if any, is returned to show once.
    /// - Throws: `FileError` when a directory cannot be made.
    package static func open(environment: Environment, clock: WallClock = .system) throws(FileError) -> (
        book: LogBook, warning: String?
    ) {
        let (book, warning) = resolve(environment: environment, clock: clock)
        // ~/.oss is private (0700, as session-start makes it); created as a mere parent of the logs it got 0755.
        try OSSPaths(environment: environment).prepareOSSDirectory()
        try book.prepare()
        return (book, warning)
    }

    /// `<base>/current-session`.
    package var currentSession: String { base.appendingPathComponent("current-session") }
    /// `<base>/current-session/session.log`, the unified log.
    package var sessionLog: String { currentSession.appendingPathComponent("session.log") }
    /// `<base>/archive`.
    package var archiveDir: String { base.appendingPathComponent("archive") }
    /// The lock coordinating appends (shared) with rotation and truncation (exclusive).
    var lockFile: String { base.appendingPathComponent(".lock") }

    /// The log of one command.
    package func commandLog(_ command: String) -> String {
        currentSession.appendingPathComponent("\(command).log")
    }

    /// Creates `current-session/` and `archive/` (the original does so on every call). Inside a project, every
    /// directory from `.oss` down must be a real directory owned by the user (`ProjectTree`), or nothing is done.
    package func prepare() throws(FileError) {
        if let tree {
            try tree.prepare(currentSession)
            try tree.prepare(archiveDir)
        } else {
            try FileSystem.createDirectories(currentSession)
            try FileSystem.createDirectories(archiveDir)
        }
    }

    /// A log's bytes for printing: nil when missing; a link or a non-regular file is refused (never followed).
    /// - Throws: `FileError` saying why.
    package func readLog(_ path: String) throws(FileError) -> [UInt8]? {
        try FileSystem.readRegularFile(path)
    }

    /// `HH:MM:SS` for now.
    package func stamp() -> String {
        formatter.clock(clock.now())
    }

    /// The `write` action: `<cmd>.log` gets `[ts] <msg>`, session.log gets `[ts] [<cmd>] <msg>`.
    /// - Throws: `CommandNameError` (nothing written), or `FileError` naming the log that could not be written.
    package func write(command: String, message: String) throws {
        try CommandNameError.validate(command)
        let ts = stamp()
        try append([(commandLog(command), "[\(ts)] \(message)"), (sessionLog, "[\(ts)] [\(command)] \(message)")])
    }

    /// An entry: `<cmd>.log` gets `[ts] [<TYPE>] <msg>`, session.log gets `[ts] [<cmd>] [<TYPE>] <msg>`.
    /// - Throws: `CommandNameError` (nothing written), or `FileError` naming the log that could not be written.
    package func entry(command: String, type: String, message: String, sessionOnly: Bool = false) throws {
        try CommandNameError.validate(command)
        let ts = stamp()
        let session = (sessionLog, "[\(ts)] [\(command)] [\(type)] \(message)")
        try append(sessionOnly ? [session] : [(commandLog(command), "[\(ts)] [\(type)] \(message)"), session])
    }

    /// A session-only line `[ts] [<tag>] [<event>] <text>` (hook, skill, healthcheck).
    /// - Throws: `FileError` naming the session log.
    package func sessionLine(tag: String, event: String, text: String) throws {
        try append([(sessionLog, "[\(stamp())] [\(tag)] [\(event)] \(text)")])
    }

    /// The `init` action: truncates `<cmd>.log` to its 7-line header and marks the start in session.log; returns the
    /// command log's path.
    /// - Throws: `CommandNameError` (nothing written), or `FileError` naming the log that could not be written.
    package func start(command: String, pid: Int32) throws -> String {
        try CommandNameError.validate(command)
        let now = clock.now()
        let rule = String(repeating: "═", count: 63)
        let header =
            [
                rule, "  OSS Command: /oss:\(command)", "  Started: \(formatter.dateTime(now))",
                "  Session: current-session", "  PID: \(pid)", rule, "",
            ].joined(separator: "\n") + "\n"
        let path = commandLog(command)
        try FileSystem.withExclusiveLock(lockFile) {
            try FileSystem.writeAtomically(Array(header.utf8), to: path, mode: 0o644)
        }
        let banner = String(repeating: "═", count: 8)
        try append([
            (sessionLog, ""),
            (sessionLog, "[\(formatter.clock(now))] [\(command)] [INIT] \(banner) /oss:\(command) started \(banner)"),
        ])
        return FileSystem.realPath(path) ?? path
    }

    /// Appends lines in order under the shared lock, then enforces the size limits of every file touched.
    func append(_ lines: [(path: String, text: String)]) throws {
        var oversized: [String] = []
        try FileSystem.withSharedLock(lockFile) {
            for (path, text) in lines {
                let size = try FileSystem.appendLine(text, to: path)
                if size > limit(for: path), !oversized.contains(path) { oversized.append(path) }
            }
        }
        for path in oversized { try enforceLimit(on: path) }
    }

    /// The size above which a file is rotated (session.log) or truncated (a command log), in bytes.
    package func limit(for path: String) -> Int64 {
        if path == sessionLog { return Int64(settings.maxSessionSizeMB * 1_048_576) }
        return Int64(settings.maxCommandLogSizeKB * 1024)
    }
}
