import Shared
import Testing

@testable import SessionLog

/// How `oss-log agent` reads its task text (D12 fixed: only a leading `starting:`/`completed:` counts).
struct AgentTaskTests {
    @Test func startingTakesTheRestAsTheDescription() {
        #expect(AgentTask("starting: write the parser") == .starting("write the parser"))
        #expect(AgentTask("starting:write") == .starting("write"))
        #expect(AgentTask("  starting:   padded  ") == .starting("padded"))
        #expect(AgentTask("starting: keeps: colons and \"quotes\"") == .starting("keeps: colons and \"quotes\""))
    }

    @Test func emptyDescriptionIsNamed() {
        #expect(AgentTask("starting:") == .starting("(no task description)"))
        #expect(AgentTask("starting:    ") == .starting("(no task description)"))
    }

    @Test func completedClearsTheAgent() {
        #expect(AgentTask("completed: all green") == .completed)
        #expect(AgentTask("completed:") == .completed)
        #expect(AgentTask("\tcompleted: x") == .completed)
    }

    @Test func wordsMerelyContainingTheMarkersAreNotEvents() {
        #expect(AgentTask("restarting: x") == .other)
        #expect(AgentTask("not completed: x") == .other)
        #expect(AgentTask("uncompleted: x") == .other)
        #expect(AgentTask("starting soon") == .other)
        #expect(AgentTask("Starting: capitalised") == .other)
        #expect(AgentTask("spawned") == .other)
        #expect(AgentTask("") == .other)
    }
}
