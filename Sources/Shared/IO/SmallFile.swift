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
    /// The file's bytes when it is a readable regular file no larger than `limit`; otherwise nil. Without
    /// `followLinks`, a symbolic link at the path counts as no file.
    package static func read(_ path: String, limit: Int, followLinks: Bool = true) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (followLinks ? 0 : O_NOFOLLOW))
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

    /// Up to the first `limit` bytes of a regular file, opened without following a symbolic link and without
    /// blocking; nil for a link, a FIFO, a device, a directory or a missing file.
    package static func prefix(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return try? FileSystem.readAll(fd: fd, path: path, limit: limit)
    }
}
