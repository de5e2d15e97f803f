import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Applies workflow-state verbs to `workflow-state.json` in one locked transaction.
///
/// One call = one `flock` on `<file>.lock`, one read, every verb in order, one `lastUpdate`/`version` bump and one
/// atomic write (compatibility.md#file-safety). A file that is not valid JSON, or not a JSON object, is moved aside and reported
/// (D27); a file without `chainState` gets a default one (D31).
package struct WorkflowStateStore: Sendable {
    /// The outcome of a transaction.
    package struct Outcome: Equatable, Sendable {
        /// One confirmation line per verb (compatibility.md#workflow-state-verbs), in order.
        package var lines: [String]
        /// Problems met on the way, for stderr (a corrupt file moved aside, a repaired file).
        package var warnings: [String]
        /// The state after the transaction (as written, or as read when nothing was written).
        package var state: WorkflowState
        /// Whether the file was written.
        package var wrote: Bool
    }

    /// The state file.
    package var path: String
    /// The clock for `lastUpdate`, timestamps inside the state and names of files moved aside.
    package var clock: WallClock
    /// The project tree the file lies in (nil for `~/.oss/workflow-state.json`).
    package var tree: ProjectTree?

    /// A store for `path`; `home` tells the user's own `~/.oss` (which may be a link) from a project's `.oss`.
    package init(path: String, clock: WallClock = .system, home: String? = nil) {
        self.path = path
        self.clock = clock
        tree = ProjectTree(containing: path, home: home)
    }

    /// The current state without locking (readers always see a whole file); nil when missing or not an object.
    package func read() -> WorkflowState? {
        JSONFileStore(path: path, tree: tree).read()?.objectValue.map { WorkflowState(object: $0) }
    }

    /// Runs `verbs` in one transaction and returns their confirmation lines.
    /// - Throws: `FileError` when the directory, lock or file cannot be written; the file is then unchanged.
    package func apply(_ verbs: [WorkflowStateVerb]) throws -> Outcome {
        let now = clock.now()
        let path = self.path
        let store = JSONFileStore(path: path, mode: 0o600, clock: clock, tree: tree)
        // `.oss` directories hold state and logs: private to the user when this call creates them.
        if tree == nil { try FileSystem.createDirectories(path.deletingLastPathComponent, mode: 0o700) }
        let update = try store.update { (value: inout JSONValue?) throws -> Outcome in
            var warnings: [String] = []
            var state: WorkflowState
            var existed = false
            switch value {
            case .object(let object)?:
                state = WorkflowState(object: object)
                existed = true
                if state.repairChainState() {
                    warnings.append("\(path) had no chainState; added the default chain")
                }
            case nil:
                state = .initial(now: now)
            case .some:
                guard let aside = FileSystem.moveAside(path, now: now) else {
                    throw FileError(path: path, operation: "move aside the non-object state file", code: errno)
                }
                warnings.append("\(path) is not a JSON object; moved it aside to \(aside)")
                state = .initial(now: now)
            }
            var lines: [String] = []
            var writes = false
            for verb in verbs {
                let effect = state.apply(verb, now: now, fileExisted: existed)
                lines.append(effect.line)
                writes = writes || effect.writes
            }
            if writes {
                state.stamp(now: now)
                value = state.json
            } else {
                value = nil
            }
            return Outcome(lines: lines, warnings: warnings, state: state, wrote: writes)
        }
        var outcome = update.result
        outcome.warnings = update.warnings + outcome.warnings
        return outcome
    }
}
