extension DoctorReport {
    /// A few lines for a person: one per plugin root and per check, then what to run.
    package var text: String {
        var lines: [String] = []
        if roots.isEmpty { lines.append("plugin roots: none found") }
        for entry in roots {
            let version = entry.root.version.flatMap { $0.isEmpty ? nil : $0 } ?? "?"
            let found = entry.root.origins.map(\.rawValue).joined(separator: ", ")
            var state = entry.isNative ? "native" : "NOT native"
            if !entry.nonNativeHooks.isEmpty { state += " (bash: \(entry.nonNativeHooks.joined(separator: ", ")))" }
            if !entry.commandInstalled { state += " (/oss:integration not installed)" }
            lines.append("plugin \(version) at \(entry.root.path) [\(found)]: \(state)")
        }
        lines.append(
            "~/.oss/hooks: "
                + (nonNativeOSSHooks.isEmpty ? "native" : "NOT native (\(nonNativeOSSHooks.joined(separator: ", ")))"))
        lines.append("~/.oss/oss-statusline.sh: " + (statusLineScriptNative ? "native" : "NOT native"))
        let entryState: String
        switch sessionStartEntry {
        case .some(true): entryState = "present"
        case .some(false): entryState = "missing"
        case .none: entryState = "settings.json does not parse"
        }
        lines.append("session-start re-apply entry: \(entryState)")
        lines.append("status line setting: " + (statusLineCommand.map { "\"\($0)\"" } ?? "not set"))
        lines.append("binaries: " + binaries.map { "\($0.name) \($0.version ?? "missing")" }.joined(separator: ", "))
        lines.append(
            "credentials: \(credentialsPresent ? "present" : "missing"), API key: \(apiKeyPresent ? "present" : "missing")"
        )
        for problem in problems { lines.append("problem: \(problem.what). Fix: \(problem.fix)") }
        for note in notes { lines.append("note: \(note.what). Fix: \(note.fix)") }
        lines.append(isNative ? "All native." : "Not everything is native.")
        return lines.joined(separator: "\n") + "\n"
    }
}
