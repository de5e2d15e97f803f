import Shared

/// `oss-log status`: the full report the original meant to print (it crashed after `Current Session:`, D2), in
/// its own words and units (`Log files:`, `Archived sessions:`, `Total log usage:`, `Max session size: 10MB`, …).
struct LogStatusReport {
    var book: LogBook

    func lines() -> [String] {
        let sessionBytes = DiskUsage.bytes(book.currentSession)
        let archiveBytes = DiskUsage.bytes(book.archiveDir)
        let files = FileSystem.listDirectory(book.currentSession).filter { $0.hasSuffix(".log") }.count
        let sessionLogSize = FileSystem.size(book.sessionLog) ?? 0
        let sessionLines = ((try? book.readLog(book.sessionLog)) ?? nil).map { $0.count(where: { $0 == 0x0A }) } ?? 0
        let settings = book.settings
        return [
            "OSS Log Status",
            String(repeating: "═", count: 41),
            "",
            "Current Session:",
            "  Location: \(book.currentSession)",
            "  Size: \(DiskUsage.human(sessionBytes))",
            "  Log files: \(files)",
            "  Session log: \(DiskUsage.human(sessionLogSize)) (\(sessionLines) lines)",
            "",
            "Archives:",
            "  Location: \(book.archiveDir)",
            "  Size: \(DiskUsage.human(archiveBytes))",
            "  Archived sessions: \(book.archives().count)",
            "",
            "Total log usage: \(DiskUsage.human(DiskUsage.bytes(book.base)))",
            "",
            "Settings:",
            "  Max session size: \(JSONValue.javaScriptNumber(settings.maxSessionSizeMB))MB",
            "  Max command log: \(JSONValue.javaScriptNumber(settings.maxCommandLogSizeKB))KB",
            "  Max archives: \(settings.maxArchiveCount)",
            "  Archive retention: \(settings.maxArchiveAgeDays) days",
        ]
    }
}
