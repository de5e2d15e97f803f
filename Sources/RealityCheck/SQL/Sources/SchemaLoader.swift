/// Finds the schema sources a repository holds and reads them, in application order, into one `Schema`.
package enum SchemaLoader {
    /// The schema of the repository.
    package static func load(_ files: RepositoryFiles) -> Schema {
        var schema = Schema()
        let candidates = files.paths.filter {
            !RepositoryFiles.isTestPath($0) || $0.hasSuffix(".sql") && !isFixture($0)
        }
        // Plain SQL: dumps (schema.sql, structure.sql) first, then migrations in version order.
        let sqlFiles = candidates.filter { isSchemaSQL($0) }.sorted(by: sqlOrder)
        for file in sqlFiles {
            guard let text = files.text(file) else { continue }
            var contributed = false
            if MySQLDialect.detect(text) { schema.sqlIsPostgresDialect = false }
            for (sql, line) in SQLLexer.statements(text) {
                let operations = SQLSchemaParser.operations(statement: sql, file: file, line: line + 1)
                if !operations.isEmpty { contributed = true }
                schema.operations += operations
                schema.postgresDDL.append(.init(sql: sql, file: file, line: line + 1))
            }
            if contributed { schema.sources.append(file) }
        }
        if !schema.operations.isEmpty, schema.postgresDDL.isEmpty == false, !schema.sqlIsPostgresDialect {
            schema.postgresDDL = []
        }
        let sqlOperationCount = schema.operations.count
        var generated: [SchemaOperation] = []
        // Rails: db/schema.rb is the current state; without it, db/migrate in timestamp order.
        let railsSchema = candidates.filter { $0.hasSuffix("db/schema.rb") }
        let railsFiles =
            railsSchema.isEmpty
            ? candidates.filter { $0.contains("db/migrate/") && $0.hasSuffix(".rb") }.sorted(by: naturalOrder)
            : railsSchema
        for file in railsFiles {
            guard let text = files.text(file) else { continue }
            let operations = RailsSchemaReader.operations(text, file: file)
            if !operations.isEmpty { schema.sources.append(file) }
            generated += operations
        }
        for file in candidates where RepositoryFiles.fileName(file).hasSuffix(".prisma") {
            guard let text = files.text(file) else { continue }
            let operations = PrismaSchemaReader.operations(text, file: file)
            if !operations.isEmpty { schema.sources.append(file) }
            generated += operations
        }
        let pythonMigrations = candidates.filter { $0.hasSuffix(".py") && isMigrationPath($0) }
        for file in AlembicReader.ordered(pythonMigrations, files: files) {
            guard let text = files.text(file) else { continue }
            let operations: [SchemaOperation]
            if text.contains("migrations.Migration") {
                operations = DjangoMigrationReader.operations(text, file: file)
            } else if text.contains("op.") {
                operations = AlembicReader.operations(text, file: file)
            } else {
                continue
            }
            if !operations.isEmpty { schema.sources.append(file) }
            generated += operations
        }
        let jsMigrations = candidates.filter { isMigrationPath($0) && isScript($0) }.sorted(by: naturalOrder)
        for file in jsMigrations {
            guard let text = files.text(file) else { continue }
            let operations = KnexMigrationReader.operations(text, file: file)
            if !operations.isEmpty { schema.sources.append(file) }
            generated += operations
        }
        schema.operations += generated
        if !generated.isEmpty || sqlOperationCount > 0 && schema.postgresDDL.isEmpty {
            // Generated DDL for PostgreSQL: for ORM sources, and for SQL in another dialect.
            let toGenerate = schema.postgresDDL.isEmpty ? schema.operations : generated
            schema.postgresDDL += toGenerate.flatMap { operation in
                PostgresDDL.statements(for: operation.action).map {
                    Schema.Statement(sql: $0, file: operation.file, line: operation.line)
                }
            }
        }
        return schema
    }

    private static func isFixture(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0 == "fixtures" || $0 == "testdata" }
    }

    private static func isScript(_ path: String) -> Bool {
        let name = RepositoryFiles.fileName(path)
        return [".js", ".ts", ".cjs", ".mjs"].contains { name.hasSuffix($0) } && !name.hasSuffix(".d.ts")
    }

    private static func isMigrationPath(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains { $0 == "migrations" || $0 == "versions" || $0 == "migrate" }
    }

    /// Plain SQL files that can hold DDL: everything but rollbacks.
    private static func isSchemaSQL(_ path: String) -> Bool {
        let name = RepositoryFiles.fileName(path).lowercased()
        guard name.hasSuffix(".sql") else { return false }
        if name.hasSuffix(".down.sql") || name == "down.sql" || name.hasSuffix("_down.sql") { return false }
        if name.hasPrefix("u"), name.dropFirst().first?.isNumber == true, name.contains("__") { return false }
        return true
    }

    private static func isDump(_ path: String) -> Bool {
        let name = RepositoryFiles.fileName(path).lowercased()
        return name == "schema.sql" || name == "structure.sql"
    }

    private static func sqlOrder(_ a: String, _ b: String) -> Bool {
        if isDump(a) != isDump(b) { return isDump(a) }
        return naturalOrder(a, b)
    }

    /// Path order with digit runs compared as numbers (`V2__` before `V10__`, `2_x.up.sql` before `10_x.up.sql`).
    package static func naturalOrder(_ a: String, _ b: String) -> Bool {
        let left = chunks(a)
        let right = chunks(b)
        for (x, y) in zip(left, right) where x != y {
            if let m = Int(x), let n = Int(y) { return m < n }
            return x < y
        }
        return left.count < right.count
    }

    private static func chunks(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var digits = false
        for c in text {
            let isDigit = c.isASCII && c.isNumber
            if !current.isEmpty, isDigit != digits {
                result.append(current)
                current = ""
            }
            digits = isDigit
            current.append(c)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
