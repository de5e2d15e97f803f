import Foundation

/// Reads `db/schema.rb` and `db/migrate/*.rb`: `create_table`, `add_column`, `remove_column`, `rename_column`,
/// `rename_table`, `drop_table`, `add_reference`/`t.references`, `t.timestamps`.
package enum RailsSchemaReader {
    /// The operations the Ruby file declares (only `up`/`change` bodies; `down` is skipped).
    package static func operations(_ text: String, file: String) -> [SchemaOperation] {
        var result: [SchemaOperation] = []
        var table: (name: String, line: Int, columns: [SchemaColumn])?
        var inDown = false
        var downDepth = 0
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            if line.hasPrefix("def down") {
                inDown = true
                downDepth = 0
                continue
            }
            if inDown {
                if line.hasSuffix(" do") || line.contains(" do |") || line.hasPrefix("if ") { downDepth += 1 }
                if line == "end" {
                    if downDepth == 0 { inDown = false } else { downDepth -= 1 }
                }
                continue
            }
            if var current = table {
                if line == "end" {
                    result.append(
                        SchemaOperation(.createTable(current.name, current.columns), file: file, line: current.line))
                    table = nil
                    continue
                }
                current.columns += columns(inTableLine: line)
                table = current
                continue
            }
            guard let (verb, arguments) = call(line) else { continue }
            let make = { (action: SchemaOperation.Action) in
                result.append(SchemaOperation(action, file: file, line: number))
            }
            switch verb {
            case "create_table":
                guard let name = arguments.first else { continue }
                let implicitID = !line.contains("id: false")
                var columns = implicitID ? [SchemaColumn(name: "id", type: "bigint")] : []
                if let primaryKey = keyword("primary_key", in: line), implicitID {
                    columns = [SchemaColumn(name: primaryKey, type: "bigint")]
                }
                if line.contains(" do") {
                    table = (name, number, columns)
                } else {
                    make(.createTable(name, columns))
                }
            case "add_column" where arguments.count >= 2:
                make(
                    .addColumn(
                        table: arguments[0],
                        SchemaColumn(name: arguments[1], type: railsType(arguments.dropFirst(2).first))))
            case "add_reference", "add_belongs_to":
                guard arguments.count >= 2 else { continue }
                make(.addColumn(table: arguments[0], SchemaColumn(name: arguments[1] + "_id", type: "bigint")))
            case "add_timestamps" where !arguments.isEmpty:
                make(.addColumn(table: arguments[0], SchemaColumn(name: "created_at", type: "timestamp")))
                make(.addColumn(table: arguments[0], SchemaColumn(name: "updated_at", type: "timestamp")))
            case "remove_column" where arguments.count >= 2:
                make(.dropColumn(table: arguments[0], column: arguments[1]))
            case "remove_columns" where arguments.count >= 2:
                for column in arguments.dropFirst() { make(.dropColumn(table: arguments[0], column: column)) }
            case "remove_reference", "remove_belongs_to":
                guard arguments.count >= 2 else { continue }
                make(.dropColumn(table: arguments[0], column: arguments[1] + "_id"))
            case "rename_column" where arguments.count >= 3:
                make(.renameColumn(table: arguments[0], from: arguments[1], to: arguments[2]))
            case "rename_table" where arguments.count >= 2:
                make(.renameTable(from: arguments[0], to: arguments[1]))
            case "drop_table" where !arguments.isEmpty:
                make(.dropTable(arguments[0]))
            default: continue
            }
        }
        return result
    }

    /// The verb and its literal (string or symbol) arguments of a migration line.
    private static func call(_ line: String) -> (String, [String])? {
        let verbs = [
            "create_table", "add_column", "add_reference", "add_belongs_to", "add_timestamps", "remove_column",
            "remove_columns", "remove_reference", "remove_belongs_to", "rename_column", "rename_table", "drop_table",
        ]
        guard let verb = verbs.first(where: { line.hasPrefix($0 + " ") || line.hasPrefix($0 + "(") }) else {
            return nil
        }
        let rest = line.dropFirst(verb.count).trimmingCharacters(in: CharacterSet(charactersIn: " ("))
        let arguments = rest.split(separator: ",").map { String($0) }.compactMap { argument -> String? in
            let trimmed = argument.trimmingCharacters(in: CharacterSet(charactersIn: " )"))
            if trimmed.contains(":") && !trimmed.hasPrefix(":") { return nil }  // keyword option
            return SourceCall.literal(trimmed.components(separatedBy: " do").first ?? trimmed)
        }
        return (verb, arguments)
    }

    private static func columns(inTableLine line: String) -> [SchemaColumn] {
        guard line.hasPrefix("t.") else { return [] }
        let body = line.dropFirst(2)
        let type = String(body.prefix { $0.isLetter || $0 == "_" })
        let rest = String(body.dropFirst(type.count))
        let names = rest.split(separator: ",").compactMap {
            SourceCall.literal(String($0).trimmingCharacters(in: CharacterSet(charactersIn: " ()")))
        }
        switch type {
        case "timestamps":
            return [
                SchemaColumn(name: "created_at", type: "timestamp"),
                SchemaColumn(name: "updated_at", type: "timestamp"),
            ]
        case "references", "belongs_to":
            var columns = names.map { SchemaColumn(name: $0 + "_id", type: "bigint") }
            if line.contains("polymorphic: true") {
                columns += names.map { SchemaColumn(name: $0 + "_type", type: "text") }
            }
            return columns
        case "index", "check_constraint", "foreign_key": return []
        case "column":
            return names.first.map { [SchemaColumn(name: $0, type: railsType(names.dropFirst().first))] } ?? []
        default:
            return names.map { SchemaColumn(name: $0, type: railsType(type)) }
        }
    }

    private static func keyword(_ key: String, in line: String) -> String? {
        guard let range = line.range(of: key + ": ") else { return nil }
        let value = line[range.upperBound...].prefix { $0 != "," && $0 != " " }
        return SourceCall.literal(String(value))
    }

    private static func railsType(_ type: String?) -> String? {
        guard let type = type.map({ $0.hasPrefix(":") ? String($0.dropFirst()) : $0 }) else { return nil }
        switch type {
        case "integer": return "integer"
        case "bigint", "primary_key": return "bigint"
        case "boolean": return "boolean"
        case "decimal": return "numeric"
        case "float": return "double precision"
        case "datetime", "timestamp": return "timestamp"
        case "date": return "date"
        case "json", "jsonb": return "jsonb"
        case "uuid": return "uuid"
        default: return "text"
        }
    }
}
