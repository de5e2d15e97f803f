import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `oss-log tail`: prints the last lines of session.log and follows it until interrupted, reopening it after a
/// rotation.
struct LogTail {
    var book: LogBook
    var console: Console
    /// How often the file is polled, in milliseconds.
    var pollInterval: Int32 = 250

    func follow() {
        if !FileSystem.exists(book.sessionLog) { _ = try? FileSystem.append([], to: book.sessionLog) }
        console.line("Following \(book.sessionLog) (Ctrl-C to stop)")
        console.line(String(repeating: "─", count: 41))
        var offset: Int64 = 0
        var inode: ino_t = 0
        if let bytes = (try? book.readLog(book.sessionLog)) ?? nil {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
            for line in lines.suffix(10) { console.line(String(decoding: line, as: UTF8.self)) }
            offset = Int64(bytes.count)
        }
        var status = stat()
        if stat(book.sessionLog, &status) == 0 { inode = status.st_ino }
        while true {
            poll(nil, 0, pollInterval)
            guard stat(book.sessionLog, &status) == 0 else { continue }
            if status.st_ino != inode || Int64(status.st_size) < offset {
                inode = status.st_ino
                offset = 0
            }
            guard Int64(status.st_size) > offset else { continue }
            let fd = open(book.sessionLog, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { continue }
            lseek(fd, off_t(offset), SEEK_SET)
            if let bytes = try? FileSystem.readAll(fd: fd, path: book.sessionLog), !bytes.isEmpty {
                console.out(String(decoding: bytes, as: UTF8.self))
                offset += Int64(bytes.count)
            }
            close(fd)
        }
    }
}
