/// What a command produced: text for stdout and stderr, and the exit status. Shared never prints; the executable
/// writes these.
package struct CommandOutput: Equatable, Sendable {
    /// Text for stdout (lines already joined, each ending in a newline).
    package var stdout: String
    /// Text for stderr.
    package var stderr: String
    /// The exit status.
    package var status: ExitStatus

    /// An output with the given parts.
    package init(stdout: String = "", stderr: String = "", status: ExitStatus = .success) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }

    /// Appends `lines` to stdout, one per line.
    package mutating func print(_ lines: [String]) {
        for line in lines { stdout += line + "\n" }
    }

    /// Appends `lines` to stderr, one per line.
    package mutating func report(_ lines: [String]) {
        for line in lines { stderr += line + "\n" }
    }
}
