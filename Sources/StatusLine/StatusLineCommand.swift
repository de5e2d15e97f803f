import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `oss-notify --statusline`: renders Claude Code's status line (compatibility.md#status-line) from its stdin JSON and the OSS
/// files, with no subprocess; colour only in opt-in segments with thresholds, never under `NO_COLOR`.
///
/// Resolution: the project is `workspace.current_dir` when it passes the project rule, else `~/.oss/current-project`
/// (validated). The state is `<project>/.oss/workflow-state.json` if it exists, else `~/.oss/workflow-state.json`;
/// the queue `<project>/.oss/queue.json` if it exists, else `~/.oss/queue.json`; the iron laws
/// `~/.oss/iron-law-state.json`. Missing or unparsable files count as absent. The branch comes from the project's
/// repository (else the working directory's). A positive `COLUMNS` truncates the line to that many display columns,
/// ending in `…`. `workspace.project_dir`, when Claude Code sends it, is preferred over `current_dir` for the project
/// and its name. The opt-in segments of `statusLine.segments` in `~/.oss/settings.json` follow the usual ones.
package enum StatusLineCommand {
    /// The line printed when rendering cannot proceed at all.
    package static let minimalLine = "✅ | [Claude]"
    /// Files larger than this are ignored (the state, queue and iron-law files are a few KiB).
    package static let fileLimit = 4 * 1_048_576

    /// The status line for `input` (Claude Code's stdin bytes), without a trailing newline: the caller prints it
    /// followed by one newline. Never fails: anything unreadable falls back to defaults.
    package static func run(input: [UInt8], environment: Environment, clock: WallClock) -> String {
        run(input: input, environment: environment, clock: clock, workingDirectory: currentWorkingDirectory())
    }

    /// As `run(input:environment:clock:)`, with the directory whose repository is used when no project resolves.
    package static func run(
        input: [UInt8], environment: Environment, clock: WallClock, workingDirectory: String?
    ) -> String {
        let parsed = StatusLineInput(bytes: input)
        guard environment.home != nil else { return truncate(minimalLine, environment) }
        let paths = OSSPaths(environment: environment)
        let resolver = ProjectResolver(environment: environment, paths: paths)
        var project: String?
        if !parsed.projectDirectory.isEmpty { project = resolver.validate(parsed.projectDirectory) }
        if project == nil, !parsed.currentDirectory.isEmpty { project = resolver.validate(parsed.currentDirectory) }
        if project == nil { project = resolver.validatedCurrentProject() }

        // A project's `.oss` that is a link (or not the user's) is ignored, as its files would be.
        var projectOSS: String?
        if let project {
            let directory = project.appendingPathComponent(".oss")
            if (try? ProjectTree(root: project).check(directory)) != nil { projectOSS = directory }
        }
        let state = readJSON(
            preferring: projectOSS.map { $0.appendingPathComponent("workflow-state.json") },
            else: paths.globalWorkflowStateFile)
        let queue = readJSON(
            preferring: projectOSS.map { $0.appendingPathComponent("queue.json") }, else: paths.globalQueueFile)
        let ironLaw = readJSON(paths.ironLawStateFile)
        let branch = (project ?? workingDirectory).flatMap { GitBranchReader().branch(startingAt: $0) }

        let named = parsed.projectDirectory.isEmpty ? parsed.currentDirectory : parsed.projectDirectory
        var projectName = named.isEmpty ? "" : named.lastPathComponent
        if projectName.isEmpty || projectName == "/", let project { projectName = project.lastPathComponent }
        let renderer = StatusLineRenderer(
            modelName: parsed.modelName, projectName: projectName,
            state: state.flatMap { $0.objectValue != nil ? $0 : nil } ?? .object(JSONObject()),
            queue: queue, ironLaw: ironLaw, branch: branch, now: clock.now())
        var line = renderer.render()
        let options = StatusLineOptions.load(path: paths.settingsFile)
        if !options.segments.isEmpty {
            let colour = environment.nonEmpty("NO_COLOR") == nil
            let extra = StatusLineSegments(options: options, colour: colour).render(parsed.session)
            if !extra.isEmpty { line += " | " + extra.joined(separator: " | ") }
        }
        return truncate(line, environment)
    }

    /// Reads standard input for the status line: stops at end of input, at 1 MiB, after 200 ms, or as soon as a
    /// whole JSON object has arrived (Claude Code may keep stdin open).
    package static func readStandardInput(reader: StdinReader = StdinReader()) -> [UInt8] {
        reader.read(fd: 0, isComplete: StatusLineInput.isCompleteDocument).bytes
    }

    /// `line` cut to `COLUMNS` display columns when that is a positive integer.
    private static func truncate(_ line: String, _ environment: Environment) -> String {
        guard let text = environment.nonEmpty("COLUMNS"), let columns = Int(text.trimmingWhitespace), columns > 0
        else { return line }
        return DisplayWidth.truncate(line, toColumns: columns)
    }

    /// The project file if it exists, else the global one; nil when the chosen file is missing or unparsable. A
    /// project file that is a symbolic link counts as absent.
    private static func readJSON(preferring projectPath: String?, else globalPath: String) -> JSONValue? {
        if let projectPath, !FileSystem.isSymbolicLink(projectPath), FileSystem.exists(projectPath) {
            return readJSON(projectPath)
        }
        return readJSON(globalPath)
    }

    /// A state, queue or iron-law file: a regular file only (a link in its place reads as absent).
    private static func readJSON(_ path: String) -> JSONValue? {
        guard let bytes = SmallFile.read(path, limit: fileLimit, followLinks: false) else { return nil }
        return try? JSONValue.parse(bytes: bytes)
    }

    private static func currentWorkingDirectory() -> String? {
        guard let pointer = getcwd(nil, 0) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
