#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Minimal POSIX directory listing and bounded file reading for the scanner.
enum FileTree {
    /// What a directory entry is, after following file symlinks (directory symlinks are not followed).
    enum EntryKind {
        /// A regular file, or a symlink to one (or a dangling symlink, whose read then fails).
        case file
        /// A real directory.
        case directory
        /// Sockets, devices, FIFOs, symlinks to directories.
        case other
    }

    /// Outcome of a bounded read.
    enum ReadResult {
        /// The whole file.
        case bytes([UInt8])
        /// The file is larger than the limit.
        case oversize
        /// The file could not be opened or read.
        case failed(String)
    }

    /// The entries of `path` sorted by name bytes (`.` and `..` excluded), or the system error text.
    static func list(_ path: String) -> Result<[(name: String, kind: EntryKind)], ListError> {
        guard let directory = opendir(path) else { return .failure(ListError(reason: errorText(errno))) }
        defer { closedir(directory) }
        var entries: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name == "." || name == ".." { continue }
            let kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                kind = resolve(path + "/" + name, isLink: Int32(entry.pointee.d_type) == Int32(DT_LNK))
            default: kind = .other
            }
            entries.append((name, kind))
        }
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return .success(entries)
    }

    /// A directory that cannot be listed.
    struct ListError: Error {
        /// The system error text.
        let reason: String
    }

    /// Whether `path` is a directory (following symlinks).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Reads `path` completely unless it is larger than `limit` bytes.
    static func read(_ path: String, limit: Int) -> ReadResult {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failed(errorText(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failed(errorText(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failed("not a regular file") }
        let size = Int(info.st_size)
        if size > limit { return .oversize }
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var total = 0
            guard let base = buffer.baseAddress else {
                initialized = 0
                return
            }
            while total < size {
                let count = systemRead(descriptor, base + total, size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errorText(errno)
                    break
                }
                if count == 0 { break }
                total += count
            }
            initialized = total
        }
        if let failure { return .failed(failure) }
        return .bytes(bytes)
    }

    private static func resolve(_ path: String, isLink: Bool) -> EntryKind {
        var info = stat()
        if isLink {
            var target = stat()
            guard stat(path, &target) == 0 else { return .file }  // Dangling: reported when read.
            return (target.st_mode & S_IFMT) == S_IFREG ? .file : .other
        }
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return resolve(path, isLink: true)
        default: return .other
        }
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// libc `read(2)`, reachable from inside `FileTree` whose own `read` shadows it.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
