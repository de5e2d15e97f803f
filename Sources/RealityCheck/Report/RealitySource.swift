/// A piece of reality the check read: a schema source, an API description, an engine.
package struct RealitySource: Sendable, Equatable, Comparable {
    /// What it is: `schema`, `openapi`, `swagger`, `fixture`, `engine`, `module`.
    package var kind: String
    /// Repository-relative path, or the engine's name.
    package var path: String

    /// Creates a source.
    package init(kind: String, path: String) {
        self.kind = kind
        self.path = path
    }

    package static func < (lhs: RealitySource, rhs: RealitySource) -> Bool {
        (lhs.kind, lhs.path) < (rhs.kind, rhs.path)
    }
}
