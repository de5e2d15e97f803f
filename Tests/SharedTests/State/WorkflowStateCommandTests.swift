import Shared
import TestSupport
import Testing
import WorkflowState

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `oss-notify --state`: argv shapes, confirmations, errors and exit codes.
struct WorkflowStateCommandTests {
    static let clock = WallClock.fixed(Timestamp(milliseconds: 1_764_000_000_000))

    private func run(_ arguments: [String], home: String, extra: [String: String] = [:]) -> CommandOutput {
        var variables = ["HOME": home, "TMPDIR": home]
        for (key, value) in extra { variables[key] = value }
        return WorkflowStateCommand.run(arguments: arguments, environment: Environment(variables), clock: Self.clock)
    }

    @Test func verbPrintsItsConfirmation() throws {
        try withTemporaryDirectory { home in
            let output = run(["setActiveStep", "build"], home: home)
            #expect(output == CommandOutput(stdout: "Active step set to: build\n"))
            #expect(FileSystem.exists(home.appendingPathComponent(".oss/workflow-state.json")))
        }
    }

    @Test func projectDirectoryIsAcceptedBeforeOrAfterTheArguments() throws {
        try withTemporaryDirectory { home in
            let project = home.appendingPathComponent("p")
            try FileSystem.createDirectories(project)
            let state = project.appendingPathComponent(".oss/workflow-state.json")
            _ = run(["--project-dir", project, "setMessage", "one"], home: home)
            _ = run(["setNotification", "two", "--project-dir", project], home: home)
            let output = run(["setMessage", "--project-dir", "--project-dir", project], home: home)
            #expect(output.stdout == "Message set: --project-dir\n")
            let object = try #require(WorkflowStateStore(path: state).read()?.object)
            #expect(object["message"] == "--project-dir")
            #expect(object["notification"]?["message"] == "two")
            #expect(object["version"] == 3)
            #expect(!FileSystem.exists(home.appendingPathComponent(".oss/workflow-state.json")))
        }
    }

    @Test(arguments: [
        ([String](), "Usage: oss-notify --state <command> [args] [--project-dir <dir>]\n"),
        (["setIssueX"], "Unknown command: setIssueX\n"),
        (["setActiveStep"], "Usage: oss-notify --state setActiveStep <step>\n"),
        (["setProgress", "{bad"], "Error: setProgress: expected a JSON object, got {bad\n"),
        (
            ["setNotification", "m", "soon"],
            "Error: setNotification: TTL must be a whole number of seconds, got \"soon\"\n"
        ),
    ])
    func badInvocationsExitOneWithoutWriting(_ arguments: [String], _ message: String) throws {
        try withTemporaryDirectory { home in
            let output = run(arguments, home: home)
            #expect(output == CommandOutput(stderr: message, status: .failure))
            #expect(!FileSystem.exists(home.appendingPathComponent(".oss/workflow-state.json")))
        }
    }

    @Test func ttlFollowsParseInt() throws {
        #expect(WorkflowStateVerb.parseLeadingInteger(" 30s") == 30)
        #expect(WorkflowStateVerb.parseLeadingInteger("-5") == -5)
        #expect(WorkflowStateVerb.parseLeadingInteger("+7") == 7)
        #expect(WorkflowStateVerb.parseLeadingInteger("x1") == nil)
        #expect(WorkflowStateVerb.parseLeadingInteger("") == nil)
    }

    @Test func everyVerbNameParses() throws {
        for name in WorkflowStateVerb.names {
            let arguments =
                name == "setNotification"
                ? ["m", "5"] : Array(repeating: "{\"type\":\"t\"}", count: WorkflowStateVerb.arity(of: name))
            #expect(throws: Never.self) { try WorkflowStateVerb.parse(name, arguments) }
        }
    }

    @Test func setTddPhaseIsCaseInsensitive() throws {
        #expect(try WorkflowStateVerb.parse("setTddPhase", ["RED"]) == .setTddPhase("red"))
    }
}
