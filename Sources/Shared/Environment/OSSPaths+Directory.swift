extension OSSPaths {
    /// Creates `~/.oss` with mode 0700 when nothing is there yet; an existing directory or link (a user may keep
    /// `~/.oss` elsewhere) is left as it is. Every tool calls this before it writes anything under `~/.oss`, so the
    /// directory that later holds `config.json` with the API key is never created readable by others.
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
