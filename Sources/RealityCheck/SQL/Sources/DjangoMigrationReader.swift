import Foundation

/// Reads Django migrations: `CreateModel`, `AddField`, `RemoveField`, `RenameField`, `DeleteModel`, `RenameModel`,
/// `AlterModelTable`. Tables are `<app>_<model>` unless `db_table` says otherwise; foreign keys get `_id`.
package enum DjangoMigrationReader {
    /// The operations of one migration file.
    package static func operations(_ text: String, file: String) -> [SchemaOperation] {
        let components = file.split(separator: "/")
        let app = components.count >= 3 ? String(components[components.count - 3]) : "app"
        let names = [
            "migrations.CreateModel", "migrations.AddField", "migrations.RemoveField", "migrations.RenameField",
            "migrations.DeleteModel", "migrations.RenameModel", "migrations.AlterModelTable",
        ]
        var result: [SchemaOperation] = []
        for call in CallScanner.calls(names, in: text) {
            let make = { (action: SchemaOperation.Action) in
                result.append(SchemaOperation(action, file: file, line: call.line))
            }
            let fieldOperation = ["migrations.AddField", "migrations.RemoveField", "migrations.RenameField"].contains(
                call.name)
            let model = call.keyword(fieldOperation ? "model_name" : "name").flatMap(SourceCall.literal)
            let table = { (model: String) in app + "_" + model.lowercased() }
            switch call.name {
            case "migrations.CreateModel":
                guard let model else { continue }
                let custom = call.keyword("options").flatMap(dbTable)
                let fields = call.keyword("fields").map(fieldColumns) ?? []
                make(.createTable(custom ?? table(model), fields))
            case "migrations.AddField":
                guard let model, let name = fieldName(call),
                    let column = column(name: name, field: call.keyword("field") ?? "")
                else { continue }
                make(.addColumn(table: table(model), column))
            case "migrations.RemoveField":
                guard let model, let name = fieldName(call) else { continue }
                make(.dropColumn(table: table(model), column: name))
                make(.dropColumn(table: table(model), column: name + "_id"))
            case "migrations.RenameField":
                guard let model, let old = call.keyword("old_name").flatMap(SourceCall.literal),
                    let new = call.keyword("new_name").flatMap(SourceCall.literal)
                else { continue }
                make(.renameColumn(table: table(model), from: old, to: new))
            case "migrations.DeleteModel":
                guard let model else { continue }
                make(.dropTable(table(model)))
            case "migrations.RenameModel":
                guard let old = call.keyword("old_name").flatMap(SourceCall.literal),
                    let new = call.keyword("new_name").flatMap(SourceCall.literal)
                else { continue }
                make(.renameTable(from: table(old), to: table(new)))
            case "migrations.AlterModelTable":
                guard let model, let custom = call.keyword("table").flatMap(SourceCall.literal) else { continue }
                make(.renameTable(from: table(model), to: custom))
            default: continue
            }
        }
        return result
    }

    private static func fieldName(_ call: SourceCall) -> String? {
        call.keyword("name").flatMap(SourceCall.literal)
    }

    private static func dbTable(_ options: String) -> String? {
        guard let range = options.range(of: "'db_table':") ?? options.range(of: "\"db_table\":") else { return nil }
        let value = options[range.upperBound...].trimmingCharacters(in: .whitespaces)
        return SourceCall.literal(String(value.prefix { $0 != "," && $0 != "}" }))
    }

    /// `[('id', models.AutoField(...)), ('email', models.CharField(...))]` → columns.
    private static func fieldColumns(_ list: String) -> [SchemaColumn] {
        var line = 1
        let scalars = Array(list.unicodeScalars)
        guard let open = scalars.firstIndex(of: "[") else { return [] }
        let (tuples, _) = CallScanner.splitArguments(scalars, open: open, line: &line)
        return tuples.compactMap { tuple in
            let inner = Array(tuple.unicodeScalars)
            guard let paren = inner.firstIndex(of: "(") else { return nil }
            var innerLine = 1
            let (parts, _) = CallScanner.splitArguments(inner, open: paren, line: &innerLine)
            guard let name = parts.first.flatMap(SourceCall.literal), parts.count > 1 else { return nil }
            return column(name: name, field: parts[1])
        }
    }

    private static func column(name: String, field: String) -> SchemaColumn? {
        if field.contains("ManyToManyField") { return nil }
        if field.contains("ForeignKey") || field.contains("OneToOneField") {
            return SchemaColumn(name: name + "_id", type: "bigint")
        }
        let type: String
        switch true {
        case field.contains("BigAutoField"), field.contains("BigIntegerField"): type = "bigint"
        case field.contains("AutoField"), field.contains("IntegerField"): type = "integer"
        case field.contains("BooleanField"): type = "boolean"
        case field.contains("DateTimeField"): type = "timestamp"
        case field.contains("DateField"): type = "date"
        case field.contains("DecimalField"): type = "numeric"
        case field.contains("FloatField"): type = "double precision"
        case field.contains("JSONField"): type = "jsonb"
        case field.contains("UUIDField"): type = "uuid"
        default: type = "text"
        }
        return SchemaColumn(name: name, type: type)
    }
}
