import Shared

/// What Claude Code tells the status line about the session beyond the model and the directory; every field is
/// optional (older Claude Code versions send fewer).
package struct StatusLineSession: Equatable, Sendable {
    /// Share of the context window in use, 0–100: `context_window.used_percentage`, else computed from
    /// `context_window.current_usage` (input, cache creation and cache read tokens) and `context_window_size`.
    package var contextPercent: Double?
    /// `cost.total_cost_usd`.
    package var costUSD: Double?
    /// `cost.total_duration_ms`.
    package var durationMilliseconds: Double?
    /// `cost.total_lines_added`.
    package var linesAdded: Int?
    /// `cost.total_lines_removed`.
    package var linesRemoved: Int?
    /// `output_style.name`.
    package var outputStyle: String?
    /// `version` (Claude Code's).
    package var version: String?

    package init() {}

    /// Reads the fields from Claude Code's status line JSON; wrong types count as absent.
    package init(json: JSONValue) {
        let window = json["context_window"]
        if let percent = window?["used_percentage"]?.doubleValue {
            contextPercent = percent
        } else if let size = window?["context_window_size"]?.doubleValue, size > 0,
            let usage = window?["current_usage"], usage.objectValue != nil
        {
            let used = ["input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"]
                .compactMap { usage[$0]?.doubleValue }.reduce(0, +)
            contextPercent = used / size * 100
        }
        let cost = json["cost"]
        costUSD = cost?["total_cost_usd"]?.doubleValue
        durationMilliseconds = cost?["total_duration_ms"]?.doubleValue
        linesAdded = cost?["total_lines_added"]?.intValue
        linesRemoved = cost?["total_lines_removed"]?.intValue
        outputStyle = json["output_style"]?["name"]?.stringValue
        version = json["version"]?.stringValue
    }
}
