import Shared

/// Finds the `workflow-state.json` a call works on (compatibility.md#workflow-state-location, with D30 fixed).
///
/// Sources in order: an explicit project directory (`--project-dir`), `CLAUDE_PROJECT_DIR`, `~/.oss/current-project`
/// (trimmed at the ends only), then the global `~/.oss/workflow-state.json`. A source that does not validate falls
/// through to the next one (upstream sent an invalid `--project-dir` straight to the global file). A candidate that
/// exists but lies outside the allowed roots is reported with upstream's `Security:` line.
package struct WorkflowStateLocator: Sendable {
    /// Where the state lives and what was rejected on the way.
    package struct Location: Equatable, Sendable {
        /// The state file.
        package var path: String
        /// The canonical project directory, nil for the global file.
        package var project: String?
        /// `Security: Path outside allowed directories rejected: <path>` lines, for stderr.
        package var warnings: [String]

        /// A location.
        package init(path: String, project: String?, warnings: [String]) {
            self.path = path
            self.project = project
            self.warnings = warnings
        }
    }

    private let environment: Environment
    private let paths: OSSPaths
    private let resolver: ProjectResolver

    /// A locator over an environment.
    package init(environment: Environment, paths: OSSPaths) {
        self.environment = environment
        self.paths = paths
        resolver = ProjectResolver(environment: environment, paths: paths)
    }

    /// The state file for an optional explicit project directory.
    package func locate(projectDir: String? = nil) -> Location {
        var warnings: [String] = []
        let candidates = [
            projectDir, environment.nonEmpty("CLAUDE_PROJECT_DIR"), resolver.currentProjectFileContents(),
        ]
        // Upstream validation starts by requiring a non-empty HOME.
        if environment.nonEmpty("HOME") != nil {
            for case let candidate? in candidates where !candidate.isEmpty {
                if let project = resolver.validate(candidate) {
                    return Location(
                        path: project.appendingPathComponent(".oss/workflow-state.json"), project: project,
                        warnings: warnings)
                }
                if resolver.isOutsideAllowedRoots(candidate) {
                    warnings.append("Security: Path outside allowed directories rejected: \(candidate)")
                }
            }
        }
        return Location(path: paths.globalWorkflowStateFile, project: nil, warnings: warnings)
    }

    /// The state file a hook's side effect writes (compatibility.md#log-state-effects/compatibility.md#workflow-state-hooks): the project directory is
    /// `CLAUDE_PROJECT_DIR`, else current-project, else (when `gitFallback`) the git work tree containing `cwd`; it is
    /// passed as `--project-dir` only when `<dir>/.oss` is a directory, and resolution then follows `locate`.
    package func locateForHook(cwd: String?, gitFallback: Bool) -> Location {
        var candidate = environment.nonEmpty("CLAUDE_PROJECT_DIR") ?? resolver.currentProjectFileContents()
        if candidate == nil, gitFallback, let cwd { candidate = Self.gitTopLevel(from: cwd) }
        guard let candidate, FileSystem.isDirectory(candidate.appendingPathComponent(".oss")) else {
            return locate(projectDir: nil)
        }
        return locate(projectDir: candidate)
    }

    /// The closest directory at or above `directory` that holds a `.git` entry (a directory, or the `gitdir:` file
    /// of a worktree), like `git rev-parse --show-toplevel` without spawning git.
    package static func gitTopLevel(from directory: String) -> String? {
        var current = FileSystem.realPath(directory) ?? directory
        while true {
            if FileSystem.exists(current.appendingPathComponent(".git")) { return current }
            let parent = current.deletingLastPathComponent
            if parent == current || current == "/" { return nil }
            current = parent
        }
    }
}
