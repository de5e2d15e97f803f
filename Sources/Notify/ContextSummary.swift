import Shared

/// The context part of a workflow log line (compatibility.md#notify-workflow step 1): ` k=v, k=v` in key order, nested values as compact
/// JSON; nothing for an empty object; the raw text (after a space) when the context is not a JSON object.
package enum ContextSummary {
    /// The summary, with its leading space when non-empty.
    package static func summarize(_ context: NotifyContext) -> String {
        guard let object = context.object else { return " " + context.raw }
        guard !object.isEmpty else { return "" }
        return " " + object.map { "\($0.key)=\($0.value.displayText)" }.joined(separator: ", ")
    }
}
