/// A real database engine with the repository's schema applied, which prepares (never runs) statements.
package protocol SQLEngine: AnyObject {
    /// The engine's name in reports (`sqlite 3.40.1`, `postgresql 15.18`).
    var name: String { get }
    /// Prepares `statement` and classifies the outcome.
    func prepare(_ statement: String) -> SQLVerdict
    /// Releases the engine (drops a throwaway database); idempotent.
    func close()
}
