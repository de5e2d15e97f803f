/// An OpenAPI 3.x or Swagger 2.0 document reduced to what mocks are checked against.
package struct APIDescription: Sendable, Equatable {
    /// Repository-relative (or user-given) path of the document.
    package var file: String
    /// `openapi 3.0.3`, `swagger 2.0`.
    package var version: String
    /// Hosts the document names (`servers[].url`, `host`), lowercased.
    package var hosts: [String]
    /// Path prefixes from `servers` / `basePath` (e.g. `/api/v1`), "" included.
    package var prefixes: [String]
    /// The operations.
    package var operations: [APIOperation]
    /// 1-based line of each path key.
    package var pathLines: [String: Int]

    /// Creates a description.
    package init(
        file: String, version: String, hosts: [String], prefixes: [String], operations: [APIOperation],
        pathLines: [String: Int]
    ) {
        self.file = file
        self.version = version
        self.hosts = hosts
        self.prefixes = prefixes
        self.operations = operations
        self.pathLines = pathLines
    }
}
