import Shared

/// `oss-log status`: the full report the original meant to print (it crashed after `Current Session:`, D2).
struct LogStatusReport {
    var book: LogBook

    func lines() -> [String] {
        let sessionBytes = DiskUsage.bytes(book.currentSession)
        let archiveBytes = DiskUsage.bytes(book.archiveDir)
        let files = FileSystem.listDirectory(book.currentSession).filter { $0.hasSuffix(".log") }.count
        let sessionLogSize = FileSystem.size(book.sessionLog) ?? 0
        let sessionLines = FileSystem.readIfPresent(book.sessionLog).map { $0.count(where: { $0 == 0x0A }) } ?? 0
        let settings = book.settings
        return [
            "OSS Log Status",
            String(repeating: "═", count: 41),
            "",
            "Current Session:",
            "  Location: \(book.currentSession)",
            "  Size: \(DiskUsage.human(sessionBytes))",
            "  Files: \(files)",
            "  Session log: \(DiskUsage.human(sessionLogSize)) (\(sessionLines) lines)",
            "",
            "Archives:",
            "  Location: \(book.archiveDir)",
            "  Size: \(DiskUsage.human(archiveBytes))",
            "  Count: \(book.archives().count)",
            "",
            "Total: \(DiskUsage.human(DiskUsage.bytes(book.base)))",
            "",
            "Settings:",
            "  maxSessionSizeMB: \(JSONValue.javaScriptNumber(settings.maxSessionSizeMB))",
            "  maxCommandLogSizeKB: \(JSONValue.javaScriptNumber(settings.maxCommandLogSizeKB))",
            "  maxArchiveCount: \(settings.maxArchiveCount)",
            "  maxArchiveAgeDays: \(settings.maxArchiveAgeDays)",
        ]
    }
}
