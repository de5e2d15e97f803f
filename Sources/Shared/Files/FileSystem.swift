#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// File primitives on raw POSIX calls: small, fast and explicit about atomicity.
///
/// Appends are one `write(2)` on an `O_APPEND` descriptor, so concurrent writers never interleave within a line.
/// Replacements are temp file + `fsync` + `rename` in the same directory, so readers see the old or the new file,
/// never a torn one. Modes are given at creation, never fixed afterwards.
package enum FileSystem {
    /// The whole file.
    /// - Throws: `FileError` naming the path when it cannot be opened or read.
    package static func read(_ path: String) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
        defer { close(fd) }
        return try readAll(fd: fd, path: path)
    }

    /// The whole file, or nil when it cannot be read.
    package static func readIfPresent(_ path: String) -> [UInt8]? {
        try? read(path)
    }

    /// Reads a descriptor to its end.
    package static func readAll(fd: Int32, path: String, limit: Int = Int.max) throws(FileError) -> [UInt8] {
        var result: [UInt8] = []
        var status = stat()
        if fstat(fd, &status) == 0, status.st_size > 0 { result.reserveCapacity(min(Int(status.st_size), limit)) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while result.count < limit {
            let count = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "read", code: errno)
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<min(count, limit - result.count)])
        }
        return result
    }

    /// Whether anything exists at `path` (symlinks followed).
    package static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Whether `path` is a directory (symlinks followed).
    package static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is a regular file (symlinks followed).
    package static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether `path` is a file this process may execute.
    package static func isExecutable(_ path: String) -> Bool {
        isRegularFile(path) && access(path, X_OK) == 0
    }

    /// The size in bytes, or nil when the file is missing.
    package static func size(_ path: String) -> Int64? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int64(status.st_size)
    }

    /// The modification time in seconds since the epoch, or nil when the file is missing.
    package static func modificationTime(_ path: String) -> Int64? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        #if canImport(Darwin)
            return Int64(status.st_mtimespec.tv_sec)
        #else
            return Int64(status.st_mtim.tv_sec)
        #endif
    }

    /// The canonical absolute path with symlinks resolved, or nil when it does not resolve.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Creates a directory and its missing parents; new directories get `mode`.
    /// - Throws: `FileError` when a component cannot be created or is not a directory.
    package static func createDirectories(_ path: String, mode: mode_t = 0o755) throws(FileError) {
        if isDirectory(path) { return }
        let parent = path.deletingLastPathComponent
        if parent != path, parent != "/", parent != "." { try createDirectories(parent, mode: mode) }
        if mkdir(path, mode) != 0, errno != EEXIST {
            throw FileError(path: path, operation: "create directory", code: errno)
        }
        guard isDirectory(path) else { throw FileError(path: path, operation: "create directory", code: ENOTDIR) }
    }

    /// Replaces the file at `path` with `bytes` atomically: a temp file in the same directory, `fsync`, `rename`.
    /// - Throws: `FileError` naming the path; the previous file is then untouched.
    package static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(FileError) {
        let directory = path.deletingLastPathComponent
        let temp = directory.appendingPathComponent(
            ".\(path.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileError(path: path, operation: "create", code: errno) }
        do throws(FileError) {
            try writeAll(fd: fd, bytes: bytes, path: path)
            if fsync(fd) != 0 { throw FileError(path: path, operation: "sync", code: errno) }
            close(fd)
            if rename(temp, path) != 0 { throw FileError(path: path, operation: "replace", code: errno) }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
    }

    /// Appends `line` plus a newline to `path` (created with `mode`) in a single `write(2)` on an `O_APPEND`
    /// descriptor, and returns the file's size afterwards (from the same descriptor, so it costs no extra lookup).
    /// - Throws: `FileError` naming the path.
    @discardableResult
    package static func appendLine(_ line: String, to path: String, mode: mode_t = 0o644) throws(FileError) -> Int64 {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        return try append(bytes, to: path, mode: mode)
    }

    /// Appends raw bytes in one `write(2)` and returns the file size afterwards.
    /// - Throws: `FileError` naming the path.
    @discardableResult
    ///
    /// The file is opened with `O_NOFOLLOW | O_NOCTTY | O_NONBLOCK` and must be a regular file: a symbolic link, a
    /// FIFO or a device planted at the path is refused, never written through.
    package static func append(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(FileError) -> Int64 {
        let fd = try openForWriting(path, O_WRONLY | O_APPEND | O_CREAT, mode: mode)
        defer { close(fd) }
        var status = stat()
        let sizeBefore = fstat(fd, &status) == 0 ? Int64(status.st_size) : nil
        var written = 0
        do throws(FileError) {
            try writeAll(fd: fd, bytes: bytes, path: path, written: &written)
        } catch {
            // A partial line (e.g. ENOSPC after filling the last block) would be glued to the next line: cut it off
            // again, but only when nobody else has appended since, so no other writer's line is ever lost.
            if written > 0, let sizeBefore, fstat(fd, &status) == 0,
                Int64(status.st_size) == sizeBefore + Int64(written)
            {
                _ = ftruncate(fd, off_t(sizeBefore))
            }
            throw error
        }
        return fstat(fd, &status) == 0 ? Int64(status.st_size) : 0
    }

    /// Opens `path` for writing without following a symbolic link at its last component and without acquiring a
    /// controlling terminal; anything but a regular file is refused.
    /// - Throws: `FileError` naming the path (a link or a non-regular file is said so in words).
    package static func openForWriting(_ path: String, _ flags: Int32, mode: mode_t) throws(FileError) -> Int32 {
        let fd = open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK, mode)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP || isSymbolicLink(path) { throw .symbolicLink(path, operation: "open") }
            throw FileError(path: path, operation: "open", code: code)
        }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .notRegular(path, operation: "open")
        }
        return fd
    }

    /// Whether `path` itself is a symbolic link.
    package static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    /// The whole file when it is a regular file, read without following a symbolic link (and without blocking on a
    /// FIFO); nil when nothing is there.
    /// - Throws: `FileError` for a link, a non-regular file or a read error.
    package static func readRegularFile(_ path: String) throws(FileError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP || isSymbolicLink(path) { throw .symbolicLink(path, operation: "read") }
            throw FileError(path: path, operation: "read", code: code)
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw .notRegular(path, operation: "read")
        }
        return try readAll(fd: fd, path: path)
    }

    /// Writes every byte to a descriptor, retrying after interrupts and short writes.
    package static func writeAll(fd: Int32, bytes: [UInt8], path: String) throws(FileError) {
        var written = 0
        try writeAll(fd: fd, bytes: bytes, path: path, written: &written)
    }

    /// `writeAll`, counting in `written` how many bytes reached the descriptor (also when it throws).
    private static func writeAll(fd: Int32, bytes: [UInt8], path: String, written offset: inout Int) throws(FileError) {
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                posixWrite(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "write", code: errno)
            }
            offset += written
        }
    }

    /// Runs `body` while holding an exclusive `flock` on the sidecar file `lockPath` (created 0600).
    /// - Throws: `FileError` when the lock file cannot be opened, or whatever `body` throws.
    package static func withExclusiveLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        let fd = try openForWriting(lockPath, O_RDWR | O_CREAT, mode: 0o600)
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw FileError(path: lockPath, operation: "lock", code: errno) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Renames a damaged file to `<path>.corrupt-<UTC YYYYMMDDTHHMMSSmmmZ>` so that nothing is lost; returns the new
    /// path, or nil when the rename failed.
    package static func moveAside(_ path: String, now: Timestamp) -> String? {
        let target = "\(path).corrupt-\(TimeFormatter.compactUTC(now))"
        return rename(path, target) == 0 ? target : nil
    }

    /// Renames a file or directory.
    /// - Throws: `FileError` naming the source path.
    package static func move(_ source: String, to destination: String) throws(FileError) {
        if rename(source, destination) != 0 { throw FileError(path: source, operation: "rename", code: errno) }
    }

    /// Removes a file (not a directory); a missing file is not an error.
    package static func remove(_ path: String) {
        unlink(path)
    }

    /// Removes a file or a directory tree; missing entries are ignored.
    package static func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            for name in listDirectory(path) { removeTree(path.appendingPathComponent(name)) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// The entry names of a directory (without `.` and `..`), sorted; empty when it cannot be read.
    package static func listDirectory(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

extension FileSystem {
    /// Runs `body` while holding a shared `flock` on `lockPath` (created 0600): many holders at once, none while an
    /// exclusive holder runs.
    /// - Throws: `FileError` when the lock file cannot be opened, or whatever `body` throws.
    package static func withSharedLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        let fd = try openForWriting(lockPath, O_RDWR | O_CREAT, mode: 0o600)
        defer { close(fd) }
        while flock(fd, LOCK_SH) != 0 {
            if errno != EINTR { throw FileError(path: lockPath, operation: "lock", code: errno) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
