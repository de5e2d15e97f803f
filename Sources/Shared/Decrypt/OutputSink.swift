/// Where a Shared operation sends its output; the executable wires it to file descriptors 1 and 2.
package struct OutputSink: Sendable {
    private let writeOut: @Sendable (String) -> Void
    private let writeErr: @Sendable (String) -> Void

    /// A sink from two writers.
    package init(stdout: @escaping @Sendable (String) -> Void, stderr: @escaping @Sendable (String) -> Void) {
        writeOut = stdout
        writeErr = stderr
    }

    /// Writes text to stdout as is.
    package func stdout(_ text: String) { writeOut(text) }

    /// Writes text to stderr as is.
    package func stderr(_ text: String) { writeErr(text) }

    /// Writes one line (newline added) to stdout.
    package func outLine(_ line: String) { writeOut(line + "\n") }

    /// Writes one line (newline added) to stderr.
    package func errLine(_ line: String) { writeErr(line + "\n") }

    /// A sink that collects everything, for tests.
    package static func collecting() -> (sink: OutputSink, stdout: LockedBox<String>, stderr: LockedBox<String>) {
        let out = LockedBox("")
        let err = LockedBox("")
        let sink = OutputSink(
            stdout: { text in out.withLock { $0 += text } },
            stderr: { text in err.withLock { $0 += text } })
        return (sink, out, err)
    }

    /// The process's own stdout and stderr, written with `write(2)` (no buffering to lose at exit).
    package static let standard = OutputSink(
        stdout: { text in try? FileSystem.writeAll(fd: 1, bytes: Array(text.utf8), path: "<stdout>") },
        stderr: { text in try? FileSystem.writeAll(fd: 2, bytes: Array(text.utf8), path: "<stderr>") })
}
