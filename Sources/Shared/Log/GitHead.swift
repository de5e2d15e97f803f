/// Reads the current branch straight from `.git/HEAD` (worktree `gitdir:` files too), without running git.
package enum GitHead {
    /// The `.git` directory governing `directory`, searching upwards.
    package static func gitDirectory(from directory: String) -> String? {
        var current = FileSystem.realPath(directory) ?? directory
        while true {
            let dotGit = current.appendingPathComponent(".git")
            if FileSystem.isDirectory(dotGit) { return dotGit }
            if FileSystem.isRegularFile(dotGit), let bytes = FileSystem.readIfPresent(dotGit) {
                let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
                if text.hasPrefix("gitdir:") {
                    let target = String(text.dropFirst("gitdir:".count)).trimmingWhitespace
                    return target.hasPrefix("/") ? target : current.appendingPathComponent(target)
                }
            }
            if current == "/" || current.isEmpty { return nil }
            current = current.deletingLastPathComponent
        }
    }

    /// The branch checked out in the repository containing `directory`; nil outside a repository or when HEAD is
    /// detached.
    package static func branch(in directory: String) -> String? {
        guard let gitDir = gitDirectory(from: directory),
            let bytes = FileSystem.readIfPresent(gitDir.appendingPathComponent("HEAD"))
        else { return nil }
        let head = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
        let prefix = "ref: refs/heads/"
        guard head.hasPrefix(prefix) else { return nil }
        let name = String(head.dropFirst(prefix.count))
        return name.isEmpty ? nil : name
    }
}
