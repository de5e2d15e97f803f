import RealityCheck
import Testing

/// Schemas built from each kind of source, read back from the embedded engine.
struct SchemaSourceTests {
    private func columns(_ fixture: String) throws -> [String: [String]] {
        let files = RepositoryFiles(root: try RealityFixtures.root(fixture))
        let schema = SchemaLoader.load(files)
        let engine = try #require(SQLiteEngine())
        engine.apply(schema)
        var result: [String: [String]] = [:]
        for table in engine.tables { result[table] = engine.columns(of: table) }
        return result
    }

    @Test func postgresMigrationsInVersionOrderWithoutRollbacks() throws {
        let tables = try columns("sql-go")
        #expect(tables["users"] == ["id", "email", "full_name", "created_at"])
        #expect(tables["orders"] == ["id", "user_id", "total", "status", "shipped_at", "carrier"])
        #expect(tables["audit_log"] == nil)
    }

    @Test func flywayMySQLMigrations() throws {
        let tables = try columns("sql-mysql")
        #expect(tables["customer"] == ["id", "name", "phone_number", "status"])
        #expect(tables["legacy_note"] == nil)
    }

    @Test func railsSchemaDumpWinsOverMigrations() throws {
        let tables = try columns("schemas/rails")
        #expect(tables["accounts"] == ["id", "email", "owner_id", "created_at", "updated_at"])
        #expect(tables["tags"] == ["label"])
        #expect(tables["ignored_because_schema_rb_exists"] == nil)
    }

    @Test func railsMigrationsWithoutDump() throws {
        let tables = try columns("schemas/rails-migrations")
        #expect(tables["posts"] == ["id", "title", "content", "created_at", "updated_at", "published"])
    }

    @Test func prismaModelsWithMaps() throws {
        let tables = try columns("schemas/prisma")
        #expect(tables["users"] == ["id", "email", "full_name", "role"])
        #expect(tables["post"] == ["id", "title", "authorid"])
    }

    @Test func alembicRevisionsFollowTheirChain() throws {
        let tables = try columns("schemas/alembic")
        #expect(tables["invoices"] == ["id", "amount_cents"])
    }

    @Test func djangoMigrations() throws {
        let tables = try columns("schemas/django")
        #expect(tables["shop_product"] == ["id", "name", "price", "stock"])
        #expect(tables["reviews"] == ["id", "product_id"])
    }

    @Test func knexAndSequelizeMigrations() throws {
        #expect(
            try columns("schemas/knex")["books"] == ["id", "title", "page_count", "created_at", "updated_at", "isbn"])
        #expect(try columns("schemas/sequelize")["members"] == ["id", "handle", "createdat"])
    }
}
