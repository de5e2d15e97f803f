import Shared

/// Finds a sibling tool of the running executable (`oss-decrypt` next to `oss-notify`).
package enum SiblingExecutable {
    /// The path of the running executable (`/proc/self/exe` on Linux, `_NSGetExecutablePath` on macOS).
    package static func currentExecutable() -> String? {
        #if canImport(Darwin)
            var size: UInt32 = 0
            _ = _NSGetExecutablePath(nil, &size)
            var buffer = [CChar](repeating: 0, count: Int(size) + 1)
            guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
            return FileSystem.realPath(String(cString: buffer))
        #else
            return FileSystem.realPath("/proc/self/exe")
        #endif
    }

    /// `name`'s path: the `override` variable when set, else next to the running executable, else `~/.oss/bin`;
    /// nil when none is executable.
    package static func locate(
        _ name: String, overrideVariable: String, environment: Environment, paths: OSSPaths
    ) -> String? {
        if let override = environment.nonEmpty(overrideVariable) {
            return FileSystem.isExecutable(override) ? override : nil
        }
        var candidates: [String] = []
        if let executable = currentExecutable() {
            candidates.append(executable.deletingLastPathComponent.appendingPathComponent(name))
        }
        candidates.append(paths.ossDir.appendingPathComponent("bin").appendingPathComponent(name))
        return candidates.first(where: FileSystem.isExecutable)
    }
}
