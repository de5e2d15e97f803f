/// Finds evidence that tests exercise real dependencies: integration tests, Testcontainers, compose services,
/// real connection strings and recorded HTTP fixtures.
package enum RealDependencyDetector {
    /// URL schemes of real database connection strings.
    static let connectionSchemes = [
        "postgres://", "postgresql://", "mysql://", "mariadb://", "mongodb://", "mongodb+srv://", "redis://",
        "rediss://", "jdbc:postgresql:", "jdbc:mysql:", "jdbc:mariadb:", "jdbc:sqlserver:", "sqlserver://",
    ]

    /// Directory names that hold recorded HTTP interactions.
    static let recordingDirectories: Set<String> = [
        "cassettes", "vcr_cassettes", "__cassettes__", "__recordings__", "recordings", "vcr",
    ]

    /// A real service kind: its boundary, the dependency it is, and the client names (lowercase) that talk to it.
    struct Family {
        /// The service's boundary.
        let boundary: Boundary
        /// The dependency name (`postgres`, `rabbitmq`).
        let dependency: String
        /// Names that identify the service or its clients.
        let aliases: [String]
    }

    /// Real services recognised in container images, compose services and connection strings. Mock servers
    /// (WireMock, MockServer, httpbin) are deliberately absent: they stand in for a dependency, they are not one.
    static let families: [String: Family] = [
        "postgres": Family(
            boundary: .database, dependency: "postgres",
            aliases: ["postgres", "postgresql", "pg", "psycopg2", "psycopg", "asyncpg", "pgx", "pgxpool", "pq"]
        ),
        "postgis": Family(boundary: .database, dependency: "postgres", aliases: ["postgres", "postgis"]),
        "mysql": Family(boundary: .database, dependency: "mysql", aliases: ["mysql", "mysql2", "pymysql", "mariadb"]),
        "mariadb": Family(boundary: .database, dependency: "mysql", aliases: ["mysql", "mysql2", "pymysql", "mariadb"]),
        "mongo": Family(boundary: .database, dependency: "mongodb", aliases: ["mongo", "mongodb", "mongoose", "pymongo", "motor"]),
        "redis": Family(boundary: .database, dependency: "redis", aliases: ["redis", "ioredis"]),
        "valkey": Family(boundary: .database, dependency: "redis", aliases: ["redis", "valkey"]),
        "cassandra": Family(boundary: .database, dependency: "cassandra", aliases: ["cassandra"]),
        "elasticsearch": Family(boundary: .database, dependency: "elasticsearch", aliases: ["elasticsearch"]),
        "opensearch": Family(boundary: .database, dependency: "elasticsearch", aliases: ["opensearch"]),
        "sqlserver": Family(boundary: .database, dependency: "sqlserver", aliases: ["sqlserver", "mssql"]),
        "mssql": Family(boundary: .database, dependency: "sqlserver", aliases: ["sqlserver", "mssql"]),
        "oracle": Family(boundary: .database, dependency: "oracle", aliases: ["oracle"]),
        "neo4j": Family(boundary: .database, dependency: "neo4j", aliases: ["neo4j"]),
        "localstack": Family(boundary: .api, dependency: "aws", aliases: ["localstack", "boto3", "botocore", "aws-sdk"]),
        "minio": Family(boundary: .api, dependency: "s3", aliases: ["minio", "s3"]),
        "rabbitmq": Family(boundary: .api, dependency: "rabbitmq", aliases: ["rabbitmq", "amqp", "amqplib", "pika"]),
        "kafka": Family(boundary: .api, dependency: "kafka", aliases: ["kafka", "kafkajs", "redpanda"]),
        "redpanda": Family(boundary: .api, dependency: "kafka", aliases: ["kafka", "redpanda"]),
        "nats": Family(boundary: .api, dependency: "nats", aliases: ["nats"]),
        "mailhog": Family(boundary: .api, dependency: "smtp", aliases: ["mailhog", "smtp"]),
        "mailpit": Family(boundary: .api, dependency: "smtp", aliases: ["mailpit", "smtp"]),
        "mailcatcher": Family(boundary: .api, dependency: "smtp", aliases: ["mailcatcher", "smtp"]),
        "smtp4dev": Family(boundary: .api, dependency: "smtp", aliases: ["smtp4dev", "smtp"]),
        "greenmail": Family(boundary: .api, dependency: "smtp", aliases: ["greenmail", "smtp"]),
    ]

    private static let recordingMarkers: Set<String> = [
        "use_cassette", "vcr", "setuppolly", "polly", "betamax", "go-vcr", "cassette", "cassettes",
    ]

    /// Evidence from one test file, or nil when it shows no real dependency.
    /// - Parameters:
    ///   - path: The file's relative path.
    ///   - source: The masked file.
    ///   - imports: The file's imports.
    ///   - unit: The file's project unit.
    ///   - railsUnit: Whether the unit is a Rails application (its specs then run on the test database).
    ///   - run: Whether the file has a test that runs.
    static func evidence(
        forTestFile path: String,
        source: SourceText,
        imports: ImportTable,
        unit: String,
        railsUnit: Bool,
        run: TestRunDetector.Verdict
    ) -> RealDependencyEvidence? {
        var kinds: [RealDependencyEvidence.Kind] = []
        var boundaries: [Boundary] = []
        var dependencies: [String] = []
        var rules: [String] = []

        let isIntegration = TestFileClassifier.isIntegrationTestPath(path) || hasIntegrationTag(source)
        let mayUseContainers = contains(source.bytes, "estcontainers")
        let mayReplayRecordings = recordingHints.contains { contains(source.masked, $0) }
        let connectionStrings = connectionStringSchemes(in: source)
        var facts = facts(path: path, source: source, imports: imports, railsUnit: railsUnit && source.language == .ruby && (contains(source.bytes, "rails_helper") || contains(source.bytes, "test_helper") || contains(source.masked, "FactoryBot")))
        if isIntegration { facts.usesCompose = true }
        guard isIntegration || mayUseContainers || mayReplayRecordings || !connectionStrings.isEmpty
            || !facts.dependencies.isEmpty || facts.usesCompose
        else {
            return nil
        }
        let tokens = isIntegration || mayUseContainers || mayReplayRecordings ? tokens(of: source) : []

        if isIntegration {
            kinds.append(.integrationTest)
            rules.append("integration test (folder, name or build tag)")
        }
        if mayUseContainers, tokens.contains("testcontainers") || tokens.contains("testcontainers-go") {
            kinds.append(.testcontainers)
            rules.append("starts containers with Testcontainers")
            for token in tokens where token.contains("container") || token.contains(":") {
                for (name, family) in families where token.contains(name) {
                    boundaries.append(family.boundary)
                    dependencies.append(family.dependency)
                }
            }
        }
        for scheme in connectionStrings {
            kinds.append(.connectionString)
            for (name, family) in families where scheme.contains(name) {
                boundaries.append(family.boundary)
                dependencies.append(family.dependency)
            }
            rules.append("connects with a \(scheme) connection string")
        }
        if mayReplayRecordings, !tokens.isDisjoint(with: recordingMarkers) || contains(source.masked, "nock.back") {
            kinds.append(.recordedFixture)
        }
        for fact in facts.dependencies {
            kinds.append(fact.kind)
            dependencies.append(fact.name)
            rules.append(fact.rule)
            if let boundary = DependencyCatalog.modules.values.first(where: { $0.name == fact.name })?.boundary {
                boundaries.append(boundary)
            } else {
                boundaries.append(.database)
            }
        }
        if isIntegration {
            // Services an integration test names (`redis:7`, `rabbitmq`), and external hosts it calls for real.
            for token in tokens {
                if let family = families[token] {
                    boundaries.append(family.boundary)
                    dependencies.append(family.dependency)
                }
            }
            for module in imports.all {
                if let dependency = DependencyCatalog.modules[module.lowercased()], dependency.name != "http",
                    dependency.boundary != .filesystem
                {
                    boundaries.append(dependency.boundary)
                    dependencies.append(dependency.name)
                }
            }
            for range in source.strings where range.count > 10 && range.count < 256 {
                let text = String(decoding: source.bytes[range], as: UTF8.self)
                guard text.hasPrefix("https://") || text.hasPrefix("http://"),
                    let host = TargetClassifier.host(ofURL: text.lowercased()), !isLoopback(host)
                else { continue }
                boundaries.append(.api)
                dependencies.append("http " + host)
            }
        }
        guard !kinds.isEmpty else { return nil }
        var evidence = RealDependencyEvidence(
            source: path,
            file: path,
            kinds: kinds,
            boundaries: boundaries,
            targets: Array(Set(dependencies)).sorted(),
            tokens: tokens
        )
        evidence.unit = unit
        evidence.dependencies = Array(Set(dependencies)).sorted()
        evidence.running = run.runs
        evidence.note = run.runs ? nil : "no test runs (\(run.marker ?? "every test skipped"))"
        evidence.rule = rules.isEmpty ? "recorded HTTP fixtures (replayed, not real)" : rules.joined(separator: "; ")
        evidence.usesCompose = facts.usesCompose
        return evidence
    }

    /// `localhost`, `127.0.0.1`, `0.0.0.0`, `::1` and `*.localhost`, `example.com`-style placeholders.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "0.0.0.0" || host == "[::1]" || host.hasSuffix(".localhost")
            || host.hasSuffix(".test") || host.hasSuffix(".example") || host.hasSuffix("example.com")
            || host.hasSuffix(".local") || host.hasSuffix(".invalid")
    }

    /// Evidence for every dependency service in a docker-compose file.
    static func composeEvidence(file: String, bytes: [UInt8]) -> [RealDependencyEvidence] {
        var result: [RealDependencyEvidence] = []
        var inServices = false
        var serviceIndent: Int?
        var current: (name: String, line: Int, image: String)?

        func flush() {
            guard let service = current else { return }
            current = nil
            var tokens = Set(TargetClassifier.components(of: service.name.lowercased()))
            tokens.insert(service.name.lowercased())
            for part in TargetClassifier.components(of: service.image.lowercased()) { tokens.insert(part) }
            var boundaries: [Boundary] = []
            var aliases: [String] = []
            var dependencies: [String] = []
            for token in tokens {
                for (name, family) in families where token.hasPrefix(name) {
                    boundaries.append(family.boundary)
                    aliases += family.aliases
                    dependencies.append(family.dependency)
                }
            }
            guard !boundaries.isEmpty else { return }
            var evidence = RealDependencyEvidence(
                source: "\(file)#\(service.name)",
                file: file,
                line: service.line,
                kinds: [.composeService],
                boundaries: boundaries,
                targets: Array(Set(dependencies)).sorted(),
                tokens: tokens.union(aliases)
            )
            evidence.dependencies = Array(Set(dependencies)).sorted()
            evidence.supporting = true
            evidence.running = false
            evidence.rule = "compose service"
            result.append(evidence)
        }

        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (number, rawLine) in lines.enumerated() {
            let line = String(decoding: rawLine, as: UTF8.self)
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent).trimmingSpaces()
            if content.isEmpty || content.hasPrefix("#") { continue }
            if indent == 0 {
                flush()
                inServices = content == "services:"
                serviceIndent = nil
                continue
            }
            guard inServices else { continue }
            if serviceIndent == nil { serviceIndent = indent }
            if indent == serviceIndent, content.hasSuffix(":") {
                flush()
                current = (String(content.dropLast()).trimmingQuotes(), number + 1, "")
            } else if indent > (serviceIndent ?? 0), content.hasPrefix("image:"), current != nil {
                current?.image = String(content.dropFirst(6)).trimmingSpaces().trimmingQuotes()
            }
        }
        flush()
        return result
    }

    /// Evidence for a directory of recorded HTTP fixtures; `names` are the files recorded in it.
    static func recordingEvidence(directory: String, names: [String]) -> RealDependencyEvidence {
        var tokens = Set<String>()
        for name in names {
            let stem = name.prefix { $0 != "." }.lowercased()
            tokens.insert(stem)
            for word in TargetClassifier.camelWords(String(stem)) { tokens.insert(word) }
        }
        return RealDependencyEvidence(
            source: directory + "/",
            file: directory + "/",
            kinds: [.recordedFixture],
            boundaries: [.api],
            targets: [],
            tokens: tokens
        )
    }

    /// Whether a file name is a docker-compose file.
    static func isComposeFile(_ name: String) -> Bool {
        (name.hasPrefix("docker-compose") || name.hasPrefix("compose"))
            && (name.hasSuffix(".yml") || name.hasSuffix(".yaml"))
    }

    /// Lowercase identifiers in code plus the components, host and whole text of space-free string literals.
    static func tokens(of source: SourceText) -> Set<String> {
        var tokens = Set<String>()
        let masked = source.masked
        var index = 0
        while index < masked.count {
            guard masked[index].isIdentifierByte else {
                index += 1
                continue
            }
            let range = source.identifier(at: index)
            if range.count > 1 { tokens.insert(String(decoding: masked[range], as: UTF8.self).lowercased()) }
            index = range.upperBound
        }
        for range in source.strings where range.count < 256 && !range.isEmpty {
            let slice = source.bytes[range]
            guard !slice.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) else { continue }
            let text = String(decoding: slice, as: UTF8.self).lowercased()
            tokens.insert(text)
            for part in TargetClassifier.components(of: text) { tokens.insert(part) }
            if let host = TargetClassifier.host(ofURL: text) { tokens.insert(host) }
        }
        return tokens
    }

    /// Byte patterns that may announce recorded fixtures (confirmed against the file's tokens).
    private static let recordingHints = ["cassette", "vcr", "VCR", "olly", "etamax", "nock.back"]

    /// The connection-string schemes used by the file's string literals.
    private static func connectionStringSchemes(in source: SourceText) -> [String] {
        var schemes: [String] = []
        for range in source.strings where range.count > 8 && range.count < 512 {
            let first = source.bytes[range.lowerBound] | 0x20
            // Every scheme starts with one of these letters; skip the decoding otherwise.
            guard
                first == UInt8(ascii: "p") || first == UInt8(ascii: "m") || first == UInt8(ascii: "r")
                    || first == UInt8(ascii: "j") || first == UInt8(ascii: "s")
            else { continue }
            let text = String(decoding: source.bytes[range.prefix(24)], as: UTF8.self).lowercased()
            if let scheme = connectionSchemes.first(where: { text.hasPrefix($0) }) { schemes.append(scheme) }
        }
        return schemes
    }

    private static func hasIntegrationTag(_ source: SourceText) -> Bool {
        let head = String(decoding: source.bytes.prefix(2048), as: UTF8.self)
        if source.language == .go {
            return head.contains("//go:build integration") || head.contains("// +build integration")
        }
        return contains(source.masked, "pytest.mark.integration")
            || (source.language == .java || source.language == .kotlin)
                && contains(source.bytes, "@Tag(\"integration\")")
    }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
