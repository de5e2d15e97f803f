#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sweeps files that a killed process left behind: outbox files nobody delivered (they hold the bearer key) and the
/// `.<name>.tmp-<pid>-<n>` files of interrupted atomic writes. Only regular files older than `age` are removed (a
/// live writer's temp file is seconds old), never a directory, and a link is removed as a link.
package enum StaleFiles {
    /// How old a leftover must be before it is swept, in seconds.
    package static let age: Int64 = 300

    /// Whether `name` is the temp file of an atomic write (`FileSystem.writeAtomically`).
    package static func isAtomicWriteTemp(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// Removes the entries of `directory` whose names satisfy `matching` and that are older than `age`; returns
    /// how many were removed.
    @discardableResult
    package static func sweep(
        _ directory: String, now: Timestamp, age: Int64 = StaleFiles.age, matching: (String) -> Bool
    ) -> Int {
        var removed = 0
        for name in FileSystem.listDirectory(directory) where matching(name) {
            let path = directory.appendingPathComponent(name)
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            guard kind == S_IFREG || kind == S_IFLNK else { continue }
            #if canImport(Darwin)
                let modified = Int64(status.st_mtimespec.tv_sec)
            #else
                let modified = Int64(status.st_mtim.tv_sec)
            #endif
            guard now.seconds - modified > age else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed
    }

    /// Sweeps the outbox (stale outbox files and temp files) and the temp files of the config directories.
    @discardableResult
    package static func sweepGlobal(paths: OSSPaths, now: Timestamp) -> Int {
        var removed = sweep(paths.outboxDir, now: now) { $0.hasSuffix(".json") || isAtomicWriteTemp($0) }
        for directory in Set([paths.ossDir, paths.configDir, paths.globalLogsDir]) {
            removed += sweep(directory, now: now, matching: isAtomicWriteTemp)
        }
        return removed
    }
}
