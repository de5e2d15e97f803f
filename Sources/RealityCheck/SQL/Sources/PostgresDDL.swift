/// PostgreSQL DDL for a portable schema operation (used when the sources are not PostgreSQL SQL).
package enum PostgresDDL {
    /// The statements that apply `action`.
    package static func statements(for action: SchemaOperation.Action) -> [String] {
        let q = SQLRenderer.quote
        switch action {
        case .createTable(let name, let columns):
            let body = columns.map { q($0.name) + " " + ($0.type ?? "text") }.joined(separator: ", ")
            return ["CREATE TABLE IF NOT EXISTS \(q(name)) (\(body))"]
        case .createView(let name, let query):
            return ["CREATE VIEW \(q(name)) AS \(query)"]
        case .dropTable(let name):
            return ["DROP TABLE IF EXISTS \(q(name)) CASCADE"]
        case .addColumn(let table, let column):
            return ["ALTER TABLE \(q(table)) ADD COLUMN \(q(column.name)) \(column.type ?? "text")"]
        case .dropColumn(let table, let column):
            return ["ALTER TABLE \(q(table)) DROP COLUMN \(q(column)) CASCADE"]
        case .renameColumn(let table, let from, let to):
            return ["ALTER TABLE \(q(table)) RENAME COLUMN \(q(from)) TO \(q(to))"]
        case .renameTable(let from, let to):
            return ["ALTER TABLE \(q(from)) RENAME TO \(q(to))"]
        }
    }
}
