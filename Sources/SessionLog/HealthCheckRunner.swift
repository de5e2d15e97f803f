import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `oss-log health-check`: runs the plugin's watcher health check for the active project, showing its output and
/// keeping a copy in `current-session/health-check.log`; exits with the check's own status.
struct HealthCheckRunner {
    var environment: Environment
    var console: Console
    var book: LogBook

    func run() -> Int32 {
        let paths = OSSPaths(environment: environment)
        let resolver = ProjectResolver(environment: environment, paths: paths)
        guard let project = resolver.currentProjectFileContents(), FileSystem.isDirectory(project) else {
            console.line("No active project. Start a Claude Code session first.")
            return 1
        }
        let root =
            FileSystem.readIfPresent(paths.pluginRootFile).map {
                String(decoding: $0, as: UTF8.self).trimmingWhitespace
            } ?? ""
        let cli = root.appendingPathComponent("watcher/dist/cli/health-check.js")
        guard !root.isEmpty, FileSystem.isRegularFile(cli) else {
            console.line("Health check CLI not found at: \(cli)")
            return 1
        }
        guard let node = ChildProcess.which("node", environment: environment) else {
            console.errorLine("oss-log: error: the health check needs node, which is not on PATH")
            return 1
        }
        console.line("Running health check in: \(project)")
        console.line(String(repeating: "─", count: 41))
        let logPath = book.currentSession.appendingPathComponent("health-check.log")
        let fd = open(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer { if fd >= 0 { close(fd) } }
        let result = ChildProcess.run(
            node, arguments: [cli, "--verbose"], environment: environment, directory: project,
            stdout: .capture(limit: 0), stderr: .mergeWithStdout, timeout: 3600
        ) { chunk in
            console.out(String(decoding: chunk, as: UTF8.self))
            if fd >= 0 { try? FileSystem.writeAll(fd: fd, bytes: chunk, path: logPath) }
        }
        guard let status = result.status else {
            console.errorLine("oss-log: error: could not start \(node)")
            return 1
        }
        return status
    }
}
