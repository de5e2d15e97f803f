import RealityCheck
import Testing

struct SQLLexerTests {
    @Test func splitsStatementsOutsideQuotesCommentsAndDollarBodies() {
        let script = """
            -- a comment; with a semicolon
            CREATE TABLE a (x text DEFAULT ';');
            CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
            /* block; comment */ SELECT "semi;colon" FROM a
            """
        let statements = SQLLexer.statements(script)
        #expect(statements.count == 3)
        #expect(statements.map(\.line) == [1, 2, 3])
        #expect(statements[2].sql.hasSuffix("FROM a"))
    }

    @Test func readsPlaceholdersCastsAndQuotedIdentifiers() {
        let tokens = SQLLexer.tokens(
            "SELECT \"Order\".id::text, `x` FROM t WHERE a = $1 AND b = ? AND c = :name AND d = %s")
        #expect(tokens.filter { $0.kind == .placeholder }.map(\.text) == ["$1", "?", ":name", "%s"])
        #expect(tokens.filter { $0.kind == .quoted }.map(\.text) == ["Order", "x"])
        #expect(tokens.contains { $0.kind == .symbol && $0.text == "::" })
    }

    @Test func cleansSqlmockRegexLeftovers() {
        #expect(
            SQLStatementText.clean("^SELECT (.+) FROM users WHERE id = \\$1$") == "SELECT * FROM users WHERE id = $1")
        #expect(SQLStatementText.clean("INSERT INTO t \\(a\\) VALUES \\(\\?\\)") == "INSERT INTO t (a) VALUES (?)")
        #expect(SQLStatementText.clean("not sql at all") == nil)
    }

    @Test func rewritesForTheEngines() {
        #expect(
            SQLStatementText.forSQLite("SELECT id::int FROM public.users WHERE e ILIKE $1 FOR UPDATE SKIP LOCKED")
                == "SELECT id FROM users WHERE e LIKE ?1")
        #expect(
            SQLStatementText.forPostgres("SELECT a FROM t WHERE b = ? AND c = ?")
                == "SELECT a FROM t WHERE b = $1 AND c = $2")
        #expect(
            SQLStatementText.forPostgres("SELECT a FROM t WHERE b = :x OR c = :x")
                == "SELECT a FROM t WHERE b = $1 OR c = $1")
    }

    @Test func namesTablesButNotCTEsOrFunctionArguments() {
        let (tables, ctes) = SQLTableNames.referenced(
            in: """
                WITH recent AS (SELECT user_id FROM orders) SELECT EXTRACT(YEAR FROM created_at)
                FROM public.users u, accounts a JOIN recent r ON r.user_id = u.id
                """)
        #expect(tables == ["orders", "users", "accounts", "recent"])
        #expect(ctes == ["recent"])
    }
}
