import Shared
import WorkflowState

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The background update check of a session start (compatibility.md#notify-session-issue): run `check-updates.sh` (3 s budget); when it
/// prints something, wait (11 s upstream, so the session notice shows first), then post that text as a 30 s
/// notification. Runs in a detached `oss-notify --session-update-notice` process.
package enum UpdateNotice {
    /// The script's budget, in seconds.
    package static let scriptTimeout = 3.0
    /// The wait before posting, in seconds.
    package static let delaySeconds = 11

    /// The executable `check-updates.sh` beside the hook scripts: `OSS_HOOKS_DIR` (set by the shim), else
    /// `$CLAUDE_PLUGIN_ROOT/hooks`; nil when neither has one.
    package static func script(environment: Environment) -> String? {
        let directories = [
            environment.nonEmpty("OSS_HOOKS_DIR"),
            environment.nonEmpty("CLAUDE_PLUGIN_ROOT").map { $0.appendingPathComponent("hooks") },
        ]
        for case let directory? in directories {
            let candidate = directory.appendingPathComponent("check-updates.sh")
            if FileSystem.isExecutable(candidate) { return FileSystem.realPath(candidate) ?? candidate }
        }
        return nil
    }

    /// Runs the check and posts its output; returns the confirmation line, or nil when nothing was posted.
    /// - Throws: `FileError` when the state cannot be written.
    @discardableResult
    package static func run(
        script: String, stateFile: String, delaySeconds: Int, environment: Environment, clock: WallClock
    ) throws -> String? {
        guard stateFile.hasSuffix("/.oss/workflow-state.json") else { return nil }
        let result = ChildProcess.run(script, arguments: [], environment: environment, timeout: scriptTimeout)
        let text = String(decoding: result.stdout, as: UTF8.self).trimmingWhitespace
        guard result.status == 0, !text.isEmpty else { return nil }
        if delaySeconds > 0 { sleep(UInt32(delaySeconds)) }
        let outcome = try WorkflowStateStore(
            path: stateFile, clock: clock, home: OSSPaths(environment: environment).home
        )
        .apply([.setNotification(message: text, ttlSeconds: 30)])
        return outcome.lines.first
    }
}
