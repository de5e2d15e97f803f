import MockInventory
import Shared

/// How `oss-integration check` runs.
package struct CheckOptions: Sendable {
    /// Which SQL engines to use.
    package enum EngineChoice: String, Sendable, CaseIterable {
        /// PostgreSQL when a URL is given or a server can be started, and SQLite.
        case auto
        /// The embedded SQLite only.
        case sqlite
        /// PostgreSQL is required (an error when none is reachable); SQLite judges what it cannot.
        case postgresql
    }

    /// API descriptions for outside hosts: lowercased host → path of the document.
    package var specs: [String: String] = [:]
    /// A PostgreSQL server to create the throwaway database on.
    package var databaseURL: String?
    /// Engine choice.
    package var engine: EngineChoice = .auto
    /// Only claims of this check: `database` (SQL), `api` (HTTP), `other` (modules); nil for all.
    package var boundary: Boundary?
    /// The process environment (PATH for PostgreSQL binaries, TMPDIR).
    package var environment: Environment
    /// Cap on files listed.
    package var maxFiles = 200_000

    /// Options with defaults.
    package init(environment: Environment) {
        self.environment = environment
    }
}
