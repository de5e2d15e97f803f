/// POSIX shell quoting for paths placed into hook commands.
package enum ShellQuote {
    /// `text` in single quotes, each embedded `'` written as `'\''`.
    package static func quote(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
