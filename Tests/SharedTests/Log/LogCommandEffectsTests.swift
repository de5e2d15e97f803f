import Foundation
import Shared
import TestSupport
import Testing

@testable import SessionLog

/// The workflow-state side effects `LogCommand` asks for on `phase` and `agent` (compatibility.md#log-actions/compatibility.md#log-state-effects, D10, D12).
struct LogCommandEffectsTests {
    private func run(_ arguments: [String], in root: String, effects: RecordingEffects) -> (
        status: Int32, out: String, err: String
    ) {
        let out = TextSink()
        let err = TextSink()
        let command = LogCommand(
            environment: Environment(["HOME": root, "TMPDIR": root + "/t", "PATH": "/usr/bin:/bin"]),
            console: Console(out: out.append, err: err.append), clock: .fixed(Timestamp(seconds: 1_795_641_957)),
            effects: effects, pid: 99, workingDirectory: root)
        return (command.run(arguments), out.text, err.text)
    }

    @Test func phaseStartOfATDDPhaseSetsItLowercased() throws {
        try withTemporaryDirectory { root in
            let effects = RecordingEffects()
            for (phase, status) in [("RED", nil), ("Green", "start"), ("refactor", "start")] as [(String, String?)] {
                let result = run(["phase", "build", phase] + (status.map { [$0] } ?? []), in: root, effects: effects)
                #expect(result.status == 0)
                #expect(result.out == "" && result.err == "")
            }
            #expect(effects.calls == ["tdd red", "tdd green", "tdd refactor"])
        }
    }

    @Test func otherPhasesAndStatusesHaveNoEffect() throws {
        try withTemporaryDirectory { root in
            let effects = RecordingEffects()
            for args in [["RED", "complete"], ["GREEN", "START"], ["PLAN", "start"], ["RED", "started"]] {
                #expect(run(["phase", "build"] + args, in: root, effects: effects).status == 0)
            }
            #expect(effects.calls.isEmpty)
        }
    }

    @Test func agentStartingAndCompletedDriveTheActiveAgent() throws {
        try withTemporaryDirectory { root in
            let effects = RecordingEffects()
            _ = run(["agent", "build", "swift-expert", "starting: write the parser"], in: root, effects: effects)
            _ = run(["agent", "build", "swift-expert", "starting:"], in: root, effects: effects)
            _ = run(["agent", "build", "swift-expert", "restarting: nothing"], in: root, effects: effects)
            _ = run(["agent", "build", "swift-expert"], in: root, effects: effects)
            _ = run(["agent", "build", "swift-expert", "completed: done"], in: root, effects: effects)
            #expect(
                effects.calls == [
                    "start swift-expert write the parser", "start swift-expert (no task description)", "complete",
                ])
        }
    }

    @Test func aFailingEffectIsReportedOnceAndTheCallStillSucceeds() throws {
        try withTemporaryDirectory { root in
            let effects = RecordingEffects(failing: true)
            let result = run(["phase", "build", "RED"], in: root, effects: effects)
            #expect(result.status == 0)
            #expect(result.out == "")
            #expect(result.err == "oss-log: warning: workflow state not updated: state is locked\n")
            #expect(readFile(root + "/.oss/logs/current-session/build.log")?.hasSuffix("[PHASE] RED start\n") == true)
        }
    }
}

/// Records what `LogCommand` asked for.
private final class RecordingEffects: WorkflowStateEffects, @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "state is locked" }
    }

    private let lock = NSLock()
    private var stored: [String] = []
    private let failing: Bool

    init(failing: Bool = false) { self.failing = failing }

    var calls: [String] { lock.withLock { stored } }

    private func record(_ call: String) throws {
        if failing { throw Failure() }
        lock.withLock { stored.append(call) }
    }

    func tddPhaseStarted(_ phase: String, environment: Environment) throws { try record("tdd \(phase)") }
    func agentStarted(type: String, task: String, environment: Environment) throws {
        try record("start \(type) \(task)")
    }
    func agentCompleted(environment: Environment) throws { try record("complete") }
}

/// Collects console text.
private final class TextSink: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = ""
    var text: String { lock.withLock { stored } }
    @Sendable func append(_ text: String) { lock.withLock { stored += text } }
}
