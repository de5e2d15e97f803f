import Shared
import StatusLine
import Testing

struct StatusLineRendererTests {
    private let now = Timestamp(milliseconds: 1_795_640_400_000)  // 2026-11-25T21:00:00Z

    private func render(
        _ state: JSONValue = [:], queue: JSONValue? = nil, ironLaw: JSONValue? = nil, branch: String? = nil,
        project: String = "app"
    ) -> String {
        StatusLineRenderer(
            modelName: "Claude", projectName: project, state: state, queue: queue, ironLaw: ironLaw, branch: branch,
            now: now
        ).render()
    }

    private func iso(_ offsetSeconds: Int64) -> JSONValue {
        .string(TimeFormatter.isoUTC(now.adding(seconds: offsetSeconds)))
    }

    @Test func emptyStateStartsWithHealthyCheckMark() {
        let line = render()
        #expect(line == "✅ | [Claude] app")
        #expect(line.hasPrefix("✅"))
    }

    @Test func withoutProjectTheModelStandsAlone() {
        #expect(render(project: "") == "✅ | [Claude]")
    }

    @Test(arguments: ["main", "master"])
    func protectedBranchFlagsLawFourAndWarns(branch: String) {
        #expect(render(branch: branch) == "⛔ LAW#4 | [Claude] app | ⚠️ \(branch)")
    }

    @Test func featureBranchShowsLeaf() {
        #expect(render(branch: "feat/alpha") == "✅ | [Claude] app | 🌿 feat/alpha")
    }

    @Test func stateHealthViolationShowsItsLaw() {
        let state: JSONValue = ["health": ["status": "violation", "violatedLaw": 2]]
        #expect(render(state, branch: "feat/x").hasPrefix("⛔ LAW#2 | "))
        let healthy: JSONValue = ["health": ["status": "healthy", "violatedLaw": 2]]
        #expect(render(healthy).hasPrefix("✅ | "))
    }

    @Test func mainBranchWinsOverStateViolation() {
        let state: JSONValue = ["health": ["status": "violation", "violatedLaw": 2]]
        #expect(render(state, branch: "main").hasPrefix("⛔ LAW#4 | "))
    }

    @Test func ironLawFileGivesFirstUnresolvedViolationOtherThanFour() {
        let ironLaw: JSONValue = [
            "violations": [
                ["law": 4, "resolved": false], ["law": 1, "resolved": true], ["law": 3, "resolved": false],
                ["law": 5, "resolved": false],
            ]
        ]
        #expect(render(ironLaw: ironLaw).hasPrefix("⛔ LAW#3 | "))
        let onlyFour: JSONValue = ["violations": [["law": 4, "resolved": false]]]
        #expect(render(ironLaw: onlyFour).hasPrefix("✅ | "))
    }

    @Test func tddPhaseShowsOnlyTheEmojiWithPrefix() {
        let line = render(["tddPhase": "RED", "currentCommand": "build"])
        #expect(line.contains("TDD: 🔴"))
        #expect(!line.contains("RED"))
        #expect(render(["tddPhase": "green"]).contains("TDD: 🟢"))
        #expect(render(["tddPhase": "Refactor"]).contains("TDD: 🔄"))
        #expect(render(["tddPhase": "mock"]).contains("TDD: mock"))
        #expect(render(["tddPhase": "green", "progress": "3/10"]).contains("TDD: 🟢 3/10"))
    }

    @Test func currentCommandPointsAtTheNextOne() {
        #expect(render(["currentCommand": "plan", "nextCommand": "build"]).contains("| plan → build"))
        #expect(render(["activeStep": "plan", "nextCommand": "build"]).contains("| plan → build"))
        #expect(render(["currentCommand": "plan", "nextCommand": "plan"]) == "✅ | [Claude] app | plan")
        #expect(
            render(["currentCommand": "build", "nextCommand": "ship", "progress": "3/10"]).contains("| build 3/10"))
    }

    @Test func shipWithNullNextHasNoArrow() {
        let line = render(["currentCommand": "ship", "nextCommand": nil])
        #expect(line == "✅ | [Claude] app | ship")
        #expect(!line.contains("→"))
    }

    @Test func onlyNextCommandShowsArrow() {
        #expect(render(["nextCommand": "ideate"]) == "✅ | [Claude] app | → ideate")
    }

    @Test func lastCommandShowsNextOrTick() {
        #expect(render(["lastCommand": "plan", "nextCommand": "build"]).hasSuffix("| plan → build"))
        #expect(render(["lastCommand": "ship"]).hasSuffix("| ship ✓"))
    }

    @Test func workflowCompleteWinsOverEverything() {
        let state: JSONValue = ["workflowComplete": true, "tddPhase": "red", "currentCommand": "ship"]
        #expect(render(state).contains("| → DONE"))
        #expect(!render(state).contains("TDD"))
    }

    @Test func agentWithInterveningSupervisor() {
        let state: JSONValue = ["activeAgent": ["type": "react-specialist", "task": "x"], "supervisor": "intervening"]
        #expect(render(state) == "✅ | [Claude] app | 🤖 react-specialist | ⚡")
    }

    @Test func watchingSupervisorIsATickNeverAFloppy() {
        let line = render(["currentCommand": "build", "supervisor": "watching"])
        #expect(line == "✅ | [Claude] app | build | ✓")
        #expect(!line.contains("💾"))
        #expect(render(["currentCommand": "build", "supervisor": "idle"]) == "✅ | [Claude] app | build")
    }

    @Test func queueSummaryPendingAndCritical() {
        let pending: JSONValue = [
            "currentCommand": "build",
            "queueSummary": ["pendingCount": 3, "criticalCount": 0, "topTask": "Implement auth"],
        ]
        #expect(render(pending).hasSuffix("| 📋3: Implement auth"))
        let critical: JSONValue = [
            "currentCommand": "build",
            "queueSummary": ["pendingCount": 5, "criticalCount": 2, "topTask": "Fix security bug"],
        ]
        #expect(render(critical).hasSuffix("| 🚨2: Fix security bug"))
    }

    @Test func longTaskNamesAreCutToTwentyCharacters() {
        let state: JSONValue = [
            "currentCommand": "build",
            "queueSummary": ["pendingCount": 1, "topTask": "Implement authentication flow"],
        ]
        #expect(render(state).hasSuffix("| 📋1: Implement authentica..."))
        let exact: JSONValue = [
            "currentCommand": "build", "queueSummary": ["pendingCount": 1, "topTask": "12345678901234567890"],
        ]
        #expect(render(exact).hasSuffix("| 📋1: 12345678901234567890"))
        // Characters, not bytes (contract D40).
        let accented: JSONValue = [
            "currentCommand": "build", "queueSummary": ["pendingCount": 1, "topTask": "Ünïcödé tâsk nämé ïs löng"],
        ]
        #expect(render(accented).hasSuffix("| 📋1: Ünïcödé tâsk nämé ïs..."))
    }

    @Test func queueFileIsTheFallback() {
        let queue: JSONValue = [
            "tasks": [
                ["status": "done", "priority": "critical", "description": "Old"],
                ["status": "pending", "priority": "normal", "description": "Write docs"],
                ["status": "pending", "priority": "critical", "description": "Fix security bug"],
                ["status": "pending", "priority": "critical", "description": "Rotate keys"],
            ]
        ]
        #expect(render(["currentCommand": "build"], queue: queue).hasSuffix("| 🚨2: Fix security bug"))
        let normal: JSONValue = [
            "tasks": [
                ["status": "pending", "priority": "high", "description": "Implement auth"],
                ["status": "pending", "description": "Two"], ["status": "pending", "description": "Three"],
            ]
        ]
        #expect(render(["currentCommand": "build"], queue: normal).hasSuffix("| 📋3: Implement auth"))
        let summaryWins: JSONValue = [
            "currentCommand": "build", "queueSummary": ["pendingCount": 1, "topTask": "From state"],
        ]
        #expect(render(summaryWins, queue: normal).hasSuffix("| 📋1: From state"))
    }

    @Test func notificationOnlyWhileUnexpired() {
        let live: JSONValue = ["notification": ["message": "Ready", "expiresAt": iso(5)]]
        #expect(render(live) == "✅ | [Claude] app | 📣 Ready")
        let expired: JSONValue = ["notification": ["message": "Ready", "expiresAt": iso(-1)]]
        #expect(!render(expired).contains("📣"))
        let sameSecond: JSONValue = ["notification": ["message": "Ready", "expiresAt": iso(0)]]
        #expect(!render(sameSecond).contains("📣"))
        let garbage: JSONValue = ["notification": ["message": "Ready", "expiresAt": "soon"]]
        #expect(!render(garbage).contains("📣"))
    }

    @Test func idleLayoutKeepsModelAndNextAndOnlyCriticalQueue() {
        let state: JSONValue = [
            "supervisor": "watching", "nextCommand": "plan",
            "queueSummary": ["pendingCount": 4, "criticalCount": 0, "topTask": "Implement auth"],
            "notification": ["message": "Ready", "expiresAt": iso(10)],
        ]
        let line = render(state, branch: "feat/alpha")
        #expect(line == "✅ | [Claude] app | 🌿 feat/alpha | → plan | 📣 Ready")
        #expect(line.contains("[Claude]"))
        let critical: JSONValue = [
            "nextCommand": "plan", "queueSummary": ["pendingCount": 4, "criticalCount": 1, "topTask": "Fix it"],
        ]
        #expect(render(critical) == "✅ | [Claude] app | → plan | 🚨1: Fix it")
    }

    @Test func activeLayoutHasEverySegmentInOrder() {
        let state: JSONValue = [
            "currentCommand": "build", "nextCommand": "ship", "supervisor": "intervening",
            "activeAgent": ["type": "react-specialist"],
            "issue": ["type": "loop_detected", "message": "Read repeated", "at": iso(-30)],
            "queueSummary": ["pendingCount": 3, "topTask": "Implement auth"],
            "notification": ["message": "Ready", "expiresAt": iso(9)],
        ]
        #expect(
            render(state, branch: "feat/alpha")
                == "✅ | [Claude] app | 🌿 feat/alpha | build → ship | 🤖 react-specialist | ⚡ | "
                + "⚠️ loop_detected: Read repeated | 📋3: Implement auth | 📣 Ready")
    }

    @Test func issueShowsForTenMinutes() {
        func state(_ age: Int64, _ message: String = "Build broke") -> JSONValue {
            ["currentCommand": "build", "issue": ["type": "regression", "message": .string(message), "at": iso(-age)]]
        }
        #expect(render(state(0)) == "✅ | [Claude] app | build | ⚠️ regression: Build broke")
        #expect(render(state(600)).contains("⚠️ regression"))
        #expect(!render(state(601)).contains("⚠️"))
        #expect(!render(state(-120)).contains("⚠️"))
        let long = render(state(5, "The quick brown fox jumps over the lazy dog"))
        #expect(long.hasSuffix("⚠️ regression: The quick brown fox jumps over..."))
        let unparsable: JSONValue = ["issue": ["type": "x", "message": "y", "at": "yesterday"]]
        #expect(!render(unparsable).contains("⚠️"))
    }

    @Test func issueSitsAfterWorkflowInIdleLayout() {
        let state: JSONValue = [
            "nextCommand": "plan", "issue": ["type": "tdd_violation", "message": "No test", "at": iso(-1)],
            "notification": ["message": "Ready", "expiresAt": iso(9)],
        ]
        #expect(render(state) == "✅ | [Claude] app | → plan | ⚠️ tdd_violation: No test | 📣 Ready")
    }

    @Test func controlCharactersCannotBreakTheLine() {
        let state: JSONValue = ["currentCommand": "build\n\u{1B}[31mevil", "activeAgent": ["type": "a\rb"]]
        let line = StatusLineRenderer(modelName: "Op\tus", projectName: "p\u{7}q", state: state, now: now).render()
        #expect(line == "✅ | [Op us] p q | build  [31mevil | 🤖 a b")
    }

    @Test func wrongTypesAreIgnored() {
        let state: JSONValue = [
            "currentCommand": 7, "tddPhase": false, "activeAgent": "x", "supervisor": 1, "queueSummary": [1, 2],
            "notification": "hi", "issue": "boom", "workflowComplete": "true",
        ]
        #expect(render(state) == "✅ | [Claude] app | 7")
    }
}
