import Notify
import Shared
import Testing

struct NotificationCopyTests {
    private let now = Timestamp(milliseconds: 1_795_642_860_000)  // 2026-11-25T21:41:00Z
    private let utc = TimeFormatter(zone: .fixed(offsetSeconds: 0))

    private func make(_ kind: NotificationCopy.Kind, _ context: JSONObject = [:]) -> NotificationText {
        NotificationCopy.make(kind, context: context, now: now, formatter: utc)
    }

    private func workflow(_ command: String, _ event: String, _ context: JSONObject = [:]) -> NotificationText {
        make(.workflow(command: command, event: event), context)
    }

    /// Every event of the compatibility.md#notification-copy table.
    private static let workflowEvents: [(String, String)] = [
        ("ideate", "start"), ("ideate", "complete"), ("ideate", "failed"),
        ("plan", "start"), ("plan", "complete"), ("plan", "failed"),
        ("build", "start"), ("build", "task_complete"), ("build", "complete"), ("build", "failed"),
        ("ship", "start"), ("ship", "quality_passed"), ("ship", "pr_created"), ("ship", "merged"), ("ship", "failed"),
    ]
    private static let sessionEvents = [
        "context_restored", "fresh_session", "fresh_start", "session_end", "context_saved", "something_else",
    ]
    private static let issueTypes = [
        "loop_detected", "tdd_violation", "regression", "phase_stuck", "chain_broken", "explicit_failure",
        "agent_failed", "unheard_of",
    ]

    /// The steps joined as a subtitle.
    private func chain(_ steps: String...) -> String {
        steps.joined(separator: " → ")
    }

    // MARK: Chain subtitles

    @Test func ideateSubtitles() {
        #expect(
            workflow("ideate", "start").subtitle
                == chain("IDEATE", "plan", "acceptance", "red", "green", "refactor", "integration", "ship"))
        #expect(
            workflow("ideate", "complete").subtitle
                == chain("ideate✓", "plan", "acceptance", "red", "green", "refactor", "integration", "ship"))
        #expect(
            workflow("ideate", "failed").subtitle
                == chain("IDEATE", "plan", "acceptance", "red", "green", "refactor", "integration", "ship"))
    }

    @Test func planSubtitles() {
        #expect(
            workflow("plan", "start").subtitle
                == chain("ideate✓", "PLAN", "acceptance", "red", "green", "refactor", "integration", "ship"))
        #expect(
            workflow("plan", "complete").subtitle
                == chain("ideate✓", "plan✓", "acceptance", "red", "green", "refactor", "integration", "ship"))
    }

    @Test func buildSubtitles() {
        // Spelled out once in full, separators included.
        #expect(
            workflow("build", "start").subtitle
                == "ideate✓ → plan✓ → ACCEPTANCE → red → green → " + "refactor → integration → ship")
        #expect(
            workflow("build", "start").subtitle
                == chain("ideate✓", "plan✓", "ACCEPTANCE", "red", "green", "refactor", "integration", "ship"))
        #expect(
            workflow("build", "task_complete", ["tddPhase": "green", "current": 3, "total": 10]).subtitle
                == chain("ideate✓", "plan✓", "acceptance✓", "red✓", "GREEN", "refactor", "integration", "ship"))
        #expect(
            workflow("build", "failed", ["tddPhase": "REFACTOR"]).subtitle
                == chain("ideate✓", "plan✓", "acceptance✓", "red✓", "green✓", "REFACTOR", "integration", "ship"))
        #expect(
            workflow("build", "start", ["tddPhase": "mock"]).subtitle
                == chain("ideate✓", "plan✓", "ACCEPTANCE", "red", "green", "refactor", "integration", "ship"))
        #expect(
            workflow("build", "complete").subtitle
                == chain("ideate✓", "plan✓", "acceptance✓", "red✓", "green✓", "refactor✓", "integration✓", "ship"))
    }

    @Test func shipSubtitles() {
        let active = chain("ideate✓", "plan✓", "acceptance✓", "red✓", "green✓", "refactor✓", "integration✓", "SHIP")
        #expect(workflow("ship", "start").subtitle == active)
        #expect(workflow("ship", "pr_created").subtitle == active)
        #expect(
            workflow("ship", "merged").subtitle
                == chain("ideate✓", "plan✓", "acceptance✓", "red✓", "green✓", "refactor✓", "integration✓", "ship✓"))
    }

    @Test(arguments: [("watching", "🤖✓ "), ("intervening", "🤖⚡ "), ("idle", "🤖✗ "), ("asleep", "")])
    func supervisorPrefixes(supervisor: String, prefix: String) {
        let subtitle = workflow("plan", "start", ["supervisor": .string(supervisor)]).subtitle
        #expect(
            subtitle == prefix
                + chain("ideate✓", "PLAN", "acceptance", "red", "green", "refactor", "integration", "ship"))
    }

    @Test func chainStateOverridesTheDerivedState() {
        let context: JSONObject = [
            "supervisor": "watching",
            "chainState": [
                "ideate": "done", "plan": "done", "acceptance": "done", "red": "active", "green": "pending",
            ],
        ]
        #expect(
            workflow("build", "complete", context).subtitle
                == "🤖✓ " + chain("ideate✓", "plan✓", "acceptance✓", "RED", "green", "refactor", "integration", "ship"))
    }

    // MARK: Titles

    @Test func completeTitlesPointAtTheNextCommand() {
        #expect(workflow("ideate", "complete").title == "→ Plan")
        #expect(workflow("plan", "complete").title == "→ Build")
        #expect(workflow("build", "complete").title == "→ Ship")
    }

    @Test(arguments: ["ideate", "plan", "build"])
    func startAndCompleteTitlesDiffer(command: String) {
        #expect(workflow(command, "start").title != workflow(command, "complete").title)
    }

    @Test func everyTitleFitsTwentyCharacters() {
        let rich: JSONObject = [
            "current": 12, "total": 340, "prNumber": 123_456, "idea": "x", "branch": "feature/very-long-branch-name",
            "toolName": "Read", "iterations": 9,
        ]
        var titles: [String] = []
        for context in [JSONObject(), rich] {
            titles += Self.workflowEvents.map { workflow($0.0, $0.1, context).title }
            titles += Self.sessionEvents.map { make(.session(event: $0), context).title }
            titles += Self.issueTypes.map { make(.issue(type: $0), context).title }
        }
        for title in titles {
            #expect(!title.isEmpty && title.count <= NotificationCopy.titleLimit, "\(title)")
        }
    }

    @Test func overlongInterpolatedTitleIsCut() {
        let title = workflow("ship", "pr_created", ["prNumber": "1234567890123456789012"]).title
        #expect(title == "PR #123456789012345…")
        #expect(title.count == 20)
    }

    // MARK: Interpolation

    @Test func missingOrNullPlaceholdersStayLiteral() {
        let bare = workflow("build", "task_complete")
        #expect(bare.title == "✓ {current}/{total}")
        #expect(bare.message == "{taskName}")
        let nulls = make(.issue(type: "loop_detected"), ["toolName": "Read", "iterations": nil])
        #expect(nulls.message == "Read ran {iterations} times in a row")
    }

    @Test func valuesAreWrittenAsJavaScriptWould() {
        let context: JSONObject = [
            "n": 3.0, "f": 2.5, "b": true, "a": [1, "x", nil], "o": ["k": 1], "s": "text", "e": "",
        ]
        #expect(
            NotificationCopy.interpolate("{n}|{f}|{b}|{a}|{o}|{s}|{e}|{missing}|{}|{a-b}|{n", context)
                == "3|2.5|true|1,x,|[object Object]|text||{missing}|{}|{a-b}|{n")
    }

    @Test func workflowMessagesUseTheirFields() {
        #expect(workflow("ideate", "start", ["idea": "dark mode"]).message == "Exploring dark mode")
        #expect(workflow("plan", "complete", ["taskCount": 12, "phases": 3]).message == "12 tasks across 3 phases")
        let task = workflow("build", "task_complete", ["current": 3, "total": 10, "taskName": "Add login"])
        #expect(task.title == "✓ 3/10")
        #expect(task.message == "Add login")
        #expect(
            workflow("build", "complete", ["testsPass": 42, "duration": "3m"]).message == "42 tests passing after 3m")
        #expect(workflow("ship", "quality_passed", ["checks": ["lint", "test", "build"]]).message == "3 checks green")
        #expect(workflow("ship", "pr_created", ["prNumber": 87, "prTitle": "Add auth"]).title == "PR #87")
        #expect(workflow("ship", "failed", ["blocker": "CI red"]).message == "Blocked by CI red")
    }

    @Test(arguments: [("integration", "start"), ("milestone", "reached"), ("build", "milestone"), ("ship", "complete")])
    func otherWorkflowEventsAreGeneric(command: String, event: String) {
        let text = workflow(command, event, ["supervisor": "watching"])
        #expect(text.title == "OSS")
        #expect(text.subtitle == nil)
        #expect(!text.message.isEmpty)
    }

    @Test func everyKnownWorkflowEventHasASubtitleAndOwnTitle() {
        for (command, event) in Self.workflowEvents {
            let text = workflow(command, event)
            #expect(text.subtitle != nil, "\(command) \(event)")
            #expect(text.title != "OSS", "\(command) \(event)")
        }
    }

    // MARK: Session

    @Test(arguments: ["", "unknown"])
    func unknownSaveDateGivesTheGenericRestoredMessage(saveDate: String) {
        let generic = make(.session(event: "context_restored")).message
        #expect(make(.session(event: "context_restored"), ["saveDate": .string(saveDate)]).message == generic)
        #expect(!generic.contains("{"))
        let dated = make(.session(event: "context_restored"), ["saveDate": "2026-11-24 18:00:00"]).message
        #expect(dated != generic)
        #expect(dated.contains("2026-11-24 18:00:00"))
    }

    @Test func branchStatusSubtitle() {
        #expect(
            make(.session(event: "context_restored"), ["branch": "feat/x", "uncommitted": 3]).subtitle
                == "[feat/x] • 3 uncommitted")
        #expect(make(.session(event: "context_restored")).subtitle == "[unknown] • clean")
        #expect(
            make(.session(event: "context_saved"), ["branch": "main", "uncommitted": 0]).subtitle == "[main] • clean")
        #expect(make(.session(event: "session_end"), ["uncommitted": "2"]).subtitle == "[unknown] • 2 uncommitted")
    }

    @Test func saveEventsDefaultTheDateToNow() {
        let saved = make(.session(event: "context_saved"))
        #expect(saved.message.contains("Nov 25, 09:41 PM"))
        let given = make(.session(event: "session_end"), ["currentDate": "yesterday"])
        #expect(given.message.contains("yesterday"))
    }

    @Test func shortDateFormat() {
        let formatter = TimeFormatter(zone: .fixed(offsetSeconds: 0))
        #expect(NotificationCopy.shortDate(now, formatter: formatter) == "Nov 25, 09:41 PM")
        let earlyMorning = TimeFormatter.parseISO("2026-03-05T00:05:00Z") ?? now
        #expect(NotificationCopy.shortDate(earlyMorning, formatter: formatter) == "Mar 5, 12:05 AM")
        let noon = TimeFormatter.parseISO("2026-01-15T12:30:00Z") ?? now
        #expect(NotificationCopy.shortDate(noon, formatter: formatter) == "Jan 15, 12:30 PM")
        let shifted = TimeFormatter(zone: .fixed(offsetSeconds: -8 * 3600))
        #expect(NotificationCopy.shortDate(now, formatter: shifted) == "Nov 25, 01:41 PM")
    }

    @Test func freshSessionMessageIsTheProjectName() {
        #expect(make(.session(event: "fresh_session"), ["project": "shop"]).message == "shop")
        #expect(make(.session(event: "fresh_start"), ["project": "shop"]).message == "shop")
        #expect(make(.session(event: "fresh_start")).subtitle == nil)
    }

    @Test func otherSessionEventsAreGeneric() {
        let text = make(.session(event: "something_else"))
        #expect(text.title == "OSS")
        #expect(!text.message.isEmpty)
        #expect(text.subtitle == nil)
    }

    // MARK: Issues

    @Test func issueMessagesUseTheirFields() {
        let cases: [(String, JSONObject, String)] = [
            ("loop_detected", ["toolName": "Read", "iterations": 7], "Read"),
            ("regression", ["failedTests": 4], "4"),
            ("phase_stuck", ["phase": "green", "duration": "20m"], "green has run for 20m"),
            ("chain_broken", ["prereq": "/oss:plan"], "/oss:plan"),
            ("explicit_failure", ["error": "disk full"], "disk full"),
            ("agent_failed", ["agent": "tester"], "tester"),
        ]
        for (type, context, expected) in cases {
            let text = make(.issue(type: type), context)
            #expect(text.message.contains(expected), "\(type)")
            #expect(!text.message.contains("{"), "\(type)")
            #expect(text.subtitle == nil)
            #expect(text.title != "OSS")
        }
        #expect(make(.issue(type: "tdd_violation")).title != "OSS")
        let other = make(.issue(type: "unheard_of"))
        #expect(other.title == "OSS")
        #expect(!other.message.isEmpty)
    }

    @Test func jsonLineOmitsAMissingSubtitle() {
        #expect(
            NotificationText(title: "T", message: "M \"q\"").jsonLine == #"{"title":"T","message":"M \"q\""}"#)
        #expect(
            NotificationText(title: "T", message: "M", subtitle: "S").jsonLine
                == #"{"title":"T","message":"M","subtitle":"S"}"#)
    }
}
