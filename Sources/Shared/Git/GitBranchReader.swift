#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the current git branch by reading `HEAD` directly, without running `git` (contract D40).
///
/// From a start directory it walks up to the first `.git`: a directory is the git dir itself; a file holding
/// `gitdir: <path>` (linked worktrees, submodules) points to it, relative paths being taken from the file's
/// directory. `HEAD` holding `ref: refs/heads/<name>` gives the branch `<name>` (an unborn branch too, like
/// `git branch --show-current`). A detached `HEAD` (a bare commit id) gives no branch, as the original shows.
package struct GitBranchReader: Sendable {
    /// What `HEAD` says.
    package enum Head: Equatable, Sendable {
        /// On a branch.
        case branch(String)
        /// Detached at a commit (the id as written in `HEAD`).
        case detached(String)
    }

    /// The most parent directories visited before giving up.
    private static let maximumDepth = 128
    /// `HEAD` and `.git` files are tiny; anything larger is not one.
    private static let maximumFileSize = 4096

    /// A reader (it holds no state: every call reads the files afresh).
    package init() {}

    /// The branch checked out in the repository containing `directory`, or nil (no repository, detached `HEAD`,
    /// unreadable files).
    package func branch(startingAt directory: String) -> String? {
        guard case .branch(let name) = head(startingAt: directory) else { return nil }
        return name
    }

    /// What `HEAD` says in the repository containing `directory`, or nil when there is none or it is unreadable.
    package func head(startingAt directory: String) -> Head? {
        guard let gitDirectory = gitDirectory(startingAt: directory),
            let text = Self.readSmallFile(gitDirectory.appendingPathComponent("HEAD"))
        else { return nil }
        return Self.parseHead(text)
    }

    /// The git directory of the repository containing `directory` (walking up), or nil.
    package func gitDirectory(startingAt directory: String) -> String? {
        guard directory.hasPrefix("/") else { return nil }
        var current = directory
        for _ in 0..<Self.maximumDepth {
            let candidate = current.appendingPathComponent(".git")
            if FileSystem.isDirectory(candidate) { return candidate }
            if FileSystem.isRegularFile(candidate) {
                // A `.git` file that does not point anywhere usable ends the search, as it does for git.
                guard let text = Self.readSmallFile(candidate), let target = Self.parseGitdirFile(text) else {
                    return nil
                }
                let resolved = target.hasPrefix("/") ? target : current.appendingPathComponent(target)
                return FileSystem.isDirectory(resolved) ? resolved : nil
            }
            let parent = current.deletingLastPathComponent
            if parent == current { return nil }
            current = parent
        }
        return nil
    }

    /// Parses the contents of a `HEAD` file.
    package static func parseHead(_ text: String) -> Head? {
        let line = firstLine(text)
        if line.hasPrefix("ref:") {
            let reference = String(line.dropFirst(4)).trimmingWhitespace
            let prefix = "refs/heads/"
            guard reference.hasPrefix(prefix), reference.count > prefix.count else { return nil }
            return .branch(String(reference.dropFirst(prefix.count)))
        }
        guard !line.isEmpty, line.utf8.allSatisfy({ isHexDigit($0) }) else { return nil }
        return .detached(line)
    }

    /// Parses a `.git` file: the path after `gitdir:`, or nil.
    package static func parseGitdirFile(_ text: String) -> String? {
        let line = firstLine(text)
        guard line.hasPrefix("gitdir:") else { return nil }
        let path = String(line.dropFirst(7)).trimmingWhitespace
        return path.isEmpty ? nil : path
    }

    private static func firstLine(_ text: String) -> String {
        let line = text.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? ""
        return String(line).trimmingWhitespace
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }

    private static func readSmallFile(_ path: String) -> String? {
        SmallFile.read(path, limit: maximumFileSize).map { String(decoding: $0, as: UTF8.self) }
    }
}
