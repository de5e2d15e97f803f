/// Maps a mocked target (module, URL, type, `object.member`) to a boundary and a matching key.
package enum TargetClassifier {
    /// Known module, package and type names (lowercase) and their boundary.
    static let modules: [String: Boundary] = {
        var table: [String: Boundary] = [:]
        let database = [
            "pg", "pg-promise", "postgres", "postgresql", "mysql", "mysql2", "mariadb", "mongoose", "mongodb", "mongo",
            "prisma", "@prisma/client", "redis", "ioredis", "sequelize", "typeorm", "knex", "sqlite", "sqlite3",
            "better-sqlite3", "drizzle-orm", "dynamodb", "sqlalchemy", "psycopg2", "psycopg", "asyncpg", "pymongo",
            "motor", "pymysql", "peewee", "django.db", "database/sql", "gorm", "sqlx", "pgx", "pgxpool", "pq",
            "jdbctemplate", "jdbc", "datasource", "entitymanager", "jparepository", "crudrepository",
            "activerecord", "activerecord::base", "sequel", "db", "database", "repository", "repo", "dao",
            "coredata", "nsmanagedobjectcontext", "grdb", "cassandra", "elasticsearch", "sql",
        ]
        let api = [
            "axios", "node-fetch", "cross-fetch", "isomorphic-fetch", "fetch", "got", "superagent", "undici", "ky",
            "http", "https", "node:http", "node:https", "requests", "httpx", "urllib", "urllib3", "urllib.request",
            "aiohttp", "http.client", "httplib2", "net/http", "resttemplate", "webclient", "okhttp", "okhttpclient",
            "retrofit", "feign", "httpclient", "urlsession", "alamofire", "net::http", "faraday", "httparty",
            "rest-client", "restclient", "typhoeus", "grpc", "@grpc/grpc-js", "grpcio", "nock", "msw", "wiremock",
            "webmock", "apiclient", "api", "graphql", "@apollo/client", "boto3", "botocore", "@aws-sdk",
            "stripe", "twilio", "sendgrid", "websocket", "ws", "socket.io-client", "urlprotocol",
        ]
        let filesystem = [
            "fs", "fs/promises", "node:fs", "node:fs/promises", "fs-extra", "graceful-fs", "os.path", "open",
            "builtins.open", "__builtin__.open", "io.open", "pathlib", "pathlib.path", "shutil", "tempfile", "glob",
            "os", "io/ioutil", "ioutil", "io/fs", "afero", "filemanager", "file", "files", "fileutils",
            "filereader", "filewriter", "fileinputstream", "fileoutputstream", "dir", "fileutils", "filesystem",
            "nio.file", "java.nio.file", "readfilesync", "writefilesync", "readfile", "writefile", "read_text",
            "write_text", "read_bytes", "write_bytes", "listdir", "makedirs", "readdirsync", "existssync",
            "mkdirsync", "unlinksync", "createreadstream", "createwritestream",
        ]
        for name in database { table[name] = .database }
        for name in api { table[name] = .api }
        for name in filesystem { table[name] = .filesystem }
        return table
    }()

    /// Targets that look like a known module but are not a boundary (`os.environ`, `process.env`, …).
    static let neutral: Set<String> = [
        "os.environ", "os.getenv", "process.env", "os.getcwd", "sys.argv", "datetime", "time", "uuid", "random",
        "date", "math.random", "console", "logger", "logging",
    ]

    /// Module-table names too generic to prove, on their own, that a test talks to a real dependency.
    static let generic: Set<String> = [
        "api", "db", "database", "repository", "repo", "dao", "sql", "http", "https", "fetch", "file", "files", "os",
        "open", "dir", "filesystem", "datasource", "glob", "shutil", "tempfile", "ws",
    ]

    /// Camel-case or snake-case words that point at a boundary when no module name matches.
    static let words: [(word: String, boundary: Boundary)] = [
        ("file", .filesystem), ("files", .filesystem), ("fs", .filesystem), ("filesystem", .filesystem),
        ("disk", .filesystem), ("directory", .filesystem), ("storage", .filesystem), ("blob", .filesystem),
        ("repository", .database), ("repo", .database), ("dao", .database), ("db", .database),
        ("database", .database), ("sql", .database), ("store", .database), ("query", .database),
        ("redis", .database), ("mongo", .database), ("cache", .database), ("persistence", .database),
        ("client", .api), ("http", .api), ("api", .api), ("gateway", .api), ("url", .api), ("rest", .api),
        ("grpc", .api), ("webhook", .api), ("network", .api), ("fetch", .api), ("fetcher", .api),
        ("request", .api), ("endpoint", .api), ("remote", .api), ("session", .api),
    ]

    /// The boundary of `target` and the lowercase component that decided it (the whole target when none did).
    package static func classify(_ target: String) -> (boundary: Boundary, key: String) {
        let lower = target.lowercased()
        if neutral.contains(lower) { return (.other, lower) }
        if let boundary = modules[lower] { return (boundary, lower) }
        if let scheme = urlBoundary(lower) { return (scheme, host(ofURL: lower) ?? lower) }
        let parts = components(of: lower)
        if parts.count > 1 {
            for length in stride(from: parts.count - 1, through: 2, by: -1) {
                for start in 0...(parts.count - length) {
                    let joined = parts[start..<(start + length)].joined(separator: ".")
                    if neutral.contains(joined) { return (.other, joined) }
                    if let boundary = modules[joined] { return (boundary, joined) }
                }
            }
        }
        for part in parts {
            if neutral.contains(part) { return (.other, part) }
            if let boundary = modules[part] { return (boundary, part) }
        }
        for part in components(of: target) {
            let partWords = camelWords(part)
            for (word, boundary) in words where partWords.contains(word) {
                return (boundary, part.lowercased())
            }
        }
        return (.other, parts.last ?? lower)
    }

    /// Splits on `.`, `/`, `:`, `#`, `\` and `@` (keeping `-` and `_` inside names); empty parts dropped.
    static func components(of text: String) -> [String] {
        text.split { $0 == "." || $0 == "/" || $0 == ":" || $0 == "#" || $0 == "@" || $0 == "\\" }
            .map(String.init)
    }

    /// Lowercase words of a camelCase, PascalCase, snake_case or kebab-case name (`HTTPClient` ⇒ http, client).
    static func camelWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            if character == "_" || character == "-" || !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                continue
            }
            if character.isUppercase, !current.isEmpty {
                let previousIsLower = characters[index - 1].isLowercase || characters[index - 1].isNumber
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previousIsLower || (characters[index - 1].isUppercase && nextIsLower) {
                    words.append(current.lowercased())
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// The host of `scheme://host[:port]/…`, or nil when `text` is not such a URL.
    static func host(ofURL text: String) -> String? {
        let characters = Array(text)
        guard
            let separator = (0..<max(0, characters.count - 2)).first(where: {
                characters[$0] == ":" && characters[$0 + 1] == "/" && characters[$0 + 2] == "/"
            })
        else { return nil }
        var rest = Substring(String(characters[(separator + 3)...]))
        if let at = rest.firstIndex(of: "@"), rest[..<at].firstIndex(of: "/") == nil {
            rest = rest[rest.index(after: at)...]
        }
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : host.lowercased()
    }

    private static func urlBoundary(_ lower: String) -> Boundary? {
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ws://")
            || lower.hasPrefix("wss://") || lower.hasPrefix("grpc://")
        {
            return .api
        }
        if lower.hasPrefix("file://") { return .filesystem }
        if RealDependencyDetector.connectionSchemes.contains(where: { lower.hasPrefix($0) }) { return .database }
        return nil
    }
}
