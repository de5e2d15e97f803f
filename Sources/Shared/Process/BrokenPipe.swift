#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGPIPE handling for tools that write to a child's pipe (curl's config on stdin): a child that dies before it
/// reads must turn into an error the tool reports (`EPIPE`), not kill the tool with status 141.
package enum BrokenPipe {
    /// Ignores SIGPIPE for the whole process; writes to a closed pipe then fail with `EPIPE`.
    package static func ignore() {
        signal(SIGPIPE, SIG_IGN)
    }
}
