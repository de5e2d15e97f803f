/// A claim the check could not judge, and why (never counted as a mismatch).
package struct NotChecked: Sendable, Equatable {
    /// Repository-relative file of the claim.
    package var file: String
    /// 1-based line.
    package var line: Int
    /// The claim as written (shortened).
    package var claim: String
    /// Why it was not judged.
    package var reason: String
    /// The engine that tried, when one did.
    package var engine: String?

    /// Creates an entry.
    package init(file: String, line: Int, claim: String, reason: String, engine: String? = nil) {
        self.file = file
        self.line = line
        self.claim = claim
        self.reason = reason
        self.engine = engine
    }
}
