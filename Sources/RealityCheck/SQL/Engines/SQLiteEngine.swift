import CSQLite
import Foundation

/// The embedded engine: an in-memory SQLite database (the system library) holding the schema's tables with their
/// column names, on which statements are prepared, never stepped.
package final class SQLiteEngine: SQLEngine {
    package let name: String
    private var database: OpaquePointer?
    /// Tables or views some source declares but SQLite could not create (statements on them are not judged).
    private var unappliedTables: Set<String> = []
    /// Columns whose addition failed (statements naming them are not judged).
    private var unappliedColumns: Set<String> = []

    /// Opens an empty in-memory database; nil when SQLite cannot open one.
    package init?() {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK,
            let handle
        else {
            sqlite3_close(handle)
            return nil
        }
        database = handle
        name = "sqlite " + String(cString: sqlite3_libversion())
        SQLiteFunctions.registerStandIns(handle)
    }

    deinit { close() }

    package func close() {
        if let database { sqlite3_close(database) }
        database = nil
    }

    /// Applies the schema's operations in order; failures only mark the affected names as not judgeable.
    package func apply(_ schema: Schema) {
        let q = SQLRenderer.quote
        for operation in schema.operations {
            switch operation.action {
            case .createTable(let table, let columns):
                let names = columns.isEmpty ? ["__oss_columns_unknown__"] : columns.map(\.name)
                if columns.isEmpty { unappliedColumns.insert("*" + table.lowercased()) }
                if !execute("CREATE TABLE \(q(table)) (\(names.map(q).joined(separator: ", ")))") {
                    if tableExists(table) {
                        for column in columns { _ = execute("ALTER TABLE \(q(table)) ADD COLUMN \(q(column.name))") }
                    } else {
                        unappliedTables.insert(table.lowercased())
                    }
                }
            case .createView(let view, let query):
                if !execute("CREATE VIEW \(q(view)) AS \(SQLStatementText.forSQLite(query))") {
                    unappliedTables.insert(view.lowercased())
                }
            case .dropTable(let table):
                if !execute("DROP TABLE IF EXISTS \(q(table))") { _ = execute("DROP VIEW IF EXISTS \(q(table))") }
                if !tableExists(table) { _ = execute("DROP VIEW IF EXISTS \(q(table))") }
                unappliedTables.remove(table.lowercased())
            case .addColumn(let table, let column):
                if !execute("ALTER TABLE \(q(table)) ADD COLUMN \(q(column.name))") {
                    unappliedColumns.insert(column.name.lowercased())
                }
            case .dropColumn(let table, let column):
                _ = execute("ALTER TABLE \(q(table)) DROP COLUMN \(q(column))")
            case .renameColumn(let table, let from, let to):
                if !execute("ALTER TABLE \(q(table)) RENAME COLUMN \(q(from)) TO \(q(to))") {
                    unappliedColumns.insert(to.lowercased())
                }
            case .renameTable(let from, let to):
                if !execute("ALTER TABLE \(q(from)) RENAME TO \(q(to))") { unappliedTables.insert(to.lowercased()) }
            }
        }
    }

    /// Lowercased names of every table and view in the database.
    package var tables: Set<String> {
        var names: Set<String> = []
        guard let database else { return names }
        var statement: OpaquePointer?
        guard
            sqlite3_prepare_v2(
                database, "SELECT name FROM sqlite_master WHERE type IN ('table','view')", -1, &statement, nil)
                == SQLITE_OK
        else { return names }
        defer { sqlite3_finalize(statement) }
        while sqlite3_step(statement) == SQLITE_ROW {
            if let text = sqlite3_column_text(statement, 0) { names.insert(String(cString: text).lowercased()) }
        }
        return names
    }

    /// The column names of a table or view, lowercased.
    package func columns(of table: String) -> [String] {
        guard let database else { return [] }
        var statement: OpaquePointer?
        guard
            sqlite3_prepare_v2(database, "SELECT * FROM \(SQLRenderer.quote(table))", -1, &statement, nil) == SQLITE_OK
        else { return [] }
        defer { sqlite3_finalize(statement) }
        return (0..<sqlite3_column_count(statement)).compactMap { index in
            sqlite3_column_name(statement, index).map { String(cString: $0).lowercased() }
        }
    }

    package func prepare(_ statement: String) -> SQLVerdict {
        guard let database else { return .notChecked("the SQLite database is closed") }
        let text = SQLStatementText.forSQLite(statement)
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(database, text, -1, &prepared, nil)
        defer { sqlite3_finalize(prepared) }
        if code == SQLITE_OK {
            guard let prepared else { return .notChecked("SQLite found no statement in the text") }
            let columns = (0..<sqlite3_column_count(prepared)).compactMap { index in
                sqlite3_column_name(prepared, index).map { String(cString: $0) }
            }
            return .accepted(columns: columns)
        }
        let message = String(cString: sqlite3_errmsg(database))
        return classify(message)
    }

    /// Maps an SQLite error message to a verdict; only errors about names are trusted as mismatches.
    private func classify(_ message: String) -> SQLVerdict {
        if let table = message.suffix(after: "no such table: ") {
            let bare = table.split(separator: ".").last.map(String.init) ?? table
            if unappliedTables.contains(bare.lowercased()) {
                return .notChecked("the schema declares \(bare) but SQLite could not create it")
            }
            return .unknownTable(bare)
        }
        var column = message.suffix(after: "no such column: ")
        if column == nil, message.hasPrefix("table "), let range = message.range(of: " has no column named ") {
            column = String(message[range.upperBound...])
        }
        if let column {
            let bare = column.split(separator: ".").last.map(String.init) ?? column
            if unappliedColumns.contains(bare.lowercased()) || unappliedColumns.contains(where: { $0.hasPrefix("*") }) {
                return .notChecked("the schema adds \(bare) in a form SQLite could not apply")
            }
            return .unknownColumn(column)
        }
        if message.hasPrefix("ambiguous column name") { return .rejected(message) }
        return .notChecked("SQLite: " + message)
    }

    private func execute(_ sql: String) -> Bool {
        guard let database else { return false }
        return sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK
    }

    private func tableExists(_ table: String) -> Bool {
        tables.contains(table.lowercased())
    }
}

extension String {
    /// The text after `prefix` when the string starts with it.
    fileprivate func suffix(after prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
