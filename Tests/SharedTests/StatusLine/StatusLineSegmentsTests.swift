import Foundation
import Shared
import StatusLine
import TestSupport
import Testing

struct StatusLineSegmentsTests {
    private let now = Timestamp(milliseconds: 1_795_640_400_000)

    private let session = #"""
        {"model": {"display_name": "Opus"},
         "workspace": {"current_dir": "DIR/sub", "project_dir": "DIR"},
         "version": "2.1.97", "output_style": {"name": "Explanatory"},
         "cost": {"total_cost_usd": 1.2345, "total_duration_ms": 3930000, "total_lines_added": 120,
                  "total_lines_removed": 30},
         "context_window": {"used_percentage": 72.4, "context_window_size": 200000}}
        """#

    private func run(root: String, stdin: String, extra: [String: String] = [:]) -> String {
        var variables = ["HOME": root + "/home", "TMPDIR": root]
        for (key, value) in extra { variables[key] = value }
        return StatusLineCommand.run(
            input: Array(stdin.utf8), environment: Environment(variables), clock: .fixed(now), workingDirectory: nil)
    }

    @Test func withoutTheSettingTheLineIsTheDefaultOne() throws {
        try withTemporaryDirectory { root in
            let project = root + "/home/app"
            try FileSystem.createDirectories(project + "/sub")
            let input = session.replacingOccurrences(of: "DIR", with: project)
            #expect(run(root: root, stdin: input) == "✅ | [Opus] app")
            try writeFile(root + "/home/.oss/settings.json", #"{"notifications": {"style": "none"}}"#)
            #expect(run(root: root, stdin: input) == "✅ | [Opus] app")
        }
    }

    @Test func configuredSegmentsFollowInTheirOrderWithThresholdColours() throws {
        try withTemporaryDirectory { root in
            let project = root + "/home/app"
            try FileSystem.createDirectories(project + "/sub")
            try writeFile(project + "/.oss/workflow-state.json", #"{"currentCommand": "build"}"#)
            let input = session.replacingOccurrences(of: "DIR", with: project)
            try writeFile(
                root + "/home/.oss/settings.json",
                #"""
                {"statusLine": {"segments": ["cost", "context", "duration", "lines", "style", "version", "bogus", "cost"],
                                "thresholds": {"context": [70, 90], "cost": [5, 10]}}}
                """#)
            // project_dir names the project (and finds its state) although the session is in a subdirectory.
            #expect(
                run(root: root, stdin: input, extra: ["NO_COLOR": "1"])
                    == "✅ | [Opus] app | build | $1.23 | 🧠 72% | ⏱ 1h05m | +120 -30 | ✒ Explanatory | CC 2.1.97")
            #expect(
                run(root: root, stdin: input)
                    == "✅ | [Opus] app | build | $1.23 | \u{1B}[33m🧠 72%\u{1B}[0m | ⏱ 1h05m | +120 -30 | ✒ Explanatory | CC 2.1.97"
            )
        }
    }

    @Test func segmentsWithoutDataAreLeftOut() throws {
        let options = StatusLineOptions(segments: [.context, .cost, .duration, .lines, .style, .version])
        #expect(StatusLineSegments(options: options, colour: true).render(StatusLineSession()).isEmpty)
        var session = StatusLineSession(
            json: try JSONValue.parse(
                #"{"context_window": {"context_window_size": 200000, "current_usage": {"input_tokens": 1000, "cache_read_input_tokens": 9000, "output_tokens": 50}}, "output_style": {"name": "default"}}"#
            ))
        #expect(StatusLineSegments(options: options, colour: true).render(session) == ["🧠 5%"])
        session.costUSD = 12
        let red = StatusLineOptions(segments: [.cost], thresholds: [.cost: .init(warn: 5, critical: 10)])
        #expect(StatusLineSegments(options: red, colour: true).render(session) == ["\u{1B}[31m$12.00\u{1B}[0m"])
        #expect(StatusLineSegments(options: red, colour: false).render(session) == ["$12.00"])
    }
}
