/// A SQL statement a mock expects and the columns it returns.
package struct SQLClaim: Sendable, Equatable {
    /// SQL as the code means it (sqlmock regex escapes such as `\\$1` and `\\(` undone).
    package var statement: String?
    /// Returned columns: sqlmock `NewRows([]string{...})`, `{ rows: [{...}] }` keys, and so on.
    package var returnedColumns: [String]
    /// 1-based line where this claim is written.
    package var line: Int

    /// Creates a claim.
    package init(statement: String? = nil, returnedColumns: [String] = [], line: Int) {
        self.statement = statement
        self.returnedColumns = returnedColumns
        self.line = line
    }
}
