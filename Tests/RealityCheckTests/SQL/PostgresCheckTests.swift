import RealityCheck
import Shared
import Testing

/// The same claims on a real PostgreSQL server: `OSS_TEST_DATABASE_URL` (CI starts a server and exports it), else a
/// private server started from the binaries on this machine.
@Suite(.serialized)
struct PostgresCheckTests {
    /// True when a server is given or can be started here.
    static var available: Bool {
        let environment = Environment.current()
        return environment.nonEmpty("OSS_TEST_DATABASE_URL") != nil
            || PostgresLauncher.available(environment: environment)
    }

    /// Runs `body` with a server URL: `OSS_TEST_DATABASE_URL`, else a private server stopped afterwards.
    private func withServer(_ body: (String) throws -> Void) throws {
        let environment = Environment.current()
        if let url = environment.nonEmpty("OSS_TEST_DATABASE_URL") { return try body(url) }
        let launcher = try PostgresLauncher(environment: environment)
        defer { launcher.stop() }
        try body(launcher.url)
    }

    @Test(
        .enabled(if: available, "no PostgreSQL server can run here (set OSS_TEST_DATABASE_URL or install postgresql)"))
    func seededDriftOnPostgreSQL() throws {
        try withServer { url in
            let report = try RealityFixtures.check("sql-go", claims: SQLCheckTests.claims, databaseURL: url)
            // PostgreSQL judges every statement itself, including the one SQLite cannot parse.
            #expect(report.signatures == SQLCheckTests.expected)
            #expect(report.mismatches.allSatisfy { $0.engine.hasPrefix("postgresql ") })
            #expect(report.sources.contains { $0.kind == "engine" && $0.path.hasPrefix("postgresql ") })
            #expect(report.notChecked.map(\.line) == [26])
        }
    }

    @Test(
        .enabled(if: available, "no PostgreSQL server can run here (set OSS_TEST_DATABASE_URL or install postgresql)"))
    func theThrowawayDatabaseIsDropped() throws {
        try withServer { url in
            let engine = try PostgresEngine(url: url)
            var schema = Schema()
            schema.operations = [
                SchemaOperation(.createTable("t", [SchemaColumn(name: "a", type: "integer")]), file: "x.sql", line: 1)
            ]
            schema.postgresDDL = [.init(sql: "CREATE TABLE t (a integer)", file: "x.sql", line: 1)]
            engine.apply(schema)
            #expect(engine.prepare("SELECT a FROM t WHERE a = $1") == .accepted(columns: ["a"]))
            #expect(engine.prepare("SELECT b FROM t") == .unknownColumn("b"))
            #expect(engine.prepare("SELECT a FROM u") == .unknownTable("u"))
            engine.close()
            let second = try PostgresEngine(url: url)
            defer { second.close() }
            #expect(second.prepare("SELECT a FROM t") == .unknownTable("t"))
        }
    }

    @Test(
        .enabled(if: available, "no PostgreSQL server can run here (set OSS_TEST_DATABASE_URL or install postgresql)"))
    func mySQLSchemaIsGeneratedForPostgreSQL() throws {
        try withServer { url in
            var claims = CheckClaims()
            claims.databaseMocked = true
            let report = try RealityFixtures.check("sql-mysql", claims: claims, databaseURL: url)
            #expect(report.mismatches.map(\.kind) == [.sqlTable, .sqlColumn])
        }
    }
}
