/// One schema change read from a migration, schema dump or ORM model, in the order the repository applies them.
package struct SchemaOperation: Sendable, Equatable {
    /// What the operation does to the schema.
    package enum Action: Sendable, Equatable {
        /// `CREATE TABLE name (columns)`.
        case createTable(String, [SchemaColumn])
        /// `CREATE VIEW name AS query` (also `CREATE TABLE name AS query`).
        case createView(String, query: String)
        /// `DROP TABLE` / `DROP VIEW`.
        case dropTable(String)
        /// `ALTER TABLE … ADD COLUMN`.
        case addColumn(table: String, SchemaColumn)
        /// `ALTER TABLE … DROP COLUMN`.
        case dropColumn(table: String, column: String)
        /// `ALTER TABLE … RENAME COLUMN from TO to`.
        case renameColumn(table: String, from: String, to: String)
        /// `ALTER TABLE from RENAME TO to`.
        case renameTable(from: String, to: String)
    }

    /// The change.
    package var action: Action
    /// Repository-relative file that declares it.
    package var file: String
    /// 1-based line in `file`.
    package var line: Int

    /// Creates an operation.
    package init(_ action: Action, file: String, line: Int) {
        self.action = action
        self.file = file
        self.line = line
    }
}
