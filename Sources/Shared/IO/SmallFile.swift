#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads small regular files for hot paths that must never block or balloon: the file is opened non-blocking (a
/// FIFO planted at the path cannot stall the caller), must be a regular file, and is read only up to a cap.
package enum SmallFile {
    /// The file's bytes when it is a readable regular file no larger than `limit`; otherwise nil.
    package static func read(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) <= limit else {
            return nil
        }
        guard let bytes = try? FileSystem.readAll(fd: fd, path: path, limit: limit + 1), bytes.count <= limit else {
            return nil
        }
        return bytes
    }
}
