/// The mocked interactions to judge, grouped by check.
package struct CheckClaims: Sendable, Equatable {
    /// SQL from mock expectations and returned rows.
    package var sql: [SQLItem] = []
    /// Mocked HTTP interactions.
    package var http: [HTTPItem] = []
    /// Mocked modules, patch targets and mocked types.
    package var modules: [ModuleItem] = []
    /// True when some test mocks a database client, so the production SQL that runs through it is checked too.
    package var databaseMocked = false

    /// No claims.
    package init() {}
}
