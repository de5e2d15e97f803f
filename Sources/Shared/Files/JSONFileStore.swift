#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JSON file changed only through locked, atomic read-modify-write transactions.
///
/// Each `update` takes an exclusive `flock` on the sidecar `<path>.lock`, reads and parses the file, lets the caller
/// mutate the value, and writes the result with temp + `fsync` + `rename`. A file that exists but does not parse is
/// moved aside (`<path>.corrupt-<stamp>`) and reported, never silently replaced (contract D27).
package struct JSONFileStore: Sendable {
    /// The outcome of one transaction.
    package struct Update<Result> {
        /// What the transaction body returned.
        package var result: Result
        /// Human-readable problems met on the way (for stderr), e.g. a corrupt file moved aside.
        package var warnings: [String]
    }

    /// The JSON file.
    package var path: String
    /// The mode of a newly created file.
    package var mode: mode_t
    /// The clock naming files moved aside.
    package var clock: WallClock
    /// How the file is rendered.
    package var render: @Sendable (JSONValue) -> String
    /// The project tree the file lies in, if any: its directories must be real and the user's, and the file itself
    /// is never read through a link.
    package var tree: ProjectTree?

    /// A store for `path`, written pretty (2-space, no trailing newline) unless told otherwise.
    package init(
        path: String, mode: mode_t = 0o600, clock: WallClock = .system, tree: ProjectTree? = nil,
        render: @escaping @Sendable (JSONValue) -> String = { $0.pretty }
    ) {
        self.path = path
        self.mode = mode
        self.clock = clock
        self.tree = tree
        self.render = render
    }

    /// The current value without locking (a reader sees a whole file thanks to atomic renames); nil when missing or
    /// unparsable.
    package func read() -> JSONValue? {
        guard let bytes = readBytes() else { return nil }
        return try? JSONValue.parse(bytes: bytes)
    }

    /// The file's bytes: inside a project tree only a regular file counts (a link reads as nothing).
    private func readBytes() -> [UInt8]? {
        guard tree != nil else { return FileSystem.readIfPresent(path) }
        return (try? FileSystem.readRegularFile(path)) ?? nil
    }

    /// Runs one locked transaction. `body` receives the parsed value (nil when the file is missing or was moved
    /// aside) and may change it; a non-nil value is written back atomically, nil leaves the file as it is.
    /// - Throws: `FileError` when the directory, lock or file cannot be written, or what `body` throws.
    package func update<Result>(_ body: (inout JSONValue?) throws -> Result) throws -> Update<Result> {
        let directory = path.deletingLastPathComponent
        if let tree { try tree.prepare(directory, mode: 0o700) } else { try FileSystem.createDirectories(directory) }
        return try FileSystem.withExclusiveLock(path + ".lock") {
            var warnings: [String] = []
            var value: JSONValue?
            let existing = try tree == nil ? FileSystem.readIfPresent(path) : FileSystem.readRegularFile(path)
            if let bytes = existing {
                do {
                    value = try JSONValue.parse(bytes: bytes)
                } catch {
                    if let aside = FileSystem.moveAside(path, now: clock.now()) {
                        warnings.append("\(path) is not valid JSON (\(error)); moved it aside to \(aside)")
                    } else {
                        throw FileError(path: path, operation: "move aside the corrupt file", code: errno)
                    }
                }
            }
            let result = try body(&value)
            if let value {
                try FileSystem.writeAtomically(Array(render(value).utf8), to: path, mode: mode)
            }
            return Update(result: result, warnings: warnings)
        }
    }
}
