import Shared

/// One file that must hold native content: a shim in a `hooks/` directory, the status line script, or the slash
/// command in a plugin root. Replacing it is atomic (temp file + rename in the same directory) and keeps the
/// non-native file it replaces in `.oss-native-backup/` beside it.
package struct NativeTarget: Equatable, Sendable {
    /// Where the file lives.
    package var path: String
    /// What it must contain.
    package var bytes: [UInt8]
    /// Its mode (shims are executable).
    package var mode: mode_t

    package init(path: String, bytes: [UInt8], mode: mode_t) {
        self.path = path
        self.bytes = bytes
        self.mode = mode
    }

    /// `.oss-native-backup/<name>` beside the file.
    package var backupPath: String {
        path.deletingLastPathComponent.appendingPathComponent(InstallLayout.backupDirectoryName)
            .appendingPathComponent(path.lastPathComponent)
    }

    /// Whether the file already holds the native content (and is executable when it must be).
    package var isCurrent: Bool {
        guard SmallFile.read(path, limit: NativePayload.fileLimit) == bytes else { return false }
        return mode & 0o100 == 0 || access(path, X_OK) == 0
    }

    /// Whether bytes are a native file of this bundle (any version): the shim marker, or the slash command.
    static func isNative(_ existing: [UInt8], like bytes: [UInt8]) -> Bool {
        existing == bytes || existing.containsSubsequence(Array(InstallLayout.shimMarker.utf8))
    }

    /// Puts the native content in place unless it is already there; a non-native file is backed up first (the
    /// backup always holds the newest non-native original). Returns whether anything changed.
    /// - Throws: `FileError` naming the path; the file is then as it was.
    @discardableResult
    package func apply() throws(FileError) -> Bool {
        if isCurrent { return false }
        let directory = path.deletingLastPathComponent
        try FileSystem.createDirectories(directory)
        // An empty file or a prefix of ours is a copy caught half-way (the plugin's session start copies with `cp`,
        // which truncates first): nothing worth keeping, and it must not replace a real backup.
        if let existing = SmallFile.read(path, limit: 16 << 20), !existing.isEmpty,
            !bytes.starts(with: existing), !Self.isNative(existing, like: bytes)
        {
            try FileSystem.createDirectories(backupPath.deletingLastPathComponent, mode: 0o755)
            try FileSystem.writeAtomically(existing, to: backupPath, mode: Self.mode(of: path) ?? mode)
        }
        try FileSystem.writeAtomically(bytes, to: path, mode: mode)
        return true
    }

    /// Puts the backed-up original back, or removes a native file that had no original. Returns whether anything
    /// changed.
    @discardableResult
    package func restore() -> Bool {
        var changed = false
        if FileSystem.isRegularFile(backupPath) {
            changed = (try? FileSystem.move(backupPath, to: path)) != nil
        } else if let existing = SmallFile.read(path, limit: NativePayload.fileLimit),
            Self.isNative(existing, like: bytes)
        {
            FileSystem.remove(path)
            changed = true
        }
        rmdir(backupPath.deletingLastPathComponent)
        return changed
    }

    private static func mode(of path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o777
    }
}
