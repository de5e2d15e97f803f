import Foundation

/// Reads Alembic revisions' `upgrade()` bodies: `op.create_table`, `op.add_column`, `op.drop_column`,
/// `op.alter_column(new_column_name=…)`, `op.rename_table`, `op.drop_table` (batch operations included).
package enum AlembicReader {
    /// The operations in the file's `upgrade()`.
    package static func operations(_ text: String, file: String) -> [SchemaOperation] {
        let body = upgradeBody(text)
        let names = [
            "op.create_table", "op.add_column", "op.drop_column", "op.alter_column", "op.rename_table",
            "op.drop_table", "batch_op.add_column", "batch_op.drop_column", "batch_op.alter_column",
        ]
        var result: [SchemaOperation] = []
        var batchTable: String?
        for batch in CallScanner.calls(["op.batch_alter_table"], in: body.text) { batchTable = batch.string(0) }
        for call in CallScanner.calls(names, in: body.text) {
            let line = body.firstLine + call.line - 1
            let isBatch = call.name.hasPrefix("batch_op.")
            let table = isBatch ? batchTable : call.string(0)
            let arguments = isBatch ? [""] + call.arguments : call.arguments
            let make = { (action: SchemaOperation.Action) in
                result.append(SchemaOperation(action, file: file, line: line))
            }
            guard let table else { continue }
            switch call.name.split(separator: ".").last ?? "" {
            case "create_table":
                make(.createTable(table, arguments.dropFirst().compactMap(column(fromArgument:))))
            case "add_column":
                guard let column = arguments.dropFirst().first.flatMap(column(fromArgument:)) else { continue }
                make(.addColumn(table: table, column))
            case "drop_column":
                guard arguments.count > 1, let name = SourceCall.literal(arguments[1]) else { continue }
                make(.dropColumn(table: table, column: name))
            case "alter_column":
                guard arguments.count > 1, let name = SourceCall.literal(arguments[1]) else { continue }
                let call = SourceCall(name: call.name, arguments: arguments, line: call.line)
                if let renamed = call.keyword("new_column_name").flatMap(SourceCall.literal) {
                    make(.renameColumn(table: table, from: name, to: renamed))
                }
            case "rename_table":
                guard let to = call.string(1) else { continue }
                make(.renameTable(from: table, to: to))
            case "drop_table":
                make(.dropTable(table))
            default: continue
            }
        }
        return result
    }

    /// `sa.Column('name', sa.Integer(), …)` → a column.
    private static func column(fromArgument argument: String) -> SchemaColumn? {
        guard argument.hasPrefix("sa.Column(") || argument.hasPrefix("Column(") else { return nil }
        var line = 1
        let scalars = Array(argument.unicodeScalars)
        guard let open = scalars.firstIndex(of: "(") else { return nil }
        let (inner, _) = CallScanner.splitArguments(scalars, open: open, line: &line)
        guard let name = inner.first.flatMap(SourceCall.literal) else { return nil }
        let typeName = inner.dropFirst().first.map { $0.replacingOccurrences(of: "sa.", with: "") } ?? ""
        return SchemaColumn(
            name: name, type: SQLSchemaParser.portableType(String(typeName.lowercased().prefix { $0.isLetter })))
    }

    /// The text of `def upgrade` up to `def downgrade` and the line it starts on.
    private static func upgradeBody(_ text: String) -> (text: String, firstLine: Int) {
        guard let start = text.range(of: "def upgrade") else { return (text, 1) }
        let end = text.range(of: "def downgrade", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        let firstLine = text[..<start.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        return (String(text[start.lowerBound..<end]), firstLine)
    }

    /// Python migration files in application order: Alembic revisions by their `down_revision` chain, the rest
    /// (Django) by path.
    package static func ordered(_ paths: [String], files: RepositoryFiles) -> [String] {
        var revisions: [String: (path: String, down: String?)] = [:]
        var others: [String] = []
        for path in paths {
            guard let text = files.text(path), text.contains("down_revision"),
                let revision = assignment("revision", in: text)
            else {
                others.append(path)
                continue
            }
            revisions[revision] = (path, assignment("down_revision", in: text))
        }
        var ordered: [String] = []
        var placed: Set<String> = []
        func place(_ revision: String, depth: Int) {
            guard depth < 10_000, !placed.contains(revision), let entry = revisions[revision] else { return }
            if let down = entry.down { place(down, depth: depth + 1) }
            placed.insert(revision)
            ordered.append(entry.path)
        }
        for revision in revisions.keys.sorted() { place(revision, depth: 0) }
        return ordered + others.sorted(by: SchemaLoader.naturalOrder)
    }

    private static func assignment(_ name: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") || line.hasPrefix(name + ":") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            return SourceCall.literal(String(line[line.index(after: equals)...]))
        }
        return nil
    }
}
