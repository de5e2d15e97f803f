extension RealDependencyDetector {
    /// What a test file shows about real dependencies beyond `evidence(forTestFile:…)`'s path and token rules.
    struct Facts {
        /// Real dependencies the file exercises, each with the rule that says so.
        var dependencies: [(name: String, kind: RealDependencyEvidence.Kind, rule: String)] = []
        /// The file starts or reaches a compose file's services (`dockerCompose.upAll`, an integration test).
        var usesCompose = false
    }

    /// Identifiers that announce a real client, engine or test slice.
    private static let signals: Set<String> = [
        "DataJpaTest", "JdbcTest", "MybatisTest", "DataJdbcTest", "DataR2dbcTest", "DataMongoTest", "DataRedisTest",
        "SpringBootTest", "AutoConfigureTestDatabase", "DataNeo4jTest", "DataCassandraTest", "DataElasticsearchTest",
        "create_engine", "create_async_engine", "sessionmaker", "engine", "TestCase", "TransactionTestCase",
        "LiveServerTestCase", "django_db", "django", "MongoClient", "mongomock", "fakeredis", "StrictRedis",
        "rails_helper", "test_helper", "FactoryBot", "type", "Open", "Connect", "NewClient", "Dial", "pgxpool",
        "miniredis", "NewWriter", "NewReader", "Pool", "createConnection", "createPool", "PrismaClient", "knex",
        "mongoose", "Redis", "createClient", "amqplib", "amqp", "Kafka", "upAll", "dockerCompose", "compose",
        "connect", "psycopg2", "psycopg", "sqlite3", "asyncpg", "pymysql", "redis", "pika", "smtplib", "SMTP",
        "sql", "gorm", "pgx", "nats", "DataSource", "Sequelize", "Client", "firestore", "NewClient",
    ]

    /// Which bytes start a signal or a name that precedes one (`sql.Open`, `amqp.Dial`), to skip the rest cheaply.
    private static let signalFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        let leaders = ["sql", "sqlx", "gorm", "pgx", "pgxpool", "redis", "amqp", "amqplib", "nats", "kafka", "firestore",
            "psycopg2", "psycopg", "asyncpg", "sqlite3", "pymysql", "pika", "smtplib", "mongoose", "dockerCompose", "compose"]
        for word in Array(signals) + leaders { if let first = word.utf8.first { table[Int(first)] = true } }
        return table
    }()

    /// One pass over the identifiers of a test file, then the rules.
    static func facts(
        path: String,
        source: SourceText,
        imports importTable: ImportTable,
        railsUnit: Bool
    ) -> Facts {
        var seen = Set<String>()
        var calls = Set<String>()  // `name(` and `a.name(` spellings seen
        let masked = source.masked
        var index = 0
        var previous = ""
        let firstBytes = signalFirstBytes
        while index < masked.count {
            guard masked[index].isIdentifierByte else {
                index += 1
                continue
            }
            let range = source.identifier(at: index)
            index = range.upperBound
            guard firstBytes[Int(masked[range.lowerBound])], range.count <= 26 else {
                previous = ""
                continue
            }
            let word = String(decoding: masked[range], as: UTF8.self)
            if signals.contains(word) {
                seen.insert(word)
                if range.upperBound < masked.count, masked[range.upperBound] == UInt8(ascii: "(") {
                    calls.insert(range.lowerBound > 0 && masked[range.lowerBound - 1] == UInt8(ascii: ".") ? previous + "." + word : word)
                }
            }
            previous = word
        }
        var facts = Facts()
        func add(_ name: String, _ kind: RealDependencyEvidence.Kind, _ rule: String) {
            facts.dependencies.append((name, kind, rule))
        }
        let modules = Set(importTable.all.map { $0.lowercased() })
        func imports(_ names: String...) -> Bool { names.contains { name in modules.contains { $0 == name || $0.hasPrefix(name + ".") || $0.hasPrefix(name + "/") || $0.hasSuffix("/" + name) } } }
        switch source.language {
        case .java, .kotlin:
            if seen.contains("DataJpaTest") || seen.contains("JdbcTest") || seen.contains("MybatisTest")
                || seen.contains("DataJdbcTest") || seen.contains("DataR2dbcTest") || seen.contains("AutoConfigureTestDatabase")
            {
                add("sql", .springTest, "Spring test slice on the real persistence layer (@DataJpaTest, @JdbcTest, @MybatisTest)")
            }
            if seen.contains("DataMongoTest") { add("mongodb", .springTest, "@DataMongoTest") }
            if seen.contains("DataRedisTest") { add("redis", .springTest, "@DataRedisTest") }
            if seen.contains("SpringBootTest") {
                add("sql", .springTest, "@SpringBootTest starts the application context with its real DataSource")
            }
        case .python:
            if calls.contains("create_engine") || calls.contains("create_async_engine") || calls.contains("sessionmaker")
                || (seen.contains("engine") && imports("sqlmodel", "sqlalchemy") && !seen.contains("mongomock"))
            {
                add("sql", .realClient, "pytest opens a real SQLAlchemy/SQLModel engine or session")
            }
            if calls.contains("sqlite3.connect") { add("sqlite", .realClient, "sqlite3.connect") }
            if calls.contains("psycopg2.connect") || calls.contains("psycopg.connect") || calls.contains("asyncpg.connect") {
                add("postgres", .realClient, "a real PostgreSQL connection")
            }
            if calls.contains("pymysql.connect") { add("mysql", .realClient, "pymysql.connect") }
            if imports("django.test") && (seen.contains("TestCase") || seen.contains("TransactionTestCase") || seen.contains("LiveServerTestCase"))
                || seen.contains("django_db")
            {
                add("sql", .frameworkDatabase, "Django TestCase / django_db runs on the real test database")
            }
            if calls.contains("MongoClient") && !seen.contains("mongomock") { add("mongodb", .realClient, "pymongo.MongoClient") }
            if (calls.contains("redis.Redis") || calls.contains("StrictRedis") || calls.contains("redis.from_url")) && !seen.contains("fakeredis") {
                add("redis", .realClient, "a real Redis client")
            }
            if calls.contains("pika.BlockingConnection") { add("rabbitmq", .realClient, "pika connection") }
            if calls.contains("smtplib.SMTP") { add("smtp", .realClient, "smtplib.SMTP") }
        case .ruby:
            if railsUnit, isRailsDatabaseSpec(path: path, seen: seen) {
                add("sql", .frameworkDatabase, "Rails spec on the test database (transactional fixtures)")
            }
        case .go:
            if calls.contains("sql.Open") || calls.contains("sqlx.Open") || calls.contains("sqlx.Connect") || calls.contains("gorm.Open")
                || calls.contains("pgx.Connect") || calls.contains("pgxpool.New") || calls.contains("pgxpool.Connect")
            {
                var engine = "sql"
                if imports("github.com/lib/pq", "github.com/jackc/pgx", "github.com/jackc/pgx/v5", "gorm.io/driver/postgres") || modules.contains(where: { $0.contains("pgx") || $0.hasSuffix("/pq") }) {
                    engine = "postgres"
                } else if modules.contains(where: { $0.contains("mysql") }) {
                    engine = "mysql"
                } else if modules.contains(where: { $0.contains("sqlite") }) {
                    engine = "sqlite"
                }
                add(engine, .realClient, "opens a real database connection (sql.Open, pgx, gorm.Open)")
            }
            if calls.contains("redis.NewClient") && !seen.contains("miniredis") { add("redis", .realClient, "redis.NewClient") }
            if calls.contains("amqp.Dial") { add("rabbitmq", .realClient, "amqp.Dial") }
            if calls.contains("firestore.NewClient") { add("firestore", .realClient, "firestore.NewClient (emulator or real)") }
            if calls.contains("nats.Connect") { add("nats", .realClient, "nats.Connect") }
            if calls.contains("kafka.NewWriter") || calls.contains("kafka.NewReader") { add("kafka", .realClient, "kafka client") }
        case .javascript:
            if calls.contains("Pool") || calls.contains("Client"), imports("pg") { add("postgres", .realClient, "new pg Pool/Client") }
            if calls.contains("mongoose.connect") || calls.contains("MongoClient") { add("mongodb", .realClient, "a real MongoDB connection") }
            if (calls.contains("createConnection") || calls.contains("createPool")) && imports("mysql", "mysql2", "mysql2/promise") {
                add("mysql", .realClient, "a real MySQL connection")
            }
            if calls.contains("PrismaClient") || calls.contains("knex") || calls.contains("Sequelize") || (calls.contains("DataSource") && imports("typeorm")) {
                add("sql", .realClient, "a real ORM connection (Prisma, knex, Sequelize, TypeORM)")
            }
            if (calls.contains("Redis") && imports("ioredis")) || (calls.contains("createClient") && imports("redis")) {
                add("redis", .realClient, "a real Redis client")
            }
            if calls.contains("amqplib.connect") || calls.contains("amqp.connect") { add("rabbitmq", .realClient, "amqplib.connect") }
            if calls.contains("Kafka") && imports("kafkajs") { add("kafka", .realClient, "kafkajs") }
            if calls.contains("dockerCompose.upAll") || calls.contains("compose.upAll") || imports("docker-compose") {
                facts.usesCompose = true
            }
        case .swift:
            break
        }
        return facts
    }

    /// Rails specs that hit the test database: model, request, controller, system, feature, job, mailer and
    /// integration specs (by folder or `type:`); the caller has checked they load `rails_helper`/`test_helper` or
    /// use factories.
    private static func isRailsDatabaseSpec(path: String, seen: Set<String>) -> Bool {
        let folders: Set<String> = [
            "models", "requests", "controllers", "system", "features", "jobs", "mailers", "integration", "graphql",
            "services", "policies", "views", "helpers", "mailboxes",
        ]
        let components = path.split(separator: "/").map(String.init)
        let inFolder = components.dropLast().contains { folders.contains($0) }
        return inFolder || seen.contains("type")
    }
}
