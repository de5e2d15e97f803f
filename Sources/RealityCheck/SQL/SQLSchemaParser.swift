/// Reads `CREATE`/`ALTER`/`DROP`/`RENAME` statements of any common dialect into portable schema operations.
package enum SQLSchemaParser {
    /// The operations of one DDL statement; empty for anything that does not change table or column names.
    package static func operations(statement: String, file: String, line: Int) -> [SchemaOperation] {
        let tokens = SQLLexer.tokens(statement)
        var cursor = TokenCursor(tokens)
        let make = { (action: SchemaOperation.Action) in SchemaOperation(action, file: file, line: line) }
        if cursor.accept("create") {
            _ = cursor.accept("or") && cursor.accept("replace")
            while cursor.acceptAny(["temp", "temporary", "unlogged", "global", "local", "materialized", "virtual"]) {}
            if cursor.accept("table") {
                _ = cursor.accept("if") && cursor.accept("not") && cursor.accept("exists")
                guard let name = cursor.qualifiedName() else { return [] }
                if cursor.peekKeyword("as") {
                    cursor.index += 1
                    return [make(.createView(name, query: SQLRenderer.render(cursor.rest)))]
                }
                guard cursor.acceptSymbol("(") else { return [] }
                let columns = cursor.elements().compactMap(column(from:))
                return [make(.createTable(name, columns))]
            }
            if cursor.accept("view") {
                _ = cursor.accept("if") && cursor.accept("not") && cursor.accept("exists")
                guard let name = cursor.qualifiedName() else { return [] }
                if cursor.acceptSymbol("(") { _ = cursor.elements() }
                while !cursor.atEnd, !cursor.peekKeyword("as") { cursor.index += 1 }
                guard cursor.accept("as") else { return [] }
                return [make(.createView(name, query: SQLRenderer.render(cursor.rest)))]
            }
            return []
        }
        if cursor.accept("drop"), cursor.acceptAny(["table", "view"]) || materializedView(&cursor) {
            _ = cursor.accept("if") && cursor.accept("exists")
            var names: [String] = []
            while let name = cursor.qualifiedName() {
                names.append(name)
                guard cursor.acceptSymbol(",") else { break }
            }
            return names.map { make(.dropTable($0)) }
        }
        if cursor.accept("rename"), cursor.accept("table") {
            var result: [SchemaOperation] = []
            while let from = cursor.qualifiedName(), cursor.accept("to"), let to = cursor.qualifiedName() {
                result.append(make(.renameTable(from: from, to: to)))
                guard cursor.acceptSymbol(",") else { break }
            }
            return result
        }
        if cursor.accept("alter"), cursor.accept("table") {
            _ = cursor.accept("if") && cursor.accept("exists")
            _ = cursor.accept("only")
            guard let table = cursor.qualifiedName() else { return [] }
            return cursor.elements(untilClose: false).flatMap { alteration($0, table: table) }.map(make)
        }
        return []
    }

    private static func materializedView(_ cursor: inout TokenCursor) -> Bool {
        cursor.accept("materialized") && cursor.accept("view")
    }

    /// Keywords that start a table constraint rather than a column.
    private static let constraintWords: Set<String> = [
        "constraint", "primary", "foreign", "unique", "check", "key", "index", "fulltext", "spatial", "exclude",
        "like", "period", "inherits",
    ]

    private static func column(from element: [SQLToken]) -> SchemaColumn? {
        guard let first = element.first, first.isIdentifier else { return nil }
        if first.kind == .word, constraintWords.contains(first.name) { return nil }
        let typeWord = element.dropFirst().first { $0.kind == .word }
        return SchemaColumn(name: first.text, type: typeWord.map { portableType($0.name) })
    }

    /// A portable spelling of a declared type name.
    package static func portableType(_ name: String) -> String {
        switch name {
        case "int", "integer", "int4", "mediumint", "serial", "serial4", "smallint", "int2", "smallserial",
            "tinyint":
            "integer"
        case "bigint", "int8", "bigserial", "serial8": "bigint"
        case "bool", "boolean", "bit": "boolean"
        case "decimal", "numeric", "money": "numeric"
        case "real", "float", "float4", "float8", "double": "double precision"
        case "timestamp", "timestamptz", "datetime": "timestamp"
        case "date": "date"
        case "time", "timetz": "time"
        case "json", "jsonb": "jsonb"
        case "uuid": "uuid"
        case "bytea", "blob", "binary", "varbinary", "longblob": "bytea"
        default: "text"
        }
    }

    private static func alteration(_ tokens: [SQLToken], table: String) -> [SchemaOperation.Action] {
        var cursor = TokenCursor(tokens)
        if cursor.accept("add") {
            if cursor.peekKeyword("constraint") || cursor.peekKeyword("primary") || cursor.peekKeyword("foreign")
                || cursor.peekKeyword("unique") || cursor.peekKeyword("index") || cursor.peekKeyword("key")
                || cursor.peekKeyword("check")
            {
                return []
            }
            _ = cursor.accept("column")
            _ = cursor.accept("if") && cursor.accept("not") && cursor.accept("exists")
            if cursor.acceptSymbol("(") {  // MySQL: ADD (a int, b int)
                return cursor.elements().compactMap(column(from:)).map { .addColumn(table: table, $0) }
            }
            guard let column = column(from: Array(cursor.rest)) else { return [] }
            return [.addColumn(table: table, column)]
        }
        if cursor.accept("drop") {
            if cursor.peekKeyword("constraint") || cursor.peekKeyword("index") || cursor.peekKeyword("primary")
                || cursor.peekKeyword("foreign") || cursor.peekKeyword("key") || cursor.peekKeyword("default")
            {
                return []
            }
            _ = cursor.accept("column")
            _ = cursor.accept("if") && cursor.accept("exists")
            guard let name = cursor.name() else { return [] }
            return [.dropColumn(table: table, column: name)]
        }
        if cursor.accept("rename") {
            if cursor.accept("to") || cursor.accept("as") {
                guard let to = cursor.qualifiedName() else { return [] }
                return [.renameTable(from: table, to: to)]
            }
            if cursor.peekKeyword("constraint") || cursor.peekKeyword("index") || cursor.peekKeyword("key") {
                return []
            }
            _ = cursor.accept("column")
            guard let from = cursor.name(), cursor.accept("to"), let to = cursor.name() else { return [] }
            return [.renameColumn(table: table, from: from, to: to)]
        }
        if cursor.accept("change") {  // MySQL: CHANGE [COLUMN] old new type
            _ = cursor.accept("column")
            guard let from = cursor.name(), let to = cursor.name() else { return [] }
            return from.lowercased() == to.lowercased() ? [] : [.renameColumn(table: table, from: from, to: to)]
        }
        return []
    }
}
