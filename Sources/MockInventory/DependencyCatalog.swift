/// What real dependency a module, package, type or service name stands for, and which mocked names are not
/// integration mocks at all (configuration, loggers, clocks, environment, process control).
enum DependencyCatalog {
    /// A dependency: its boundary and canonical name (`postgres`, `sql`, `redis`, `http`, `http api.github.com`).
    struct Dependency: Equatable, Hashable {
        var boundary: Boundary
        var name: String
    }

    /// SQL engines; `sql` is "some SQL database" and matches any of them.
    static let sqlEngines: Set<String> = ["postgres", "mysql", "sqlite", "sqlserver", "oracle", "h2", "sql"]

    /// Lowercase module or type name ⇒ dependency.
    static let modules: [String: Dependency] = {
        var table: [String: Dependency] = [:]
        func add(_ names: [String], _ boundary: Boundary, _ dependency: String) {
            for name in names { table[name] = Dependency(boundary: boundary, name: dependency) }
        }
        add(
            ["pg", "pg-promise", "postgres", "postgresql", "psycopg2", "psycopg", "asyncpg", "pgx", "pgxpool", "pq",
             "lib/pq", "pgconn", "@neondatabase/serverless", "npgsql"], .database, "postgres")
        add(["mysql", "mysql2", "pymysql", "mysqldb", "mariadb", "go-sql-driver/mysql", "mysql2/promise"], .database, "mysql")
        add(["sqlite", "sqlite3", "better-sqlite3", "aiosqlite", "go-sqlite3", "grdb"], .database, "sqlite")
        add(
            ["sequelize", "typeorm", "knex", "prisma", "@prisma/client", "drizzle-orm", "sqlalchemy", "sqlmodel",
             "peewee", "django.db", "database/sql", "gorm", "sqlx", "jdbctemplate", "jdbc", "datasource",
             "entitymanager", "jparepository", "crudrepository", "pagingandsortingrepository", "activerecord",
             "activerecord::base", "applicationrecord", "sequel", "sql", "mybatis", "sqlsession", "namedparameterjdbctemplate",
             "kysely", "objection", "mikro-orm", "@mikro-orm/core", "tortoise", "pony", "exposed", "jooq", "dslcontext",
             "r2dbc", "databaseclient", "sqlalchemy.orm", "sqlmock", "coredata", "nsmanagedobjectcontext"], .database, "sql")
        add(["mongoose", "mongodb", "mongo", "pymongo", "motor", "mongoengine", "mongotemplate", "mongorepository"], .database, "mongodb")
        add(["redis", "ioredis", "go-redis", "redis-py", "aioredis", "redistemplate", "jedis", "lettuce", "redis.client"], .database, "redis")
        add(["dynamodb", "@aws-sdk/client-dynamodb", "@aws-sdk/lib-dynamodb", "dynamoose"], .database, "dynamodb")
        add(["elasticsearch", "@elastic/elasticsearch", "opensearch"], .database, "elasticsearch")
        add(["cassandra", "cassandra-driver"], .database, "cassandra")
        add(["firestore", "cloud.google.com/go/firestore", "@google-cloud/firestore", "google.cloud.firestore"], .database, "firestore")
        add(["memcached", "memcache", "pymemcache"], .database, "memcached")
        add(["amqplib", "amqp", "amqp-connection-manager", "pika", "aio-pika", "bunny", "rabbitmq", "amqp091-go",
             "streadway/amqp", "rabbittemplate", "kombu", "celery"], .api, "rabbitmq")
        add(["kafkajs", "kafka", "confluent_kafka", "kafka-python", "sarama", "kafkatemplate", "segmentio/kafka-go",
             "kafka-go"], .api, "kafka")
        add(["nats", "nats.go", "nats.ws"], .api, "nats")
        add(["nodemailer", "smtplib", "emails", "actionmailer", "javamailsender", "mailer", "smtp", "net/smtp",
             "aiosmtplib", "mail"], .api, "smtp")
        add(["@aws-sdk/client-s3", "s3", "s3client", "minio", "amazons3"], .api, "s3")
        add(["@aws-sdk/client-sqs", "sqs", "sqsclient"], .api, "sqs")
        add(["boto3", "botocore", "@aws-sdk", "aws-sdk", "aioboto3"], .api, "aws")
        add(
            ["axios", "node-fetch", "cross-fetch", "isomorphic-fetch", "fetch", "got", "superagent", "undici", "ky",
             "http", "https", "node:http", "node:https", "requests", "httpx", "urllib", "urllib3", "urllib.request",
             "aiohttp", "http.client", "httplib2", "net/http", "resttemplate", "webclient", "restclient", "okhttp",
             "okhttpclient", "okhttp3", "retrofit", "feign", "httpclient", "urlsession", "alamofire", "net::http",
             "faraday", "httparty", "rest-client", "typhoeus", "excon", "httpx.asyncclient", "requests.session",
             "ktor-client", "httpclientmodule", "apollo", "@apollo/client", "graphql-request", "urlprotocol",
             "http.client", "xmlhttprequest", "global.fetch", "window.fetch", "globalthis.fetch", "websocket", "ws",
             "socket.io-client", "octokit", "@octokit/rest", "@octokit/core", "stripe", "twilio", "@sendgrid/mail",
             "sendgrid", "openai", "anthropic", "slack_sdk", "@slack/web-api", "google-cloud", "firebase-admin",
             "pact provider", "api"], .api, "http")
        add(["grpc", "@grpc/grpc-js", "grpcio", "google.golang.org/grpc"], .api, "grpc")
        add(
            ["fs", "fs/promises", "node:fs", "node:fs/promises", "fs-extra", "graceful-fs", "os.path", "open",
             "builtins.open", "__builtin__.open", "io.open", "pathlib", "pathlib.path", "shutil", "tempfile", "glob",
             "os", "io/ioutil", "ioutil", "io/fs", "afero", "filemanager", "file", "files", "fileutils", "filereader",
             "filewriter", "fileinputstream", "fileoutputstream", "dir", "filesystem", "nio.file", "java.nio.file",
             "readfilesync", "writefilesync", "readfile", "writefile", "read_text", "write_text", "read_bytes",
             "write_bytes", "listdir", "makedirs", "readdirsync", "existssync", "mkdirsync", "unlinksync",
             "createreadstream", "createwritestream", "os.remove", "os.unlink", "os.makedirs", "os.listdir",
             "fileutils", "pathname", "dir.glob", "filehandle", "memfs", "mock-fs"], .filesystem, "filesystem")
        return table
    }()

    /// Names that are configuration, logging, time, environment or process control: reported apart.
    static let incidental: [String: String] = {
        var table: [String: String] = [:]
        for name in ["os.environ", "os.getenv", "process.env", "env", "environ", "getenv", "dotenv", "system.getenv",
                     "environment"] { table[name] = "environment" }
        for name in ["settings", "config", "configuration", "conf", "app.config", "appconfig", "featureflags",
                     "feature_flags", "flags", "options", "properties", "environmentconfig"] { table[name] = "configuration" }
        for name in ["logger", "logging", "console", "log", "winston", "pino", "bunyan", "slog", "zap", "logrus",
                     "zerolog", "loglevel", "debug", "rails.logger", "log4j", "slf4j", "timber", "oslog", "sentry",
                     "metrics", "metricsexporter", "telemetry", "tracer", "statsd"] { table[name] = "logging" }
        for name in ["datetime", "time", "date", "clock", "timecop", "freezegun", "uuid", "uuid4", "random",
                     "math.random", "sleep", "timers", "settimeout", "setinterval", "performance", "now", "instant",
                     "localdate", "localdatetime", "zoneddatetime", "securerandom", "nanoid", "crypto.randomuuid"]
        { table[name] = "clock" }
        for name in ["process.exit", "sys.exit", "os.exit", "exit", "kernel", "process.kill", "sys.argv", "process.argv",
                     "process.on", "abort"] { table[name] = "process" }
        return table
    }()

    /// Generic words of type and variable names that point at a boundary when nothing better is known.
    static let words: [(word: String, dependency: Dependency)] = [
        ("file", .init(boundary: .filesystem, name: "filesystem")), ("files", .init(boundary: .filesystem, name: "filesystem")),
        ("fs", .init(boundary: .filesystem, name: "filesystem")), ("filesystem", .init(boundary: .filesystem, name: "filesystem")),
        ("disk", .init(boundary: .filesystem, name: "filesystem")), ("directory", .init(boundary: .filesystem, name: "filesystem")),
        ("bucket", .init(boundary: .api, name: "s3")), ("s3", .init(boundary: .api, name: "s3")),
        ("repository", .init(boundary: .database, name: "database")), ("repo", .init(boundary: .database, name: "database")),
        ("dao", .init(boundary: .database, name: "database")), ("db", .init(boundary: .database, name: "database")),
        ("database", .init(boundary: .database, name: "database")), ("sql", .init(boundary: .database, name: "sql")),
        ("mapper", .init(boundary: .database, name: "sql")), ("engine", .init(boundary: .database, name: "sql")),
        ("redis", .init(boundary: .database, name: "redis")), ("mongo", .init(boundary: .database, name: "mongodb")),
        ("cache", .init(boundary: .database, name: "database")), ("persistence", .init(boundary: .database, name: "database")),
        ("store", .init(boundary: .database, name: "database")),
        ("queue", .init(boundary: .api, name: "message queue")), ("mq", .init(boundary: .api, name: "message queue")),
        ("broker", .init(boundary: .api, name: "message queue")), ("publisher", .init(boundary: .api, name: "message queue")),
        ("kafka", .init(boundary: .api, name: "kafka")), ("rabbit", .init(boundary: .api, name: "rabbitmq")),
        ("mailer", .init(boundary: .api, name: "smtp")), ("mail", .init(boundary: .api, name: "smtp")),
        ("email", .init(boundary: .api, name: "smtp")), ("smtp", .init(boundary: .api, name: "smtp")),
        ("http", .init(boundary: .api, name: "http")), ("api", .init(boundary: .api, name: "http")),
        ("gateway", .init(boundary: .api, name: "http")), ("url", .init(boundary: .api, name: "http")),
        ("rest", .init(boundary: .api, name: "http")), ("grpc", .init(boundary: .api, name: "grpc")),
        ("webhook", .init(boundary: .api, name: "http")), ("network", .init(boundary: .api, name: "http")),
        ("fetcher", .init(boundary: .api, name: "http")), ("endpoint", .init(boundary: .api, name: "http")),
        ("remote", .init(boundary: .api, name: "http")), ("webapi", .init(boundary: .api, name: "http")),
        ("github", .init(boundary: .api, name: "http api.github.com")), ("stripe", .init(boundary: .api, name: "http")),
        ("client", .init(boundary: .api, name: "http")), ("session", .init(boundary: .api, name: "http")),
    ]

    /// The dependency of an imported module name: the whole name, its dotted or slashed prefixes (longest first),
    /// then its non-generic components (`django.db.models` ⇒ sql, `@aws-sdk/client-s3` ⇒ s3).
    static func lookup(module: String) -> Dependency? {
        let lower = module.lowercased()
        if let known = modules[lower] { return known }
        var prefix = lower
        while let cut = prefix.lastIndex(where: { $0 == "." || $0 == "/" }) {
            prefix = String(prefix[..<cut])
            if let known = modules[prefix], !TargetClassifier.generic.contains(prefix) { return known }
        }
        for part in TargetClassifier.components(of: lower) where !TargetClassifier.generic.contains(part) {
            if let known = modules[part] { return known }
        }
        return nil
    }

    /// Whether a real `evidence` dependency stands for the mocked `mock` dependency.
    /// Same name; or one side is the generic `sql` and the other a SQL engine; or the mock's side is the generic
    /// `database` (any database engine).
    static func isSame(mock: String, evidence: String) -> Bool {
        if mock == evidence { return true }
        if sqlEngines.contains(mock) && sqlEngines.contains(evidence) && (mock == "sql" || evidence == "sql") { return true }
        if mock == "database", modules.values.contains(where: { $0.name == evidence && $0.boundary == .database }) || evidence == "sql" {
            return true
        }
        if mock == "message queue", ["rabbitmq", "kafka", "nats", "sqs"].contains(evidence) { return true }
        return false
    }

    /// Whether `mock` may be matched by same-boundary evidence of another dependency (it names none).
    static func isGeneric(_ name: String) -> Bool {
        name == "database" || name == "http" || name == "filesystem"
    }
}
