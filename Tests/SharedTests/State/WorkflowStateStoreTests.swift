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

/// One locked transaction per call: bytes written, version bumps, corrupt and skeleton files.
struct WorkflowStateStoreTests {
    static let now = Timestamp(milliseconds: 1_764_000_000_000)

    private func store(_ directory: String) -> WorkflowStateStore {
        WorkflowStateStore(path: directory.appendingPathComponent(".oss/workflow-state.json"), clock: .fixed(Self.now))
    }

    @Test func firstWriteCreatesThePrettyFileWithVersionOne() throws {
        try withTemporaryDirectory { directory in
            let store = store(directory)
            let outcome = try store.apply([.initialize])
            #expect(outcome.lines == ["State initialized"])
            #expect(outcome.wrote)
            var expected = WorkflowState.initial(now: Self.now)
            expected.stamp(now: Self.now)
            let text = try #require(readFile(store.path))
            #expect(text == expected.json.pretty)
            #expect(!text.hasSuffix("\n"))
            #expect(text.contains("\"version\": 1,"))
            #expect(permissions(store.path) == 0o600)
        }
    }

    @Test func initOnAnExistingFileDoesNotWrite() throws {
        try withTemporaryDirectory { directory in
            let store = store(directory)
            _ = try store.apply([.setMessage("keep")])
            let before = readFile(store.path)
            let outcome = try store.apply([.initialize])
            #expect(outcome.wrote == false)
            #expect(readFile(store.path) == before)
        }
    }

    @Test func oneTransactionBumpsTheVersionOnceForManyVerbs() throws {
        try withTemporaryDirectory { directory in
            let store = store(directory)
            let outcome = try store.apply([
                .setActiveStep("build"), .setCurrentCommand("build"), .setSupervisor("watching"), .clearTddPhase,
                .clearLastCommand, .setWorkflowComplete(false), .clearProgress, .setNextCommand("ship"),
            ])
            #expect(
                outcome.lines == [
                    "Active step set to: build", "Current command set to: build", "Supervisor status set to: watching",
                    "TDD phase cleared", "Last command cleared", "Workflow complete set to: false", "Progress cleared",
                    "Next command set to: ship",
                ])
            #expect(store.read()?.version == 1)
            _ = try store.apply([.setSupervisor("idle")])
            #expect(store.read()?.version == 2)
            #expect(store.read()?.object["currentCommand"] == "build")
        }
    }

    @Test func resetMakesTheVersionOne() throws {
        try withTemporaryDirectory { directory in
            let store = store(directory)
            for _ in 0..<3 { _ = try store.apply([.setSupervisor("watching")]) }
            _ = try store.apply([.reset])
            #expect(
                store.read()
                    == {
                        var state = WorkflowState.initial(now: Self.now)
                        state.stamp(now: Self.now)
                        return state
                    }())
        }
    }

    @Test func corruptFileIsMovedAsideAndReported() throws {
        try withTemporaryDirectory { directory in
            let store = store(directory)
            try writeFile(store.path, "{\"version\": 5, \"chainSt")
            let outcome = try store.apply([.setSupervisor("watching")])
            let aside = store.path + ".corrupt-20251124T160000000Z"
            #expect(readFile(aside) == "{\"version\": 5, \"chainSt")
            #expect(outcome.warnings.count == 1)
            #expect(outcome.warnings.first?.contains(aside) == true)
            #expect(store.read()?.version == 1)
            #expect(store.read()?.object["supervisor"] == "watching")
        }
    }

    @Test func nonObjectFileIsMovedAsideAndReported() throws {
        try withTemporaryDirectory { directory in
            let store = store(directory)
            try writeFile(store.path, "[1,2]")
            let outcome = try store.apply([.setMessage("m")])
            #expect(readFile(store.path + ".corrupt-20251124T160000000Z") == "[1,2]")
            #expect(outcome.warnings.first?.contains("not a JSON object") == true)
            #expect(store.read()?.object["message"] == "m")
        }
    }

    @Test func skeletonWithoutChainStateIsRepaired() throws {
        try withTemporaryDirectory { directory in
            let store = store(directory)
            try writeFile(store.path, "{\n  \"currentFeature\": \"f\",\n  \"supervisorStatus\": \"idle\"\n}")
            let outcome = try store.apply([.setActiveStep("plan")])
            #expect(outcome.lines == ["Active step set to: plan"])
            let state = try #require(store.read())
            #expect(
                state.object.keys == [
                    "currentFeature", "supervisorStatus", "chainState", "activeStep", "lastUpdate", "version",
                ])
            #expect(state.chainState["plan"] == "active")
            #expect(state.chainState["ideate"] == "done")
            #expect(state.version == 1)
        }
    }

    @Test func concurrentTransactionsLoseNothing() async throws {
        try await withTemporaryDirectory { directory in
            let store = store(directory)
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask { _ = try? store.apply([.setSessionId("s\(index)"), .setMessage("m\(index)")]) }
                }
            }
            #expect(store.read()?.version == 40)
        }
    }
}

/// The permission bits of a file.
func permissions(_ path: String) -> mode_t? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return status.st_mode & 0o777
}
