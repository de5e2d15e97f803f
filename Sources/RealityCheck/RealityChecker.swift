import MockInventory
import Shared

/// Runs the three checks on a repository: SQL on real engines, HTTP against API descriptions and recordings,
/// modules against their code. Reads the repository only; starts no network traffic (a PostgreSQL server it
/// starts listens on a Unix socket only).
package enum RealityChecker {
    /// Checks `claims` against the reality the repository at `root` holds.
    package static func check(root: String, claims: CheckClaims, options: CheckOptions) throws(CheckError)
        -> RealityReport
    {
        guard FileSystem.isDirectory(root) else { throw .notADirectory(root) }
        let files = RepositoryFiles(root: root, maxFiles: options.maxFiles)
        var report = RealityReport(root: root)
        let wants = { (boundary: Boundary) in options.boundary == nil || options.boundary == boundary }

        if wants(.api) {
            let hostDescriptions = try userDescriptions(options.specs)
            let (descriptions, failures) = APIDescriptionLoader.discover(files)
            for (path, reason) in failures {
                report.notChecked.append(NotChecked(file: path, line: 1, claim: "API description", reason: reason))
            }
            let recordings = RecordingLoader.discover(files)
            report.sources += descriptions.map {
                RealitySource(kind: $0.version.hasPrefix("swagger") ? "swagger" : "openapi", path: $0.file)
            }
            report.sources += hostDescriptions.map {
                RealitySource(kind: "openapi", path: "\($0.key)=\($0.value.file)")
            }
            report.sources += Set(recordings.map(\.file)).map { RealitySource(kind: "recording", path: $0) }
            HTTPCheck(repositoryDescriptions: descriptions, hostDescriptions: hostDescriptions, recordings: recordings)
                .run(claims.http, into: &report)
        }
        if wants(.database) {
            let schema = SchemaLoader.load(files)
            var items = claims.sql
            // Production SQL is only worth judging against a schema; mocks' own SQL is listed as not checked.
            if claims.databaseMocked, !schema.isEmpty { items += ProductionSQLExtractor.statements(files) }
            if items.contains(where: { $0.statement != nil }) {
                try checkSQL(items, schema: schema, options: options, into: &report)
            }
        }
        if wants(.other) {
            let modules = ModuleCheck(files: files)
            modules.run(claims.modules, into: &report)
            modules.staleGoMocks(into: &report)
        }
        report.finish()
        return report
    }

    private static func checkSQL(
        _ items: [SQLItem], schema: Schema, options: CheckOptions, into report: inout RealityReport
    ) throws(CheckError) {
        report.sources += schema.sources.map { RealitySource(kind: "schema", path: $0) }
        let sqlite = SQLiteEngine()
        sqlite?.apply(schema)
        var engines: [any SQLEngine] = []
        var launcher: PostgresLauncher?
        defer {
            for engine in engines { engine.close() }
            launcher?.stop()
        }
        if !schema.isEmpty, options.engine != .sqlite {
            var url = options.databaseURL
            var failure: String?
            if url == nil, PostgresLauncher.available(environment: options.environment) {
                do {
                    launcher = try PostgresLauncher(environment: options.environment)
                    url = launcher?.url
                } catch {
                    failure = error.message
                }
            }
            if let url {
                do {
                    let postgres = try PostgresEngine(url: url)
                    postgres.apply(schema)
                    engines.append(postgres)
                    report.sources.append(RealitySource(kind: "engine", path: postgres.name))
                } catch {
                    failure = error.message
                }
            }
            if engines.isEmpty {
                let reason = failure ?? "no --database-url and no PostgreSQL server binaries on PATH"
                if options.engine == .postgresql { throw .postgresUnavailable(reason) }
                report.warnings.append("PostgreSQL not used (\(reason)); statements judged on SQLite")
            }
        }
        if let sqlite, !schema.isEmpty {
            engines.append(sqlite)
            report.sources.append(RealitySource(kind: "engine", path: sqlite.name))
        }
        SQLCheck(schema: schema, engines: engines, sqlite: sqlite).run(items, into: &report)
    }

    /// Loads the documents named per host.
    private static func userDescriptions(_ specs: [String: String]) throws(CheckError) -> [String: APIDescription] {
        var result: [String: APIDescription] = [:]
        for (host, path) in specs.sorted(by: { $0.key < $1.key }) {
            guard let bytes = SmallFile.read(path, limit: 16 << 20) else {
                throw .unreadableSpec(host: host, path: path, reason: "cannot read the file")
            }
            do {
                result[host.lowercased()] = try APIDescriptionLoader.load(
                    text: String(decoding: bytes, as: UTF8.self), file: path)
            } catch {
                throw .unreadableSpec(host: host, path: path, reason: error.message)
            }
        }
        return result
    }
}
