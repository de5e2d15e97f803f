import RealityCheck
import Testing

/// Mocked SQL on the `sql-go` fixture (PostgreSQL migrations: `name` renamed to `full_name`, `audit_log` dropped).
struct SQLCheckTests {
    static let test = "internal/store/store_test.go"

    /// Seeded drift and matching counterparts, as the inventory would record them.
    static var claims: CheckClaims {
        var claims = CheckClaims()
        claims.sql = [
            // Drift.
            SQLItem(file: test, line: 10, statement: "SELECT id, email, name FROM users WHERE id = $1"),
            SQLItem(file: test, line: 11, statement: "INSERT INTO audit_log (user_id, action) VALUES ($1, $2)"),
            SQLItem(
                file: test, line: 12, statement: "SELECT * FROM users WHERE id = $1",
                returnedColumns: ["id", "email", "name"]),
            SQLItem(file: test, line: 13, statement: "DELETE FROM sessions WHERE expires_at < now()"),
            SQLItem(file: test, line: 14, statement: "SELECT id, email FROM users u JOIN users v ON v.id = u.id"),
            // Must not be flagged.
            SQLItem(
                file: test, line: 20,
                statement:
                    "SELECT u.id AS uid, u.email FROM users u JOIN orders o ON o.user_id = u.id WHERE o.total > $1",
                returnedColumns: ["uid", "email"]),
            SQLItem(
                file: test, line: 21, statement: "SELECT * FROM users",
                returnedColumns: ["id", "full_name", "created_at"]),
            SQLItem(
                file: test, line: 22,
                statement:
                    "WITH recent AS (SELECT user_id FROM orders WHERE shipped_at > now()) SELECT \"email\" FROM \"users\" WHERE id IN (SELECT user_id FROM recent)"
            ),
            SQLItem(
                file: test, line: 23, statement: "SELECT (.+) FROM orders WHERE user_id = \\$1",
                returnedColumns: ["id", "total"]),
            SQLItem(file: test, line: 24, statement: "UPDATE users SET full_name = $1 WHERE id = $2"),
            SQLItem(
                file: test, line: 25, statement: "SELECT id FROM users WHERE email ILIKE $1 FOR UPDATE SKIP LOCKED"),
            SQLItem(file: test, line: 26, statement: "INSERT INTO orders"),
            SQLItem(
                file: test, line: 27, statement: "SELECT count(*) AS n, status FROM orders GROUP BY status",
                returnedColumns: ["n", "status"]),
            SQLItem(
                file: test, line: 28,
                statement: "INSERT INTO orders (user_id, total, carrier) VALUES (?, ?, ?) RETURNING id",
                returnedColumns: ["id"]),
            // Dialect the embedded engine cannot parse: not checked, never a mismatch.
            SQLItem(
                file: test, line: 30,
                statement: "SELECT id FROM users WHERE id = ANY($1::int[]) AND email SIMILAR TO $2"),
        ]
        return claims
    }

    static let expected: Set<String> = [
        "\(test):10 sql-column SELECT id, email, name FROM users WHERE id = $1",
        "\(test):11 sql-table INSERT INTO audit_log (user_id, action) VALUES ($1, $2)",
        "\(test):12 sql-returned-column name",
        "\(test):13 sql-table DELETE FROM sessions WHERE expires_at < now()",
        "\(test):14 sql-statement SELECT id, email FROM users u JOIN users v ON v.id = u.id",
    ]

    @Test func reportsSeededDriftOnlyOnSQLite() throws {
        let report = try RealityFixtures.check("sql-go", claims: Self.claims)
        #expect(report.signatures == Self.expected)
        #expect(report.mismatches.allSatisfy { $0.engine.hasPrefix("sqlite ") })
        // A fragment (sqlmock matches prefixes) whose tables exist, and a dialect SQLite cannot parse.
        #expect(report.notChecked.map(\.line) == [26, 30])
        let renamed = try #require(report.mismatches.first { $0.line == 10 })
        #expect(renamed.reality == "db/migrations/002_rename_name.up.sql:1")
        #expect(renamed.reason == "column name of users was renamed to full_name")
        let dropped = try #require(report.mismatches.first { $0.line == 11 })
        #expect(dropped.reality == "db/migrations/002_rename_name.up.sql:2")
        #expect(dropped.dependency == "audit_log")
    }

    @Test func productionSQLRunsThroughTheMockedClient() throws {
        var claims = CheckClaims()
        claims.databaseMocked = true
        let report = try RealityFixtures.check("sql-go", claims: claims)
        #expect(
            report.signatures == [
                "internal/store/store.go:16 sql-column UPDATE orders\n\t\tSET state = 'shipped', shipped_at = now()\n\t\tWHERE id = $1"
            ])
        #expect(report.checkedClaims == 3)
    }

    @Test func mySQLFlywayMyBatisAndJdbcTemplate() throws {
        var claims = CheckClaims()
        claims.databaseMocked = true
        let report = try RealityFixtures.check("sql-mysql", claims: claims)
        #expect(report.mismatches.map(\.kind) == [.sqlTable, .sqlColumn])
        #expect(
            report.mismatches.map(\.file) == [
                "src/main/java/com/example/CustomerRepository.java", "src/main/resources/mapper/CustomerMapper.xml",
            ])
        #expect(
            report.mismatches.map(\.reality) == [
                "src/main/resources/db/migration/V10__drop_legacy.sql:1",
                "src/main/resources/db/migration/V2__phone_number.sql:1",
            ])
        #expect(report.checkedClaims == 5)
    }

    @Test func noSchemaMeansNotChecked() throws {
        var claims = CheckClaims()
        claims.sql = [SQLItem(file: "a_test.go", line: 1, statement: "SELECT id FROM users")]
        let report = try RealityFixtures.check("modules-go", claims: claims)
        #expect(report.mismatches.filter { $0.kind.rawValue.hasPrefix("sql") }.isEmpty)
        #expect(report.notChecked.contains { $0.reason == "no schema found in the repository" })
    }
}

/// Statements that read an engine's own catalog are never mismatches.
struct SQLSystemCatalogTests {
    @Test func catalogsAreNotChecked() throws {
        var claims = CheckClaims()
        claims.sql = [
            SQLItem(file: "a_test.go", line: 1, statement: "SELECT table_name FROM information_schema.tables"),
            SQLItem(file: "a_test.go", line: 2, statement: "SELECT relname FROM pg_class WHERE relkind = 'r'"),
        ]
        let report = try RealityFixtures.check("sql-go", claims: claims)
        #expect(report.mismatches.isEmpty)
        #expect(report.notChecked.map(\.line) == [1, 2])
    }
}
