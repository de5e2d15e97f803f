import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension LogBook {
    /// Rotates session.log or truncates a command log once it exceeds its limit (re-checked under the lock, so
    /// racing processes rotate once).
    func enforceLimit(on path: String) throws {
        if path == sessionLog {
            try rotate(onlyIfOversized: true)
        } else {
            try truncate(commandLog: path, onlyIfOversized: true)
        }
    }

    /// Moves session.log to `archive/session-<YYYYMMDD-HHMMSS>[-n].log.gz` and starts a new one whose only line
    /// records the rotation. Returns false when there was no session log (or it was within limits when
    /// `onlyIfOversized`).
    /// - Throws: `FileError` naming the file that could not be moved or written.
    @discardableResult
    package func rotate(onlyIfOversized: Bool = false) throws -> Bool {
        try prepare()
        let archived: String? = try FileSystem.withExclusiveLock(lockFile) {
            guard let size = FileSystem.size(sessionLog) else { return nil }
            if onlyIfOversized, size <= limit(for: sessionLog) { return nil }
            let target = uniqueArchivePath()
            try FileSystem.move(sessionLog, to: target)
            try FileSystem.appendLine(
                "[\(stamp())] [system] [INFO] Session log rotated (previous archived)", to: sessionLog)
            return target
        }
        guard let archived else { return false }
        // Compression happens outside the lock: no writer can reach the renamed file any more.
        compressArchive(archived)
        return true
    }

    /// Replaces an archived `session-*.log` by its `.gz`; the plain file goes only once the archive is complete.
    private func compressArchive(_ path: String) {
        if (try? Gzip.compressFile(path, to: path + ".gz")) != nil { FileSystem.remove(path) }
    }

    /// Finishes rotations a killed process left behind: removes partial temp files of compressions (the plain
    /// archive they came from is still there) and compresses archived session logs that are still plain. A plain
    /// archive whose `.gz` already exists was compressed completely (the `.gz` is renamed into place atomically),
    /// so only the plain copy is removed.
    package func recoverInterruptedRotations() {
        for name in FileSystem.listDirectory(archiveDir) {
            let path = archiveDir.appendingPathComponent(name)
            if name.hasPrefix(".session-"), name.contains(".tmp-") {
                // Another process may be compressing right now: only sweep temp files older than a minute.
                if clock.now().seconds - (FileSystem.modificationTime(path) ?? 0) > 60 { FileSystem.remove(path) }
            } else if name.hasPrefix("session-"), name.hasSuffix(".log") {
                if FileSystem.exists(path + ".gz") {
                    FileSystem.remove(path)
                } else if clock.now().seconds - (FileSystem.modificationTime(path) ?? 0) > 60 {
                    compressArchive(path)
                }
            }
        }
    }

    /// An archive path that no earlier rotation used, even within the same second (fixes D8's collisions).
    private func uniqueArchivePath() -> String {
        let stem = archiveDir.appendingPathComponent("session-\(formatter.compact(clock.now()))")
        var candidate = stem
        var counter = 1
        while FileSystem.exists(candidate + ".log") || FileSystem.exists(candidate + ".log.gz") {
            counter += 1
            candidate = "\(stem)-\(counter)"
        }
        return candidate + ".log"
    }

    /// Rewrites a command log as a truncation banner plus its last 1000 lines.
    /// - Throws: `FileError` naming the log.
    @discardableResult
    package func truncate(commandLog path: String, onlyIfOversized: Bool = false) throws -> Bool {
        try FileSystem.withExclusiveLock(lockFile) {
            guard let size = FileSystem.size(path) else { return false }
            if onlyIfOversized, size <= limit(for: path) { return false }
            guard let bytes = try FileSystem.readRegularFile(path) else { return false }
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            let kept = lines.suffix(1000)
            let rule = String(repeating: "═", count: 63)
            var output = Array("\(rule)\n  [Log truncated - kept last 1000 lines]\n\(rule)\n".utf8)
            for line in kept {
                output.append(contentsOf: line)
                output.append(0x0A)
            }
            try FileSystem.writeAtomically(output, to: path, mode: 0o644)
            return true
        }
    }

    /// The archived session logs (`archive/session-*.log.gz`), oldest first by modification time.
    package func archives() -> [String] {
        FileSystem.listDirectory(archiveDir)
            .filter { $0.hasPrefix("session-") && $0.hasSuffix(".log.gz") }
            .map { archiveDir.appendingPathComponent($0) }
            .sorted(by: LogBook.olderFirst)
    }

    /// Directories left by `clear-session` (`<base>/session-*`), oldest first.
    package func clearedSessions() -> [String] {
        FileSystem.listDirectory(base)
            .filter { $0.hasPrefix("session-") }
            .map { base.appendingPathComponent($0) }
            .filter { FileSystem.isDirectory($0) }
            .sorted(by: LogBook.olderFirst)
    }

    /// Orders by modification time, then by the name's stamp and collision counter: within one second
    /// `session-<stamp>-10` is newer than `-9`, which is newer than the plain `session-<stamp>` (a plain name
    /// comparison put every `-n` before the first archive, so `clean` kept the oldest and deleted the newest).
    static func olderFirst(_ lhs: String, _ rhs: String) -> Bool {
        let left = (FileSystem.modificationTime(lhs) ?? 0, sequenceKey(lhs))
        let right = (FileSystem.modificationTime(rhs) ?? 0, sequenceKey(rhs))
        if left.0 != right.0 { return left.0 < right.0 }
        if left.1.stamp != right.1.stamp { return left.1.stamp < right.1.stamp }
        if left.1.counter != right.1.counter { return left.1.counter < right.1.counter }
        return lhs < rhs
    }

    /// `session-YYYYMMDD-HHMMSS[-n][.log.gz]` as (stamp, n), n being 1 for the unsuffixed name.
    static func sequenceKey(_ path: String) -> (stamp: String, counter: Int) {
        var name = Substring(path.lastPathComponent)
        if name.hasPrefix("session-") { name = name.dropFirst("session-".count) }
        if name.hasSuffix(".log.gz") { name = name.dropLast(".log.gz".count) }
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, let counter = Int(parts[2]) { return ("\(parts[0])-\(parts[1])", counter) }
        return (String(name), 1)
    }

    /// What `clean` did.
    package struct CleanReport: Equatable, Sendable {
        /// Archives and cleared sessions removed for age.
        package var expired: Int
        /// Archives and cleared sessions removed beyond the count limit.
        package var excess: Int
        /// Command logs truncated.
        package var truncated: Int
        /// Whether session.log was rotated.
        package var rotated: Bool
    }

    /// Prunes archives (and `clear-session` directories, which the original never pruned) older than
    /// `maxArchiveAgeDays`, keeps the newest `maxArchiveCount` of each, truncates oversized command logs and rotates
    /// an oversized session log.
    /// - Throws: `FileError` when a log cannot be rewritten.
    package func clean() throws -> CleanReport {
        try prepare()
        recoverInterruptedRotations()
        // Temp files of interrupted atomic writes (command logs, gzip output, the project's state files).
        for directory in [base.deletingLastPathComponent, base, currentSession, archiveDir] {
            StaleFiles.sweep(directory, now: clock.now(), matching: StaleFiles.isAtomicWriteTemp)
        }
        let now = clock.now().seconds
        let maxAge = Int64(settings.maxArchiveAgeDays) * 86_400
        var report = CleanReport(expired: 0, excess: 0, truncated: 0, rotated: false)
        for group in [archives(), clearedSessions()] {
            var remaining: [String] = []
            for path in group {
                if now - (FileSystem.modificationTime(path) ?? now) > maxAge {
                    FileSystem.removeTree(path)
                    report.expired += 1
                } else {
                    remaining.append(path)
                }
            }
            let excess = max(0, remaining.count - max(0, settings.maxArchiveCount))
            for path in remaining.prefix(excess) {
                FileSystem.removeTree(path)
                report.excess += 1
            }
        }
        for name in FileSystem.listDirectory(currentSession) where name.hasSuffix(".log") && name != "session.log" {
            if try truncate(commandLog: currentSession.appendingPathComponent(name), onlyIfOversized: true) {
                report.truncated += 1
            }
        }
        report.rotated = try rotate(onlyIfOversized: true)
        return report
    }

    /// Deletes every file in `current-session/` and `archive/` and recreates both.
    /// - Throws: `FileError` when they cannot be recreated.
    package func purge() throws {
        try FileSystem.withExclusiveLock(lockFile) {
            FileSystem.removeTree(currentSession)
            FileSystem.removeTree(archiveDir)
            try prepare()
        }
    }

    /// Moves `current-session/` to `<base>/session-<YYYYMMDD-HHMMSS>[-n]/` and recreates it; returns the new path.
    /// - Throws: `FileError` naming the directory.
    package func clearSession() throws -> String {
        try FileSystem.withExclusiveLock(lockFile) {
            let stem = base.appendingPathComponent("session-\(formatter.compact(clock.now()))")
            var target = stem
            var counter = 1
            while FileSystem.exists(target) {
                counter += 1
                target = "\(stem)-\(counter)"
            }
            if FileSystem.isDirectory(currentSession) { try FileSystem.move(currentSession, to: target) }
            try prepare()
            return target
        }
    }
}
