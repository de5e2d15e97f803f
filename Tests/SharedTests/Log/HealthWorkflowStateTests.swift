import Shared
import TestSupport
import Testing

@testable import SessionLog

/// `health-workflow-state.json` behind `oss-log workflow …` (D5 fixed: a real encoder).
struct HealthWorkflowStateTests {
    /// 2026-11-25T21:25:57.123Z.
    private let clock = WallClock.fixed(Timestamp(milliseconds: 1_795_641_957_123))

    @Test func getWithoutAFileIsTheNullDocument() throws {
        try withTemporaryDirectory { root in
            let state = HealthWorkflowState(path: root + "/s.json", clock: clock)
            #expect(state.get() == #"{"currentFeature":null,"lastCompletedStep":null,"lastStepTimestamp":null}"#)
        }
    }

    @Test func setFeatureCompleteAndClear() throws {
        try withTemporaryDirectory { root in
            let path = root + "/s.json"
            let state = HealthWorkflowState(path: path, clock: clock)
            #expect(try state.setFeature("a\"b\\c\nd 😀").isEmpty)
            #expect(
                readFile(path)
                    == "{\n  \"currentFeature\": \"a\\\"b\\\\c\\nd 😀\",\n  \"lastCompletedStep\": null,\n  \"lastStepTimestamp\": null\n}\n"
            )
            let (timestamp, warnings) = try state.complete(step: "build")
            #expect(timestamp == "2026-11-25T21:25:57.000Z")
            #expect(warnings.isEmpty)
            #expect(
                try JSONValue.parse(state.get())
                    == [
                        "currentFeature": "a\"b\\c\nd 😀", "lastCompletedStep": "build",
                        "lastStepTimestamp": "2026-11-25T21:25:57.000Z",
                    ])
            #expect(try state.clear().isEmpty)
            #expect(
                try JSONValue.parse(state.get()) == [
                    "currentFeature": nil, "lastCompletedStep": nil, "lastStepTimestamp": nil,
                ])
        }
    }

    @Test func completeWithoutAFeatureKeepsNull() throws {
        try withTemporaryDirectory { root in
            let state = HealthWorkflowState(path: root + "/s.json", clock: clock)
            _ = try state.complete(step: "ship")
            #expect(try JSONValue.parse(state.get())["currentFeature"] == .null)
            #expect(HealthWorkflowState.steps == ["ideate", "plan", "build", "ship"])
        }
    }

    @Test func locateUsesAValidCurrentProjectWithAnOSSDirectory() throws {
        try withTemporaryDirectory { root in
            let home = root + "/home"
            let project = home + "/my project"
            try FileSystem.createDirectories(project + "/.oss")
            try writeFile(home + "/.oss/current-project", "  " + project + "\r\n")
            let environment = Environment(["HOME": home, "TMPDIR": root + "/t", "CLAUDE_PROJECT_DIR": home])
            #expect(
                HealthWorkflowState.locate(environment: environment).path == project
                    + "/.oss/health-workflow-state.json")
            FileSystem.removeTree(project + "/.oss")
            #expect(
                HealthWorkflowState.locate(environment: environment).path == home + "/.oss/health-workflow-state.json")
        }
    }
}
