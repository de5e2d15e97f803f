import Notify
import Shared
import Testing

/// Workflow priorities (compatibility.md#notify-modes) and the verbosity filter (compatibility.md#notify-filter).
struct PriorityTests {
    @Test(arguments: [
        ("task_complete", Priority.low), ("failed", .critical), ("start", .high), ("complete", .high),
        ("merged", .high), ("milestone", .high), ("", .high),
    ])
    func workflowPriority(_ event: String, _ priority: Priority) {
        #expect(Priority.workflow(event: event) == priority)
    }

    @Test(arguments: [
        ("errors-only", Priority.low, false), ("errors-only", .high, false), ("errors-only", .critical, true),
        ("important", .low, false), ("important", .normal, true), ("important", .high, true),
        ("all", .low, true), ("loud", .low, true),
    ])
    func verbosityFilter(_ verbosity: String, _ priority: Priority, _ passes: Bool) {
        #expect(priority.passes(verbosity: verbosity) == passes)
    }
}
