import Foundation

/// Reads Knex (`createTable`, `alterTable`/`table`, `dropTable`, `renameTable`) and Sequelize (`createTable`,
/// `addColumn`, `removeColumn`, `renameColumn`, `dropTable`, `renameTable` on `queryInterface`) migrations' `up`.
package enum KnexMigrationReader {
    /// The operations of the migration's `up` part.
    package static func operations(_ text: String, file: String) -> [SchemaOperation] {
        let up = upPart(text)
        let sequelize = up.contains("queryInterface") || up.contains("Sequelize")
        var result: [SchemaOperation] = []
        let names = [
            "createTable", "createTableIfNotExists", "alterTable", "table", "dropTable", "dropTableIfExists",
            "renameTable", "addColumn", "removeColumn", "renameColumn",
        ]
        for call in CallScanner.calls(names, in: up) {
            let make = { (action: SchemaOperation.Action) in
                result.append(SchemaOperation(action, file: file, line: call.line))
            }
            guard let table = call.string(0) else { continue }
            switch call.name {
            case "createTable", "createTableIfNotExists":
                guard call.arguments.count > 1 else { continue }
                let columns = sequelize ? objectKeys(call.arguments[1]) : knexColumns(call.arguments[1]).added
                make(.createTable(table, columns))
            case "alterTable", "table":
                guard !sequelize, call.arguments.count > 1 else { continue }
                let changes = knexColumns(call.arguments[1])
                for column in changes.added { make(.addColumn(table: table, column)) }
                for column in changes.dropped { make(.dropColumn(table: table, column: column)) }
                for (from, to) in changes.renamed { make(.renameColumn(table: table, from: from, to: to)) }
            case "dropTable", "dropTableIfExists":
                make(.dropTable(table))
            case "renameTable":
                guard let to = call.string(1) else { continue }
                make(.renameTable(from: table, to: to))
            case "addColumn":
                guard sequelize, let column = call.string(1) else { continue }
                make(
                    .addColumn(
                        table: table,
                        SchemaColumn(name: column, type: sequelizeType(call.arguments.dropFirst(2).first ?? ""))))
            case "removeColumn":
                guard sequelize, let column = call.string(1) else { continue }
                make(.dropColumn(table: table, column: column))
            case "renameColumn":
                guard sequelize, let from = call.string(1), let to = call.string(2) else { continue }
                make(.renameColumn(table: table, from: from, to: to))
            default: continue
            }
        }
        return result
    }

    /// Column changes inside a Knex table callback.
    private static func knexColumns(_ callback: String) -> (
        added: [SchemaColumn], dropped: [String], renamed: [(String, String)]
    ) {
        let builders = [
            "increments", "bigIncrements", "integer", "bigInteger", "bigint", "tinyint", "smallint", "mediumint",
            "text", "string", "float", "double", "decimal", "boolean", "date", "datetime", "time", "timestamp",
            "binary", "enum", "enu", "json", "jsonb", "uuid", "specificType",
        ]
        var added: [SchemaColumn] = []
        var dropped: [String] = []
        var renamed: [(String, String)] = []
        for call in CallScanner.calls(
            builders + ["timestamps", "dropColumn", "dropColumns", "renameColumn"], in: callback)
        {
            switch call.name {
            case "timestamps":
                added += [
                    SchemaColumn(name: "created_at", type: "timestamp"),
                    SchemaColumn(name: "updated_at", type: "timestamp"),
                ]
            case "dropColumn", "dropColumns":
                dropped += call.arguments.compactMap(SourceCall.literal)
            case "renameColumn":
                if let from = call.string(0), let to = call.string(1) { renamed.append((from, to)) }
            default:
                guard let name = call.string(0) else { continue }
                added.append(SchemaColumn(name: name, type: SQLSchemaParser.portableType(knexType(call.name))))
            }
        }
        return (added, dropped, renamed)
    }

    private static func knexType(_ builder: String) -> String {
        switch builder {
        case "increments", "integer", "tinyint", "smallint", "mediumint": "integer"
        case "bigIncrements", "bigInteger", "bigint": "bigint"
        case "float", "double": "double"
        case "timestamp", "datetime": "timestamp"
        default: builder.lowercased()
        }
    }

    /// The top-level keys of a Sequelize attributes object literal.
    private static func objectKeys(_ object: String) -> [SchemaColumn] {
        let scalars = Array(object.unicodeScalars)
        guard let open = scalars.firstIndex(of: "{") else { return [] }
        var line = 1
        let (entries, _) = CallScanner.splitArguments(scalars, open: open, line: &line)
        return entries.compactMap { entry in
            guard let colon = entry.firstIndex(of: ":") else { return nil }
            let key = entry[..<colon].trimmingCharacters(in: .whitespacesAndNewlines)
            let name = SourceCall.literal(key) ?? key
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
            return SchemaColumn(name: name, type: sequelizeType(String(entry[colon...])))
        }
    }

    private static func sequelizeType(_ text: String) -> String {
        let upper = text.uppercased()
        if upper.contains("BIGINT") { return "bigint" }
        if upper.contains("INTEGER") { return "integer" }
        if upper.contains("BOOLEAN") { return "boolean" }
        if upper.contains("DATE") { return "timestamp" }
        if upper.contains("DECIMAL") { return "numeric" }
        if upper.contains("UUID") { return "uuid" }
        if upper.contains("JSON") { return "jsonb" }
        return "text"
    }

    /// The migration text before its `down` function.
    private static func upPart(_ text: String) -> String {
        for marker in ["exports.down", "export async function down", "export function down", "down:", "async down("] {
            if let range = text.range(of: marker) { return String(text[..<range.lowerBound]) }
        }
        return text
    }
}
