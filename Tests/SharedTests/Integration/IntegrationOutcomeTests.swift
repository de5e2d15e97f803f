import Integration
import MockInventory
import Notify
import Shared
import TestSupport
import Testing

/// The text and JSON outputs of a run, and the workflow-event contexts of `complete` and `failed`.
struct IntegrationOutcomeTests {
    private func inventory() throws -> ScanReport {
        try withTemporaryDirectory { root in
            try writeFile(root + "/src/a.test.ts", "jest.mock('axios');\n")
            var report = try MockScanner.scan(root: root)
            report.root = "repo"
            return report
        }
    }

    @Test func textIsThePromptABlankLineAndTheInventory() throws {
        let report = try inventory()
        let outcome = IntegrationOutcome(prompt: "# Do it\nnow", offline: false, project: "/p", inventory: report)
        #expect(outcome.text == "# Do it\nnow\n\n" + report.text)
        let trailing = IntegrationOutcome(prompt: "# Do it\n", offline: false, project: "/p", inventory: report)
        #expect(trailing.text == "# Do it\n\n" + report.text)
        let offline = IntegrationOutcome(prompt: nil, offline: true, project: "/p", inventory: report)
        #expect(offline.text == report.text)
        #expect(report.text.hasPrefix("## Mock inventory\n"))
    }

    @Test func jsonHoldsPromptOfflineProjectAndInventory() throws {
        let report = try inventory()
        let online = IntegrationOutcome(prompt: "p \"q\"", offline: false, project: "/p", inventory: report)
        #expect(online.json.objectValue?.keys == ["prompt", "offline", "project", "inventory"])
        #expect(online.json["prompt"] == "p \"q\"")
        #expect(online.json["offline"] == false)
        #expect(online.json["project"] == "/p")
        #expect(online.json["inventory"] == report.json)
        let offline = IntegrationOutcome(prompt: nil, offline: true, project: "/p", inventory: report)
        #expect(offline.json["prompt"] == .null)
        #expect(offline.json["offline"] == true)
    }

    @Test func eventContextsMatchTheSeedCalls() {
        #expect(IntegrationEvent.start.context.compact == "{}")
        #expect(
            IntegrationEvent.complete(testsPass: 7, boundaries: "db, api", duration: nil).context.compact
                == #"{"testsPass":7,"boundariesTested":"db, api"}"#)
        #expect(
            IntegrationEvent.complete(testsPass: 0, boundaries: nil, duration: "4m").context.compact
                == #"{"testsPass":0,"duration":"4m"}"#)
        #expect(IntegrationEvent.failed(reason: "say \"hi\"").context.compact == #"{"reason":"say \"hi\""}"#)
        #expect(
            IntegrationEvent.failed(reason: "x").notifyCommand
                == .workflow(command: "integration", event: "failed", context: NotifyContext(#"{"reason":"x"}"#)))
    }
}
