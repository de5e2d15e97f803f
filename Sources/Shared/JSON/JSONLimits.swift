/// Caps on what one parse may build: JSON from the network (a prompt, a manifest, a list) is untrusted, so besides
/// the response size cap it gets a depth, a value count and a wall-clock budget.
package struct JSONLimits: Sendable {
    /// The deepest nesting accepted (never more than the parser's own 512).
    package var maximumDepth: Int
    /// The most values (scalars, arrays, objects and members' values) accepted.
    package var maximumValues: Int
    /// When set, parsing stops with an error once it is used up (checked every 4 096 values).
    package var budget: TimeBudget?

    /// Limits with an optional budget.
    package init(maximumDepth: Int, maximumValues: Int, budget: TimeBudget? = nil) {
        self.maximumDepth = maximumDepth
        self.maximumValues = maximumValues
        self.budget = budget
    }

    /// Local files (state, settings, contexts): only the parser's nesting cap.
    package static let files = JSONLimits(maximumDepth: 512, maximumValues: Int.max)

    /// A response body: depth 64, at most 1 000 000 values, 2 s from now. An 8 MiB manifest of real prompts has a
    /// few hundred thousand values and parses in well under 0.1 s.
    package static func network() -> JSONLimits {
        JSONLimits(maximumDepth: 64, maximumValues: 1_000_000, budget: TimeBudget(seconds: 2))
    }
}
