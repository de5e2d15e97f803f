/// The database schema a repository describes: portable operations for the embedded engine, and the original DDL
/// for PostgreSQL when the repository's migrations are written in PostgreSQL's dialect.
package struct Schema: Sendable, Equatable {
    /// A DDL statement as written in a migration file.
    package struct Statement: Sendable, Equatable {
        /// The SQL text.
        package var sql: String
        /// Repository-relative file.
        package var file: String
        /// 1-based line.
        package var line: Int

        /// Creates a statement.
        package init(sql: String, file: String, line: Int) {
            self.sql = sql
            self.file = file
            self.line = line
        }
    }

    /// The schema changes in application order.
    package var operations: [SchemaOperation] = []
    /// The DDL as written, for PostgreSQL; empty when the sources are not plain PostgreSQL-compatible SQL.
    package var postgresDDL: [Statement] = []
    /// Whether every source was plain SQL that PostgreSQL can run as written (else DDL is generated).
    package var sqlIsPostgresDialect = true
    /// Repository-relative files the schema was read from.
    package var sources: [String] = []

    /// Creates an empty schema.
    package init() {}

    /// True when no source declared anything.
    package var isEmpty: Bool { operations.isEmpty }

    /// Lowercased names of every table or view some operation creates (whether or not an engine accepts it).
    package var declaredTables: Set<String> {
        var names: Set<String> = []
        for operation in operations {
            switch operation.action {
            case .createTable(let name, _), .createView(let name, _): names.insert(name.lowercased())
            case .renameTable(_, let to): names.insert(to.lowercased())
            default: break
            }
        }
        return names
    }

    /// Where the table `name` is created, renamed to or dropped last (for `reality` texts).
    package func lastMention(ofTable name: String) -> SchemaOperation? {
        let lower = name.lowercased()
        return operations.last { operation in
            switch operation.action {
            case .createTable(let table, _), .createView(let table, _), .dropTable(let table):
                table.lowercased() == lower
            case .renameTable(let from, let to): from.lowercased() == lower || to.lowercased() == lower
            default: false
            }
        }
    }

    /// Where the column `column` is last dropped or renamed away, or where its table is created.
    package func lastMention(ofColumn column: String, in tables: [String]) -> SchemaOperation? {
        let lower = column.lowercased()
        let tableSet = Set(tables.map { $0.lowercased() })
        let columnChange = operations.last { operation in
            switch operation.action {
            case .dropColumn(let table, let name):
                name.lowercased() == lower && (tableSet.isEmpty || tableSet.contains(table.lowercased()))
            case .renameColumn(let table, let from, _):
                from.lowercased() == lower && (tableSet.isEmpty || tableSet.contains(table.lowercased()))
            default: false
            }
        }
        if let columnChange { return columnChange }
        return tables.lazy.compactMap { lastMention(ofTable: $0) }.first
    }
}
