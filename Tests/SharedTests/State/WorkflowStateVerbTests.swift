import Shared
import Testing
import WorkflowState

/// Every verb's exact effect on a given state: the resulting document is compared as compact JSON text, so key
/// order is checked byte for byte.
struct WorkflowStateVerbTests {
    static let now = Timestamp(milliseconds: 1_764_000_000_000)
    static let iso = "2025-11-24T16:00:00.000Z"

    /// A `chainState` text from one letter per chain step: d = done, a = active, p = pending.
    static func chain(_ code: String, extra: String = "") -> String {
        let names: [Character: String] = ["d": "done", "a": "active", "p": "pending"]
        let members = zip(WorkflowState.chainSteps, code).map { "\"\($0)\":\"\(names[$1] ?? "?")\"" }
        return "{" + members.joined(separator: ",") + extra + "}"
    }

    /// The initial state's text with `chain` and extra trailing members.
    static func state(
        _ code: String = "pppppppppppppp", activeStep: String = "null", supervisor: String = "idle",
        tddCycle: String? = "1", tail: String = ""
    ) -> String {
        var text = "{\"version\":0,\"supervisor\":\"\(supervisor)\",\"activeStep\":\(activeStep),"
        text += "\"chainState\":\(chain(code)),"
        if let tddCycle { text += "\"tddCycle\":\(tddCycle)," }
        text += "\"lastUpdate\":\"\(iso)\"\(tail)}"
        return text
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var before: String
        var verb: WorkflowStateVerb
        var after: String
        var line: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "setActiveStep build marks ideate and plan done and acceptance active",
            before: state(tail: ",\"workflowComplete\":true"), verb: .setActiveStep("build"),
            after: state("dppppdappppppp", activeStep: "\"build\""), line: "Active step set to: build"),
        Case(
            name: "setActiveStep build leaves the discovery steps alone",
            before: state("ddpdpppppppppp"), verb: .setActiveStep("build"),
            after: state("ddpdpdappppppp", activeStep: "\"build\""), line: "Active step set to: build"),
        Case(
            name: "setActiveStep on a chain step marks earlier done and later pending",
            before: state("ddddddddddddda"), verb: .setActiveStep("plan"),
            after: state("dddddapppppppp", activeStep: "\"plan\""), line: "Active step set to: plan"),
        Case(
            name: "setActiveStep integration",
            before: state(), verb: .setActiveStep("integration"),
            after: state("dddddddddddapp", activeStep: "\"integration\""), line: "Active step set to: integration"),
        Case(
            name: "setActiveStep on a non-chain step keeps the chain (D28)",
            before: state("dppppdappppppp", tail: ",\"workflowComplete\":true"), verb: .setActiveStep("review"),
            after: state("dppppdappppppp", activeStep: "\"review\""), line: "Active step set to: review"),
        Case(
            name: "setTddPhase green sets the phase field",
            before: state(), verb: .setTddPhase("green"),
            after: state("dppppddddapppp", tail: ",\"tddPhase\":\"green\""), line: "TDD phase set to: green"),
        Case(
            name: "setTddPhase mock marks the chain without a phase field",
            before: state(tail: ",\"tddPhase\":\"red\""), verb: .setTddPhase("mock"),
            after: state("dppppdddappppp", tail: ",\"tddPhase\":\"red\""), line: "TDD phase set to: mock"),
        Case(
            name: "setTddPhase with an unknown phase changes nothing",
            before: state("dppppdappppppp"), verb: .setTddPhase("review"),
            after: state("dppppdappppppp"), line: "TDD phase set to: review"),
        Case(
            name: "clearTddPhase", before: state(tail: ",\"tddPhase\":\"red\",\"message\":\"m\""),
            verb: .clearTddPhase, after: state(tail: ",\"message\":\"m\""), line: "TDD phase cleared"),
        Case(
            name: "completeStep plan sets nextCommand build",
            before: state("dddddapppppppp", activeStep: "\"plan\""), verb: .completeStep("plan"),
            after: state("ddddddpppppppp", tail: ",\"nextCommand\":\"build\""),
            line: "Step completed: plan"),
        Case(
            name: "completeStep build adds no stray key (D28)",
            before: state("dppppdappppppp", activeStep: "\"build\"", tail: ",\"nextCommand\":\"ship\""),
            verb: .completeStep("build"),
            after: state("dppppdappppppp", tail: ",\"nextCommand\":\"ship\""), line: "Step completed: build"),
        Case(
            name: "completeStep ship sets nextCommand null",
            before: state("ddddddddddddda", activeStep: "\"ship\""), verb: .completeStep("ship"),
            after: state("dddddddddddddd", tail: ",\"nextCommand\":null"), line: "Step completed: ship"),
        Case(
            name: "completeStep on a non-chain step only clears activeStep",
            before: state(activeStep: "\"debug\""), verb: .completeStep("debug"),
            after: state(), line: "Step completed: debug"),
        Case(
            name: "setSupervisor", before: state(), verb: .setSupervisor("watching"),
            after: state(supervisor: "watching"), line: "Supervisor status set to: watching"),
        Case(
            name: "setProgress copies only the three progress fields",
            before: state(tail: ",\"progress\":\"1/2\""),
            verb: .setProgress(["other": 1, "testsPass": 12, "currentTask": "t \"q\"", "progress": "3/10"]),
            after: state(tail: ",\"progress\":\"3/10\",\"currentTask\":\"t \\\"q\\\"\",\"testsPass\":12"),
            line: "Progress updated"),
        Case(
            name: "resetTddCycle starts a new red phase",
            before: state("dddddddddddppp", activeStep: "\"refactor\"", tddCycle: "2"), verb: .resetTddCycle,
            after: state("dddddddapppppp", activeStep: "\"red\"", tddCycle: "3"),
            line: "TDD cycle reset - starting new iteration"),
        Case(
            name: "resetTddCycle without tddCycle appends 2",
            before: state(tddCycle: nil), verb: .resetTddCycle,
            after: state("pppppppapppppp", activeStep: "\"red\"", tddCycle: nil, tail: ",\"tddCycle\":2"),
            line: "TDD cycle reset - starting new iteration"),
        Case(
            name: "workflowComplete marks every step done and goes idle",
            before: state(
                "dppppdappppppp", activeStep: "\"build\"", supervisor: "watching",
                tail: ",\"tddPhase\":\"red\",\"message\":\"m\",\"notification\":{},\"lastCommand\":\"build\""),
            verb: .workflowComplete,
            after: state("dddddddddddddd", tddCycle: nil, tail: ",\"lastCommand\":\"build\""),
            line: "Workflow marked complete"),
        Case(
            name: "reset writes the default state",
            before: "{\"version\":7,\"supervisor\":\"watching\",\"message\":\"m\"}", verb: .reset,
            after: state(), line: "State reset"),
        Case(
            name: "setActiveAgent records type, task and start time",
            before: state(), verb: .setActiveAgent(type: "react-specialist", task: "build form"),
            after: state(
                tail:
                    ",\"activeAgent\":{\"type\":\"react-specialist\",\"task\":\"build form\",\"startedAt\":\"\(iso)\"}"),
            line: "Active agent set: react-specialist"),
        Case(
            name: "clearActiveAgent", before: state(tail: ",\"activeAgent\":{\"type\":\"x\"}"),
            verb: .clearActiveAgent, after: state(), line: "Active agent cleared"),
        Case(
            name: "setMessage", before: state(), verb: .setMessage("--force"),
            after: state(tail: ",\"message\":\"--force\""), line: "Message set: --force"),
        Case(
            name: "clearMessage", before: state(tail: ",\"message\":\"m\""), verb: .clearMessage, after: state(),
            line: "Message cleared"),
        Case(
            name: "setCurrentCommand keeps an existing key in place",
            before: state(tail: ",\"currentCommand\":\"plan\",\"message\":\"m\""), verb: .setCurrentCommand("build"),
            after: state(tail: ",\"currentCommand\":\"build\",\"message\":\"m\""),
            line: "Current command set to: build"),
        Case(
            name: "clearCurrentCommand", before: state(tail: ",\"currentCommand\":\"plan\""),
            verb: .clearCurrentCommand, after: state(), line: "Current command cleared"),
        Case(
            name: "setNextCommand", before: state(), verb: .setNextCommand("ship"),
            after: state(tail: ",\"nextCommand\":\"ship\""), line: "Next command set to: ship"),
        Case(
            name: "clearNextCommand sets null", before: state(tail: ",\"nextCommand\":\"ship\""),
            verb: .clearNextCommand, after: state(tail: ",\"nextCommand\":null"), line: "Next command cleared"),
        Case(
            name: "setNotification expires ttl seconds from now", before: state(),
            verb: .setNotification(message: "Ready", ttlSeconds: 30),
            after: state(tail: ",\"notification\":{\"message\":\"Ready\",\"expiresAt\":\"2025-11-24T16:00:30.000Z\"}"),
            line: "Notification set: Ready (expires in 30s)"),
        Case(
            name: "clearNotification", before: state(tail: ",\"notification\":{\"message\":\"x\"}"),
            verb: .clearNotification, after: state(), line: "Notification cleared"),
        Case(
            name: "clearProgress",
            before: state(tail: ",\"progress\":\"1/2\",\"currentTask\":\"t\",\"testsPass\":3,\"message\":\"m\""),
            verb: .clearProgress, after: state(tail: ",\"message\":\"m\""), line: "Progress cleared"),
        Case(
            name: "prepareForNewSession clears session fields and a stale agent (D29)",
            before: state(
                "dppppdappppppp", activeStep: "\"build\"", supervisor: "idle",
                tail: ",\"currentCommand\":\"build\",\"nextCommand\":\"ship\",\"lastCommand\":\"plan\","
                    + "\"workflowComplete\":true,\"tddPhase\":\"red\",\"progress\":\"1/2\",\"currentTask\":\"t\","
                    + "\"testsPass\":1,\"activeAgent\":{\"type\":\"x\"},\"notification\":{},\"message\":\"m\","
                    + "\"sessionId\":\"s\",\"issue\":{\"type\":\"t\"},\"health\":{\"status\":\"healthy\"}"),
            verb: .prepareForNewSession,
            after: state(
                "dppppdappppppp", supervisor: "watching",
                tail: ",\"nextCommand\":\"ship\",\"lastCommand\":\"plan\",\"workflowComplete\":true,"
                    + "\"health\":{\"status\":\"healthy\"}"),
            line: "Session state prepared"),
        Case(
            name: "setSessionId", before: state(), verb: .setSessionId("abc"),
            after: state(tail: ",\"sessionId\":\"abc\""), line: "Session ID set: abc"),
        Case(
            name: "setLastCommand", before: state(), verb: .setLastCommand("plan"),
            after: state(tail: ",\"lastCommand\":\"plan\""), line: "Last command set to: plan"),
        Case(
            name: "clearLastCommand", before: state(tail: ",\"lastCommand\":\"plan\""), verb: .clearLastCommand,
            after: state(), line: "Last command cleared"),
        Case(
            name: "setWorkflowComplete true", before: state(), verb: .setWorkflowComplete(true),
            after: state(tail: ",\"workflowComplete\":true"), line: "Workflow complete set to: true"),
        Case(
            name: "setWorkflowComplete false removes the key", before: state(tail: ",\"workflowComplete\":true"),
            verb: .setWorkflowComplete(false), after: state(), line: "Workflow complete set to: false"),
        Case(
            name: "setIssue records type, message and time (D17)", before: state(),
            verb: .setIssue(type: "loop_detected", message: "Read x5"),
            after: state(tail: ",\"issue\":{\"type\":\"loop_detected\",\"message\":\"Read x5\",\"at\":\"\(iso)\"}"),
            line: "Issue set: loop_detected"),
        Case(
            name: "clearIssue", before: state(tail: ",\"issue\":{\"type\":\"x\"}"), verb: .clearIssue,
            after: state(), line: "Issue cleared"),
    ]

    @Test(arguments: cases)
    func verbChangesStateExactly(_ testCase: Case) throws {
        let before = try #require(try JSONValue.parse(testCase.before).objectValue)
        var state = WorkflowState(object: before)
        let effect = state.apply(testCase.verb, now: Self.now, fileExisted: true)
        #expect(state.json.compact == testCase.after)
        #expect(effect.line == testCase.line)
        #expect(effect.writes)
    }

    @Test func initWritesOnlyWhenTheFileIsAbsent() {
        var fresh = WorkflowState.initial(now: Self.now)
        let effect = fresh.apply(.initialize, now: Self.now, fileExisted: false)
        #expect(effect == WorkflowState.Effect(line: "State initialized", writes: true))
        var existing = WorkflowState(object: ["version": 4])
        let existingEffect = existing.apply(.initialize, now: Self.now, fileExisted: true)
        #expect(existingEffect.writes == false)
        #expect(existing.json.compact == "{\"version\":4}")
    }

    @Test func deletedKeyThatIsSetAgainMovesToTheEnd() throws {
        let text = Self.state(tail: ",\"tddPhase\":\"red\",\"message\":\"m\"")
        var state = WorkflowState(object: try #require(try JSONValue.parse(text).objectValue))
        _ = state.apply(.clearTddPhase, now: Self.now, fileExisted: true)
        _ = state.apply(.setTddPhase("refactor"), now: Self.now, fileExisted: true)
        #expect(state.object.keys.suffix(2) == ["message", "tddPhase"])
    }

    @Test func initialStateIsPrettyPrintedWithoutTrailingNewline() {
        let text = WorkflowState.initial(now: Self.now).json.pretty
        let expected = """
            {
              "version": 0,
              "supervisor": "idle",
              "activeStep": null,
              "chainState": {
            \(WorkflowState.chainSteps.map { "    \"\($0)\": \"pending\"" }.joined(separator: ",\n"))
              },
              "tddCycle": 1,
              "lastUpdate": "\(Self.iso)"
            }
            """
        #expect(text == expected)
    }

    @Test func stampSetsLastUpdateThenBumpsVersion() {
        var state = WorkflowState(object: ["supervisor": "idle"])
        state.stamp(now: Self.now)
        #expect(state.json.compact == "{\"supervisor\":\"idle\",\"lastUpdate\":\"\(Self.iso)\",\"version\":1}")
        state.stamp(now: Self.now)
        #expect(state.version == 2)
    }

    @Test func repairAddsADefaultChainOnlyWhenMissing() {
        var skeleton = WorkflowState(object: ["supervisorStatus": "idle", "currentFeature": "x"])
        let repaired = skeleton.repairChainState()
        #expect(repaired)
        #expect(skeleton.chainState == WorkflowState.initialChainState)
        #expect(skeleton.object.keys == ["supervisorStatus", "currentFeature", "chainState"])
        let repairedAgain = skeleton.repairChainState()
        #expect(repairedAgain == false)
    }
}
