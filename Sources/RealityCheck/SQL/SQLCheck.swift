/// Judges SQL items on real engines with the repository's schema applied.
package struct SQLCheck {
    /// The schema the engines hold.
    package let schema: Schema
    /// Engines in order of preference (PostgreSQL first when present); a later one judges what an earlier one
    /// could not.
    package let engines: [any SQLEngine]
    /// The embedded engine, also used for the table-name fallback.
    package let sqlite: SQLiteEngine?

    /// Creates a check.
    package init(schema: Schema, engines: [any SQLEngine], sqlite: SQLiteEngine?) {
        self.schema = schema
        self.engines = engines
        self.sqlite = sqlite
    }

    /// Judges every item into `report`.
    package func run(_ items: [SQLItem], into report: inout RealityReport) {
        for item in items { judge(item, into: &report) }
    }

    private func judge(_ item: SQLItem, into report: inout RealityReport) {
        guard let raw = item.statement else { return }
        guard let statement = SQLStatementText.clean(raw) else { return }
        guard !schema.isEmpty else {
            report.notChecked.append(
                NotChecked(
                    file: item.file, line: item.line, claim: statement, reason: "no schema found in the repository"))
            return
        }
        var lastReason = "no engine available"
        var lastEngine: String?
        var verdict: SQLVerdict?
        var judge: String = ""
        for engine in engines {
            let outcome = engine.prepare(statement)
            if case .notChecked(let reason) = outcome {
                lastReason = reason
                lastEngine = engine.name
                continue
            }
            verdict = outcome
            judge = engine.name
            break
        }
        if case .accepted(let columns)? = verdict,
            missingColumns(claimed: item.returnedColumns, returned: columns).isEmpty
        {
            report.checkedClaims += 1  // The common case: no need to read the statement's table names.
            return
        }
        let (tables, ctes) = SQLTableNames.referenced(in: statement)
        let dependency = tables.first ?? "database"
        if verdict == nil, let sqlite {
            // The statement cannot be prepared (a fragment or another dialect): judge its table names alone.
            let known = sqlite.tables.union(schema.declaredTables).union(ctes)
            if let unknown = tables.first(where: { !known.contains($0.lowercased()) }) {
                verdict = .unknownTable(unknown)
                judge = sqlite.name + " (table names only)"
            }
        }
        if let verdict, SQLCheck.touchesSystemCatalog(statement, verdict: verdict) {
            report.notChecked.append(
                NotChecked(
                    file: item.file, line: item.line, claim: statement,
                    reason: "reads a system catalog the migrations do not describe", engine: judge))
            return
        }
        guard let verdict else {
            report.notChecked.append(
                NotChecked(file: item.file, line: item.line, claim: statement, reason: lastReason, engine: lastEngine))
            return
        }
        report.checkedClaims += 1
        var found: [Mismatch] = []
        defer { report.mismatches += found }
        let make = { (kind: MismatchKind, dependency: String, claim: String, reality: String, reason: String) in
            found.append(
                Mismatch(
                    file: item.file, line: item.line, kind: kind, dependency: dependency, claim: claim,
                    reality: reality, reason: reason, engine: judge))
        }
        switch verdict {
        case .accepted(let columns):
            let missing = missingColumns(claimed: item.returnedColumns, returned: columns)
            for column in missing {
                make(
                    .sqlReturnedColumn, dependency, column, location(schema.lastMention(ofColumn: column, in: tables)),
                    "the mock returns column \(column), but the query returns only \(columns.joined(separator: ", "))")
            }
        case .unknownTable(let table):
            let mention = schema.lastMention(ofTable: table)
            make(.sqlTable, table, statement, location(mention), tableReason(table, mention))
        case .unknownColumn(let column):
            let bare = column.split(separator: ".").last.map(String.init) ?? column
            let mention = schema.lastMention(ofColumn: bare, in: tables)
            make(.sqlColumn, dependency, statement, location(mention), columnReason(bare, mention))
        case .rejected(let message):
            make(
                .sqlStatement, dependency, statement, schema.sources.first ?? "schema",
                "the engine rejects it: \(message)")
        case .notChecked:
            break
        }
    }

    /// True when an unknown name belongs to an engine's own catalog (`information_schema`, `pg_*`, `sqlite_*`,
    /// MySQL's `mysql.`/`performance_schema`), which no migration creates.
    static func touchesSystemCatalog(_ statement: String, verdict: SQLVerdict) -> Bool {
        switch verdict {
        case .unknownTable(let name), .unknownColumn(let name):
            let lower = statement.lowercased()
            let table = name.lowercased()
            return lower.contains("information_schema") || lower.contains("pg_catalog")
                || lower.contains("performance_schema") || lower.contains("mysql.") || table.hasPrefix("pg_")
                || table.hasPrefix("sqlite_") || lower.contains(" from pg_") || lower.contains(" from sqlite_")
        default:
            return false
        }
    }

    private func missingColumns(claimed: [String], returned: [String]) -> [String] {
        guard !claimed.isEmpty, !returned.isEmpty else { return [] }
        let names = Set(returned.map { $0.lowercased() })
        if returned.contains(where: { $0.contains("(") || $0 == "?column?" || $0.contains(" ") }) { return [] }
        return claimed.filter { column in
            let bare = column.split(separator: ".").last.map { String($0).lowercased() } ?? column.lowercased()
            return !names.contains(bare)
        }
    }

    private func location(_ operation: SchemaOperation?) -> String {
        guard let operation else { return schema.sources.first ?? "schema" }
        return "\(operation.file):\(operation.line)"
    }

    private func tableReason(_ table: String, _ mention: SchemaOperation?) -> String {
        switch mention?.action {
        case .dropTable?: return "table \(table) is dropped by the migrations"
        case .renameTable(let from, let to)? where from.lowercased() == table.lowercased():
            return "table \(table) was renamed to \(to)"
        default: return "no table or view \(table) in the migrated schema"
        }
    }

    private func columnReason(_ column: String, _ mention: SchemaOperation?) -> String {
        switch mention?.action {
        case .dropColumn(let table, _)?: return "column \(column) was dropped from \(table)"
        case .renameColumn(let table, _, let to)?: return "column \(column) of \(table) was renamed to \(to)"
        case .createTable(let table, _)?: return "table \(table) has no column \(column)"
        default: return "no column \(column) in the migrated schema"
        }
    }
}
