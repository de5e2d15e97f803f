#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The symbolic-link rule for what the tools keep inside a project (`<project>/.oss/…`).
///
/// A cloned repository is untrusted: it may ship `.oss`, `.oss/logs`, `current-session` or `archive` as links to
/// anywhere. So every directory from the project's `.oss` down to the one a tool creates, writes or deletes in must
/// be a real directory (not a link) owned by the user; anything else is refused with a `FileError` that says why.
/// Files are then opened with `O_NOFOLLOW` (see `FileSystem.openForWriting` and `readRegularFile`). The project
/// directory itself was resolved with `realpath` and is trusted; the user's own `~/.oss` may be a link.
package struct ProjectTree: Sendable, Equatable {
    /// The directory holding `.oss` (the canonical project).
    package let root: String

    /// A tree rooted at `root` (the directory that holds `.oss`).
    package init(root: String) {
        self.root = root
    }

    /// The tree `path` lies in: the directory before its last `/.oss` component; nil when `path` has no `.oss`
    /// component or lies in the user's own `~/.oss` (`home` as given and resolved), which is not a project's.
    package init?(containing path: String, home: String?) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let index = components.lastIndex(of: ".oss"), index > 0 else { return nil }
        let root = components[..<index].joined(separator: "/")
        if let home, !home.isEmpty {
            let homes = [home, FileSystem.realPath(home)].compactMap { $0 }.map {
                $0.hasSuffix("/") ? String($0.dropLast()) : $0
            }
            if homes.contains(root) { return nil }
        }
        self.root = root.isEmpty ? "/" : root
    }

    /// Creates `directory` (which must lie under `root`) and its missing parents below `root` with `mode`, after
    /// checking that every existing one is a real directory owned by the user.
    /// - Throws: `FileError` naming the first directory that is a link, not a directory, owned by someone else or
    ///   cannot be created.
    package func prepare(_ directory: String, mode: mode_t = 0o755) throws(FileError) {
        // The project itself is trusted (a resolved path); it normally exists already.
        if !FileSystem.isDirectory(root) { try FileSystem.createDirectories(root) }
        for path in chain(to: directory) {
            if try inspect(path) { continue }
            if mkdir(path, mode) != 0, errno != EEXIST {
                throw FileError(path: path, operation: "create directory", code: errno)
            }
            guard try inspect(path) else {
                throw FileError(path: path, operation: "create directory", code: ENOENT)
            }
        }
    }

    /// Checks the directories from `root` down to `directory` that exist (a missing one ends the check).
    /// - Throws: `FileError` as `prepare` does.
    package func check(_ directory: String) throws(FileError) {
        for path in chain(to: directory) where try !inspect(path) { return }
    }

    /// The directories strictly below `root` down to `directory`, top first.
    private func chain(to directory: String) -> [String] {
        let prefix = root == "/" ? "/" : root + "/"
        guard directory.hasPrefix(prefix) else { return [] }
        var result: [String] = []
        var current = root
        for component in directory.dropFirst(prefix.count).split(separator: "/") where component != "." {
            current = current.appendingPathComponent(String(component))
            result.append(current)
        }
        return result
    }

    /// Whether `path` exists as an acceptable directory (false when missing).
    /// - Throws: `FileError` when it exists but breaks the rule.
    private func inspect(_ path: String) throws(FileError) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        switch status.st_mode & S_IFMT {
        case S_IFLNK:
            throw FileError(
                path: path, operation: "use", code: ELOOP,
                reason: "it is a symbolic link; links inside a project's .oss are never followed")
        case S_IFDIR:
            guard status.st_uid == geteuid() else {
                throw FileError(
                    path: path, operation: "use", code: EPERM,
                    reason: "it is owned by uid \(status.st_uid), not by this user (uid \(geteuid()))")
            }
            return true
        default:
            throw FileError(path: path, operation: "use", code: ENOTDIR, reason: "it is not a directory")
        }
    }
}
