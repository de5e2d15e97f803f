/// Decides which project directory a call belongs to, and whether a candidate path is an acceptable project.
///
/// One rule for every tool (compatibility.md#log-location/compatibility.md#workflow-state-location with D1 and D9 fixed): a project must be an absolute path that
/// resolves (symlinks followed) to a directory equal to or under realpath(HOME), realpath(TMPDIR or `/tmp`),
/// `/private/tmp/` or `/private/var/folders/`. `~/.oss/current-project` is trimmed at the ends only, so paths with
/// interior spaces work.
package struct ProjectResolver: Sendable {
    private let environment: Environment
    private let paths: OSSPaths

    /// A resolver over an environment and the paths derived from it.
    package init(environment: Environment, paths: OSSPaths) {
        self.environment = environment
        self.paths = paths
    }

    /// The canonical form of `path` when it is an acceptable project directory, else nil.
    package func validate(_ path: String) -> String? {
        guard path.hasPrefix("/"), let canonical = FileSystem.realPath(path), FileSystem.isDirectory(canonical) else {
            return nil
        }
        var roots: [String] = []
        if let home = environment.nonEmpty("HOME"), let real = FileSystem.realPath(home) { roots.append(real) }
        if let real = FileSystem.realPath(environment.tmpDir) { roots.append(real) }
        for root in roots where canonical == root || canonical.hasPrefix(root == "/" ? "/" : root + "/") {
            return canonical
        }
        if canonical.hasPrefix("/private/tmp/") || canonical.hasPrefix("/private/var/folders/") { return canonical }
        return nil
    }

    /// Whether `path` is a candidate that `validate` rejects because it lies outside the allowed roots (it exists).
    package func isOutsideAllowedRoots(_ path: String) -> Bool {
        guard path.hasPrefix("/"), let canonical = FileSystem.realPath(path), FileSystem.isDirectory(canonical) else {
            return false
        }
        return validate(path) == nil
    }

    /// The contents of `~/.oss/current-project`, trimmed at both ends; nil when missing or blank.
    package func currentProjectFileContents() -> String? {
        guard let bytes = FileSystem.readIfPresent(paths.currentProjectFile) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
        return text.isEmpty ? nil : text
    }

    /// The validated current project from `~/.oss/current-project`.
    package func validatedCurrentProject() -> String? {
        currentProjectFileContents().flatMap(validate)
    }

    /// The project whose logs a call writes (compatibility.md#log-location): `CLAUDE_PROJECT_DIR` when non-empty (an invalid one does
    /// not fall through), else `~/.oss/current-project`; nil means the global logs.
    package func logProject() -> String? {
        if let candidate = environment.nonEmpty("CLAUDE_PROJECT_DIR") { return validate(candidate) }
        return validatedCurrentProject()
    }

    /// The log base directory: `<project>/.oss/logs`, or `~/.oss/logs`.
    package func logBase() -> String {
        guard let project = logProject() else { return paths.globalLogsDir }
        return project.appendingPathComponent(".oss/logs")
    }

    /// The project for workflow-state side effects (compatibility.md#log-state-effects): `CLAUDE_PROJECT_DIR`, else current-project;
    /// validated; nil when neither is acceptable.
    package func sideEffectProject() -> String? {
        if let candidate = environment.nonEmpty("CLAUDE_PROJECT_DIR"), let valid = validate(candidate) {
            return valid
        }
        return validatedCurrentProject()
    }
}
