import Foundation
import Shared

/// Runs a command inside a private mount namespace (`unshare --mount`), where a test may make a directory
/// read-only, fill it up with a tiny tmpfs, or bind another directory over the user's password-database home,
/// without any effect outside the namespace. Root cannot be stopped by `chmod`, so these are the faithful ways to
/// produce EROFS and ENOSPC in CI (which runs as root). Linux only, and only where mounting is permitted: check
/// `isAvailable` (or pass `unavailableReason` to `.enabled(if:)`).
package enum MountNamespace {
    /// Why mount namespaces cannot be used here, or nil when they can (probed once).
    package static let unavailableReason: String? = probe()

    /// Whether mount namespaces can be used here.
    package static var isAvailable: Bool { unavailableReason == nil }

    /// The exit status the setup scripts use when a mount fails.
    private static let setupFailure: Int32 = 97

    /// Runs `executable` with `directory` remounted read-only (a bind mount onto itself).
    /// - Throws: `MountNamespaceError.setupFailed` when the mount failed, or what `ToolRunner` throws.
    package static func runReadOnly(
        _ directory: String, _ executable: String, _ arguments: [String], environment: [String: String]
    ) throws -> ToolResult {
        let script = #"""
            d=$1; shift
            mount --bind "$d" "$d" && mount -o remount,bind,ro "$d" || exit 97
            exec "$@"
            """#
        return try run(script, [directory, executable] + arguments, environment: environment)
    }

    /// Runs `executable` with `directory` replaced by a `kilobytes`-sized tmpfs that holds a copy of its contents
    /// and is then filled to the last byte; afterwards the tmpfs contents are copied into `snapshot` (an empty
    /// directory outside `directory`) so the test can inspect what the run left behind.
    /// - Throws: `MountNamespaceError.setupFailed` when the mount failed, or what `ToolRunner` throws.
    package static func runFull(
        _ directory: String, kilobytes: Int = 64, snapshot: String, _ executable: String, _ arguments: [String],
        environment: [String: String]
    ) throws -> ToolResult {
        let script = #"""
            d=$1; snap=$2; kb=$3; shift 3
            mode=$(stat -c %a "$d") || exit 97
            cp -a "$d/." "$snap/" || exit 97
            mount -t tmpfs -o "size=${kb}k,mode=$mode" tmpfs "$d" || exit 97
            cp -a "$snap/." "$d/" || exit 97
            cat /dev/zero > "$d/.filler" 2>/dev/null
            "$@"; rc=$?
            rm -f "$d/.filler"
            find "$snap" -mindepth 1 -delete && cp -a "$d/." "$snap/" || exit 97
            exit $rc
            """#
        return try run(
            script, [directory, snapshot, String(kilobytes), executable] + arguments, environment: environment)
    }

    /// Runs `executable` with `source` bind-mounted over `target` (e.g. a temp dir over the password-database
    /// home, so a tool without `HOME` writes into the temp dir instead of the real home).
    /// - Throws: `MountNamespaceError.setupFailed` when the mount failed, or what `ToolRunner` throws.
    package static func runWithBind(
        _ source: String, over target: String, _ executable: String, _ arguments: [String],
        environment: [String: String]
    ) throws -> ToolResult {
        let script = #"""
            src=$1; dst=$2; shift 2
            mount --bind "$src" "$dst" || exit 97
            exec "$@"
            """#
        return try run(script, [source, target, executable] + arguments, environment: environment)
    }

    /// Runs the built `tool` with `HOME` unset and the password database's home replaced by an empty
    /// `<root>/pw-home` (bind-mounted over it), so the run shows where a tool without `HOME` writes.
    /// - Returns: the result and the directory standing in for the home.
    /// - Throws: when the password database has no home for this user, or what `runWithBind` throws.
    package static func runWithoutHome(_ tool: String, _ arguments: [String], root: String) throws
        -> (result: ToolResult, home: String)
    {
        guard let passwdHome = UserDatabase.current()?.home else {
            throw MountNamespaceError.setupFailed("the password database has no home for this user")
        }
        let fakeHome = root.appendingPathComponent("pw-home")
        try FileSystem.createDirectories(fakeHome)
        var environment = ToolRunner.environment(home: root, extra: ["TMPDIR": root])
        environment["HOME"] = nil
        let result = try runWithBind(
            fakeHome, over: passwdHome, ToolRunner.path(of: tool), arguments, environment: environment)
        return (result, fakeHome)
    }

    private static func run(_ script: String, _ arguments: [String], environment: [String: String]) throws
        -> ToolResult
    {
        var unshare = ["--mount", "--propagation", "private"]
        if getuid() != 0 { unshare.append("--map-root-user") }
        let result = try ToolRunner.runProcess(
            "/usr/bin/unshare", unshare + ["--", "/bin/sh", "-c", script, "sh"] + arguments,
            environment: environment)
        if result.status == setupFailure { throw MountNamespaceError.setupFailed(result.stderr) }
        return result
    }

    private static func probe() -> String? {
        #if os(Linux)
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else {
                return "/usr/bin/unshare is not installed"
            }
            guard let directory = try? makeTemporaryDirectory() else { return "no temporary directory" }
            defer { FileSystem.removeTree(directory) }
            let script = #"mount -t tmpfs -o size=16k tmpfs "$1" && touch "$1/probe" || exit 97"#
            do {
                _ = try run(script, [directory], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"])
                return nil
            } catch {
                return "cannot mount in a private mount namespace here (unshare --mount): \(error)"
            }
        #else
            return "mount namespaces are Linux-only"
        #endif
    }
}

/// Why a mount-namespace run could not set up its mounts.
package enum MountNamespaceError: Error, CustomStringConvertible {
    case setupFailed(String)

    package var description: String {
        switch self {
        case .setupFailed(let stderr): return "mount namespace setup failed: \(stderr)"
        }
    }
}
