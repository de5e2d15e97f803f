import Shared

/// `health-workflow-state.json` behind `oss-log workflow …`: `{currentFeature, lastCompletedStep,
/// lastStepTimestamp}`, written through a locked transaction and a real JSON encoder (fixes D5).
package struct HealthWorkflowState: Sendable {
    /// The file.
    package var path: String
    /// The clock for `complete`.
    package var clock: WallClock
    /// The project tree the file lies in (nil for the global file).
    package var tree: ProjectTree?

    /// The steps `workflow complete` accepts.
    package static let steps = ["ideate", "plan", "build", "ship"]

    /// The file for an environment: `<current-project>/.oss/health-workflow-state.json` when `~/.oss/current-project`
    /// names a valid project whose `.oss` exists, else `~/.oss/health-workflow-state.json` (`CLAUDE_PROJECT_DIR` is
    /// ignored here, as in the original).
    package static func locate(environment: Environment, clock: WallClock = .system) -> HealthWorkflowState {
        let paths = OSSPaths(environment: environment)
        let resolver = ProjectResolver(environment: environment, paths: paths)
        if let project = resolver.validatedCurrentProject(),
            FileSystem.isDirectory(project.appendingPathComponent(".oss"))
        {
            var state = HealthWorkflowState(
                path: project.appendingPathComponent(".oss/health-workflow-state.json"), clock: clock)
            state.tree = ProjectTree(containing: state.path, home: paths.home)
            return state
        }
        return HealthWorkflowState(path: paths.globalHealthStateFile, clock: clock)
    }

    /// A state file at `path`.
    package init(path: String, clock: WallClock = .system) {
        self.path = path
        self.clock = clock
    }

    private var store: JSONFileStore {
        JSONFileStore(path: path, mode: 0o644, clock: clock, tree: tree) { $0.pretty + "\n" }
    }

    /// The file's text, or the all-null default when there is none.
    package func get() -> String {
        if let bytes = tree == nil ? FileSystem.readIfPresent(path) : (try? FileSystem.readRegularFile(path)) ?? nil {
            let text = String(decoding: bytes, as: UTF8.self)
            return text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
        return Self.document(feature: .null, step: .null, timestamp: .null).compact
    }

    /// Starts tracking a feature: `{currentFeature: name, lastCompletedStep: null, lastStepTimestamp: null}`.
    /// - Returns: warnings (a corrupt file moved aside).
    package func setFeature(_ name: String) throws -> [String] {
        try store.update { value in
            value = Self.document(feature: .string(name), step: .null, timestamp: .null)
        }.warnings
    }

    /// Marks `step` completed now (UTC, milliseconds zeroed as the original wrote them), keeping the feature.
    /// - Returns: the timestamp written and any warnings.
    package func complete(step: String) throws -> (timestamp: String, warnings: [String]) {
        let seconds = clock.now().seconds
        let timestamp = TimeFormatter.isoUTC(Timestamp(seconds: seconds))
        let update = try store.update { value in
            let feature = value?["currentFeature"] ?? .null
            value = Self.document(feature: feature, step: .string(step), timestamp: .string(timestamp))
        }
        return (timestamp, update.warnings)
    }

    /// Sets all three keys to null.
    package func clear() throws -> [String] {
        try store.update { value in
            value = Self.document(feature: .null, step: .null, timestamp: .null)
        }.warnings
    }

    private static func document(feature: JSONValue, step: JSONValue, timestamp: JSONValue) -> JSONValue {
        .object(
            JSONObject([("currentFeature", feature), ("lastCompletedStep", step), ("lastStepTimestamp", timestamp)]))
    }
}
