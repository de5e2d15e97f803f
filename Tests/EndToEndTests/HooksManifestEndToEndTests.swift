import Foundation
import Shared
import TestSupport
import Testing

/// `hooks/hooks.json` as Claude Code runs it: each command through `sh -c` with `CLAUDE_PLUGIN_ROOT` set to a path
/// with spaces, the hook input JSON on stdin, and only the groups whose matcher matches the session's source.
struct HooksManifestEndToEndTests {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private static func manifest() throws -> JSONValue {
        try JSONValue.parse(try #require(readFile(repository + "/hooks/hooks.json")))
    }

    /// The commands of `event` whose group matcher (alternatives separated by `|`, none = all) matches `source`.
    private static func commands(_ event: String, source: String) throws -> [String] {
        let groups = try manifest()["hooks"]?[event]?.arrayValue ?? []
        return groups.filter { group in
            guard let matcher = group["matcher"]?.stringValue, !matcher.isEmpty, matcher != "*" else { return true }
            return matcher.split(separator: "|").contains { $0 == source }
        }.flatMap { $0["hooks"]?.arrayValue ?? [] }.compactMap { $0["command"]?.stringValue }
    }

    @Test func everyPluginPathIsQuotedAndEverySessionStartGroupHasAMatcher() throws {
        let hooks = try #require(try Self.manifest()["hooks"]?.objectValue)
        for (_, groups) in hooks {
            for group in groups.arrayValue ?? [] {
                for hook in group["hooks"]?.arrayValue ?? [] {
                    let command = try #require(hook["command"]?.stringValue)
                    #expect(command.hasPrefix("\"${CLAUDE_PLUGIN_ROOT}/hooks/"), "\(command)")
                    #expect(hook["type"] == "command")
                    #expect(hook["timeout"]?.intValue.map { $0 > 0 } == true)
                }
            }
        }
        for group in hooks["SessionStart"]?.arrayValue ?? [] {
            #expect(group["matcher"]?.stringValue?.isEmpty == false)
        }
        let prepare = try Self.commands("SessionStart", source: "startup").filter { $0.contains("oss-notify") }
        #expect(prepare.count == 1)
        #expect(try Self.commands("SessionStart", source: "compact").allSatisfy { !$0.contains("oss-notify") })
        #expect(try Self.commands("SessionStart", source: "resume").allSatisfy { !$0.contains("oss-notify") })
        #expect(try Self.commands("SessionStart", source: "clear").contains { $0.contains("oss-notify") })
    }

    @Test func sessionStartPrintsNothingPreparesOnlyNewSessionsAndReadsTheHookInput() throws {
        try withTemporaryDirectory { root in
            let home = root + "/home"
            let plugin = root + "/plugin cache/oss/2.0.80"
            let project = root + "/my project"
            try FileSystem.createDirectories(home + "/.oss/bin")
            try FileSystem.createDirectories(project + "/.oss")
            for tool in ["oss-log", "oss-notify"] {
                let bytes = try FileSystem.read(ToolRunner.path(of: tool))
                try FileSystem.writeAtomically(bytes, to: home + "/.oss/bin/" + tool, mode: 0o755)
            }
            for name in ["oss-log.sh", "oss-notify.sh"] {
                try writeFile(
                    plugin + "/hooks/" + name, try #require(readFile(Self.repository + "/hooks/" + name)), mode: 0o755)
            }
            let state = project + "/.oss/workflow-state.json"
            try writeFile(
                state, #"{"currentCommand": "build", "tddPhase": "red", "lastCommand": "plan", "supervisor": "idle"}"#)
            var environment = ToolRunner.environment(home: home)
            environment["CLAUDE_PLUGIN_ROOT"] = plugin
            func sessionStart(_ source: String) throws {
                let input =
                    #"{"session_id": "s-\#(source)", "transcript_path": "/dev/null", "cwd": "\#(project)", "hook_event_name": "SessionStart", "source": "\#(source)"}"#
                for command in try Self.commands("SessionStart", source: source) {
                    let result = try ToolRunner.runProcess(
                        "/bin/sh", ["-c", command], environment: environment, stdin: input, cwd: project)
                    #expect(result.status == 0, "\(command): \(result)")
                    #expect(result.stdout.isEmpty, "\(command) printed into Claude's context: \(result.stdout)")
                }
            }

            // A resumed or compacted session keeps the running workflow's state.
            try sessionStart("compact")
            try sessionStart("resume")
            var value = try JSONValue.parse(try #require(readFile(state)))
            #expect(value["currentCommand"] == "build")
            #expect(value["tddPhase"] == "red")
            #expect(value["sessionId"] == nil)

            // A new session prepares it (keeping lastCommand, as prepareForNewSession does) and records its id.
            try sessionStart("startup")
            value = try JSONValue.parse(try #require(readFile(state)))
            #expect(value["currentCommand"] == nil)
            #expect(value["tddPhase"] == nil)
            #expect(value["lastCommand"] == "plan")
            #expect(value["supervisor"] == "watching")
            #expect(value["sessionId"] == "s-startup")
            #expect(readFile(home + "/.oss/logs/current-session/session.log")?.contains("SessionStart") == true)

            // The CLI verb keeps its documented confirmation line.
            let verb = try ToolRunner.run(
                "oss-notify", ["--state", "prepareForNewSession", "--project-dir", project], environment: environment)
            #expect(verb.stdout == "Session state prepared\n")
        }
    }
}
