#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension OSSPaths {
    /// Creates `~/.oss` with mode 0700 when nothing is there yet; an existing directory or link (a user may keep
    /// `~/.oss` elsewhere) is left as it is. oss-log, oss-notify and oss-integration call this before they write
    /// anything under `~/.oss` (oss-decrypt only writes into a config directory it creates 0700 itself, and a
    /// failed decrypt writes nothing), so the directory that later holds `config.json` with the API key is never
    /// created readable by others.
    /// - Throws: `FileError` when the directory cannot be created.
    package func prepareOSSDirectory() throws(FileError) {
        var status = stat()
        if lstat(ossDir, &status) == 0 { return }
        let parent = ossDir.deletingLastPathComponent
        if parent != ossDir, !FileSystem.isDirectory(parent) { try FileSystem.createDirectories(parent) }
        if mkdir(ossDir, 0o700) != 0, errno != EEXIST {
            throw FileError(path: ossDir, operation: "create directory", code: errno)
        }
    }
}
