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

    /// A real service kind: its boundary and the client names (lowercase) that talk to it.
    struct Family {
        /// The service's boundary.
        let boundary: Boundary
        /// Names that identify the service or its clients.
        let aliases: [String]
    }

    /// Services recognised in container images, compose services and connection strings.
    static let families: [String: Family] = [
        "postgres": Family(
            boundary: .database,
            aliases: ["postgres", "postgresql", "pg", "psycopg2", "psycopg", "asyncpg", "pgx", "pgxpool", "pq"]
        ),
        "mysql": Family(boundary: .database, aliases: ["mysql", "mysql2", "pymysql", "mariadb"]),
        "mariadb": Family(boundary: .database, aliases: ["mysql", "mysql2", "pymysql", "mariadb"]),
        "mongo": Family(boundary: .database, aliases: ["mongo", "mongodb", "mongoose", "pymongo", "motor"]),
        "redis": Family(boundary: .database, aliases: ["redis", "ioredis"]),
        "cassandra": Family(boundary: .database, aliases: ["cassandra"]),
        "elasticsearch": Family(boundary: .database, aliases: ["elasticsearch"]),
        "sqlserver": Family(boundary: .database, aliases: ["sqlserver", "mssql"]),
        "localstack": Family(boundary: .api, aliases: ["localstack", "boto3", "botocore", "aws-sdk"]),
        "wiremock": Family(boundary: .api, aliases: ["wiremock"]),
        "mockserver": Family(boundary: .api, aliases: ["mockserver"]),
        "httpbin": Family(boundary: .api, aliases: ["httpbin"]),
        "minio": Family(boundary: .filesystem, aliases: ["minio", "s3"]),
    ]

    private static let recordingMarkers: Set<String> = [
        "use_cassette", "vcr", "setuppolly", "polly", "betamax", "go-vcr", "cassette", "cassettes",
    ]

    /// Evidence from one test file, or nil when it shows no real dependency.
    /// - Parameters:
    ///   - path: The file's relative path.
    ///   - source: The masked file.
    ///   - mockedBoundaries: Boundaries the file itself mocks (its connection strings then configure a mock).
    static func evidence(
        forTestFile path: String,
        source: SourceText,
        mockedBoundaries: Set<Boundary>
    ) -> RealDependencyEvidence? {
        var kinds: [RealDependencyEvidence.Kind] = []
        var boundaries: [Boundary] = []
        var aliases: [String] = []
        var familyNames: [String] = []

        let isIntegration = TestFileClassifier.isIntegrationTestPath(path) || hasIntegrationTag(source)
        let mayUseContainers = contains(source.bytes, "estcontainers")
        let mayReplayRecordings = recordingHints.contains { contains(source.masked, $0) }
        let connectionStrings = mockedBoundaries.contains(.database) ? [] : connectionStringSchemes(in: source)
        // Most test files show none of these; tokenising them all would dominate the scan.
        guard isIntegration || mayUseContainers || mayReplayRecordings || !connectionStrings.isEmpty else {
            return nil
        }
        let tokens = tokens(of: source)

        if isIntegration { kinds.append(.integrationTest) }
        if mayUseContainers, tokens.contains("testcontainers") || tokens.contains("testcontainers-go") {
            kinds.append(.testcontainers)
            for token in tokens where token.contains("container") || token.contains(":") {
                for (name, family) in families where token.contains(name) {
                    boundaries.append(family.boundary)
                    aliases += family.aliases
                    familyNames.append(name)
                }
            }
        }
        for scheme in connectionStrings {
            kinds.append(.connectionString)
            boundaries.append(.database)
            for (name, family) in families where scheme.contains(name) {
                aliases += family.aliases
                familyNames.append(name)
            }
        }
        if mayReplayRecordings, !tokens.isDisjoint(with: recordingMarkers) || contains(source.masked, "nock.back") {
            kinds.append(.recordedFixture)
            boundaries.append(.api)
        }
        guard !kinds.isEmpty else { return nil }
        if kinds.contains(.integrationTest) || kinds.contains(.testcontainers) {
            for token in tokens {
                if let family = families[token] {
                    boundaries.append(family.boundary)
                    aliases += family.aliases
                    familyNames.append(token)
                }
            }
        }
        let targets = tokens.filter {
            TargetClassifier.modules[$0] != nil && !TargetClassifier.neutral.contains($0)
                && !TargetClassifier.generic.contains($0)
        }
        if kinds.contains(.integrationTest) || kinds.contains(.testcontainers) {
            boundaries += targets.compactMap { TargetClassifier.modules[$0] }
        }
        return RealDependencyEvidence(
            source: path,
            file: path,
            kinds: kinds,
            boundaries: boundaries,
            targets: Array(targets) + familyNames,
            tokens: tokens.union(aliases)
        )
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
            var familyNames: [String] = []
            for token in tokens {
                for (name, family) in families where token.hasPrefix(name) {
                    boundaries.append(family.boundary)
                    aliases += family.aliases
                    familyNames.append(name)
                }
            }
            guard !boundaries.isEmpty else { return }
            result.append(
                RealDependencyEvidence(
                    source: "\(file)#\(service.name)",
                    file: file,
                    line: service.line,
                    kinds: [.composeService],
                    boundaries: boundaries,
                    targets: familyNames,
                    tokens: tokens.union(aliases)
                )
            )
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
