#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command's output goes. Shared code never prints: it writes through the sinks a tool hands it.
package struct Console: Sendable {
    /// Receives standard-output text (already newline-terminated where lines are meant).
    package var out: @Sendable (String) -> Void
    /// Receives standard-error text.
    package var err: @Sendable (String) -> Void

    /// A console writing to the given sinks.
    package init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// Writes `text` plus a newline to standard output.
    package func line(_ text: String) {
        out(text + "\n")
    }

    /// Writes `text` plus a newline to standard error.
    package func errorLine(_ text: String) {
        err(text + "\n")
    }

    /// The process's own stdout and stderr, written unbuffered with `write(2)`.
    package static let standard = Console(
        out: { FileDescriptorWriter.write($0, to: 1) },
        err: { FileDescriptorWriter.write($0, to: 2) })
}

/// Unbuffered writes to a descriptor, so output interleaves in order with child processes and survives `exit`.
package enum FileDescriptorWriter {
    /// Writes all of `text` to `fd`, ignoring errors (a closed pipe must not crash a hook).
    package static func write(_ text: String, to fd: Int32) {
        try? FileSystem.writeAll(fd: fd, bytes: Array(text.utf8), path: "fd \(fd)")
    }
}
