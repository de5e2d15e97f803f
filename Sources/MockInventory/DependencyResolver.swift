/// Decides what a mocked target is, from what it *is*: the imported module or package, the type's declaration
/// in the repository (a class wrapping an HTTP client is api; a repository over a SQL driver is database), the
/// mocking framework; the project's own collaborators are `other`. Declarations are read once each, size-capped.
struct DependencyResolver {
    /// The outcome for one finding.
    struct Resolution {
        var boundary: Boundary
        var dependency: String
        var incidental: String?
        var basis: String
    }

    let root: String
    /// Every visited file, relative.
    let files: Set<String>
    /// Normalised stem (`storyimage`) ⇒ relative paths of source files with that stem.
    let stems: [String: [String]]
    private var cache: [String: DependencyCatalog.Dependency?] = [:]
    private var budget = 2_000

    init(root: String, files: Set<String>, stems: [String: [String]]) {
        self.root = root
        self.files = files
        self.stems = stems
    }

    static func normalisedStem(_ name: String) -> String {
        let stem = name.prefix { $0 != "." }
        return String(stem.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Resolves `finding` (file, target, framework, fixed boundary, origin).
    mutating func resolve(_ finding: MockFinding, fixed: Boundary?) -> Resolution {
        var target = finding.target
        if finding.framework == "hand-written fake" || finding.framework == "protocol fake" {
            // `FakeMessageQueueProvider` stands in for `MessageQueueProvider`; `repositoryMock` for `repository`.
            let words = TargetClassifier.camelWords(target).filter {
                !MockMatcher.doubleWords.contains($0) && $0 != "in" && $0 != "memory"
            }
            if !words.isEmpty, words.count < TargetClassifier.camelWords(target).count {
                target = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            }
        }
        let lower = target.lowercased()
        // 1. Mocking libraries that fix the boundary: the host for HTTP, the engine for SQL.
        if let fixed {
            switch fixed {
            case .api:
                if let host = TargetClassifier.host(ofURL: lower), !RealDependencyDetector.isLoopback(host) {
                    return Resolution(boundary: .api, dependency: "http " + host, basis: "HTTP mock of \(host) (\(finding.framework))")
                }
                if let claimHost = finding.claims.lazy.compactMap({ claim -> String? in
                    if case .http(let http) = claim { return http.host } else { return nil }
                }).first, !RealDependencyDetector.isLoopback(claimHost) {
                    return Resolution(boundary: .api, dependency: "http " + claimHost, basis: "HTTP mock of \(claimHost) (\(finding.framework))")
                }
                let known = DependencyCatalog.modules[lower]
                return Resolution(boundary: .api, dependency: known?.name ?? "http", basis: "HTTP mocking library (\(finding.framework))")
            case .database:
                let known = DependencyCatalog.modules[lower]
                return Resolution(boundary: .database, dependency: known?.name ?? "sql", basis: "database mocking library (\(finding.framework))")
            case .filesystem:
                return Resolution(boundary: .filesystem, dependency: "filesystem", basis: "file system fake (\(finding.framework))")
            case .other:
                break
            }
        }
        let parts = TargetClassifier.components(of: lower)
        // 2. Exact module or well-known name.
        if let known = DependencyCatalog.modules[lower] {
            return Resolution(boundary: known.boundary, dependency: known.name, basis: "known module `\(target)`")
        }
        // 3. Configuration, logging, clocks, environment, process control: not integration mocks.
        if let kind = DependencyCatalog.incidental[lower] ?? parts.lazy.compactMap({ DependencyCatalog.incidental[$0] }).first
            ?? TargetClassifier.camelWords(parts.first ?? "").last.flatMap({ DependencyCatalog.incidental[$0] })
        {
            return Resolution(boundary: .other, dependency: kind, incidental: kind, basis: "\(kind), not an integration boundary")
        }
        if let scheme = urlDependency(lower) { return scheme }
        // 4. A known module among the target's components (`app.weather.requests.get` ⇒ requests).
        if parts.count > 1 {
            for length in stride(from: parts.count - 1, through: 2, by: -1) {
                for start in 0...(parts.count - length) {
                    let joined = parts[start..<(start + length)].joined(separator: ".")
                    if let known = DependencyCatalog.modules[joined], !TargetClassifier.generic.contains(joined) {
                        return Resolution(boundary: known.boundary, dependency: known.name, basis: "known module `\(joined)`")
                    }
                }
            }
        }
        for part in parts where !TargetClassifier.generic.contains(part) {
            if let known = DependencyCatalog.modules[part] {
                return Resolution(boundary: known.boundary, dependency: known.name, basis: "known module `\(part)`")
            }
        }
        // 5. The module the target's first name is imported from.
        let head = headName(of: target)
        if let origin = finding.origin {
            if let found = classify(module: origin, from: finding.file) {
                return found.with(member: memberName(of: target))
            }
        }
        // 6. A module path written as the target (`./db`, `app.services.mailer.send`).
        if let found = classify(modulePath: target, from: finding.file) {
            return found.with(member: memberName(of: target))
        }
        // 7. The type's declaration in the repository, by file name.
        if let found = declaration(of: head, from: finding.file) {
            return found.with(member: memberName(of: target))
        }
        // 8. Words of the name, then the project's own collaborator.
        for part in TargetClassifier.components(of: target) {
            let words = TargetClassifier.camelWords(part)
            for (word, dependency) in DependencyCatalog.words where words.contains(word) {
                return Resolution(boundary: dependency.boundary, dependency: dependency.name, basis: "name `\(part)` (\(word))")
            }
        }
        return Resolution(boundary: .other, dependency: head, basis: "no external dependency found for `\(target)`")
    }

    private func urlDependency(_ lower: String) -> Resolution? {
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ws://") || lower.hasPrefix("wss://") {
            let host = TargetClassifier.host(ofURL: lower) ?? ""
            let dependency = host.isEmpty || RealDependencyDetector.isLoopback(host) ? "http" : "http " + host
            return Resolution(boundary: .api, dependency: dependency, basis: "URL")
        }
        for (name, family) in RealDependencyDetector.families where lower.hasPrefix(name + "://") || lower.hasPrefix("jdbc:" + name) {
            return Resolution(boundary: family.boundary, dependency: family.dependency, basis: "connection string")
        }
        return nil
    }

    /// `OrderRepository.prototype.addOrder` ⇒ `OrderRepository`; `mocks.UserRepo` ⇒ `UserRepo`.
    private func headName(of target: String) -> String {
        let parts = target.split(whereSeparator: { $0 == "." || $0 == "#" || $0 == ":" }).map(String.init)
        return parts.first { $0.first?.isUppercase ?? false } ?? parts.first ?? target
    }

    private func memberName(of target: String) -> String? {
        guard let separator = target.lastIndex(where: { $0 == "." || $0 == "#" }) else { return nil }
        return String(target[target.index(after: separator)...])
    }

    /// A module name as imported: a package (classified by the table) or a path inside the repository.
    private mutating func classify(module: String, from file: String) -> Resolution? {
        let lower = module.lowercased()
        if let known = DependencyCatalog.modules[lower] {
            return Resolution(boundary: known.boundary, dependency: known.name, basis: "imported from `\(module)`")
        }
        if let kind = DependencyCatalog.incidental[lower] ?? TargetClassifier.components(of: lower).lazy.compactMap({ DependencyCatalog.incidental[$0] }).first {
            return Resolution(boundary: .other, dependency: kind, incidental: kind, basis: "imported from `\(module)` (\(kind))")
        }
        for part in TargetClassifier.components(of: lower) where !TargetClassifier.generic.contains(part) {
            if let known = DependencyCatalog.modules[part] {
                return Resolution(boundary: known.boundary, dependency: known.name, basis: "imported from `\(module)`")
            }
        }
        return classify(modulePath: module, from: file)
    }

    /// A relative JS path, a Python dotted path or a JVM qualified name that names a file of the repository.
    private mutating func classify(modulePath: String, from file: String) -> Resolution? {
        for path in candidatePaths(for: modulePath, from: file) where files.contains(path) {
            if let dependency = declarationDependency(path: path, symbol: symbol(in: modulePath, path: path)) {
                return dependency
            }
            return Resolution(boundary: .other, dependency: modulePath, basis: "the project's own module `\(path)`")
        }
        return nil
    }

    /// The first name after the module part of a dotted path (`app.pre_start.Session` in `app/pre_start.py` ⇒
    /// `Session`), nil for a whole module.
    private func symbol(in dotted: String, path: String) -> String? {
        guard !dotted.hasPrefix("."), path.hasSuffix(".py") || path.hasSuffix(".java") || path.hasSuffix(".kt") else { return nil }
        let moduleParts = path.split(separator: "/").last.map { $0.prefix { $0 != "." } } ?? ""
        let parts = dotted.split(separator: ".").map(String.init)
        guard let index = parts.lastIndex(where: { $0 == moduleParts }), index + 1 < parts.count else { return nil }
        return parts[index + 1]
    }

    private func candidatePaths(for module: String, from file: String) -> [String] {
        var result: [String] = []
        let directory = file.split(separator: "/").dropLast().joined(separator: "/")
        if module.hasPrefix("./") || module.hasPrefix("../") {
            let joined = normalise(directory.isEmpty ? module : directory + "/" + module)
            for suffix in ["", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", "/index.ts", "/index.js"] { result.append(joined + suffix) }
            return result
        }
        // Python dotted path: the longest prefix that is a module file.
        let parts = module.split(separator: ".").map(String.init)
        if parts.count > 1 {
            for length in stride(from: parts.count, through: 1, by: -1) {
                let base = parts[0..<length].joined(separator: "/")
                for prefix in ["", "src/", "backend/", "app/"] {
                    result.append(prefix + base + ".py")
                    result.append(prefix + base + "/__init__.py")
                }
                // JVM: com.x.Foo ⇒ …/com/x/Foo.java
                if let stemPaths = stems[Self.normalisedStem(parts[length - 1])] {
                    for path in stemPaths where path.hasSuffix(base + ".java") || path.hasSuffix(base + ".kt") || path.hasSuffix(base + ".py") {
                        result.append(path)
                    }
                }
            }
        }
        return result
    }

    private func normalise(_ path: String) -> String {
        var stack: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !stack.isEmpty { stack.removeLast() }; continue }
            stack.append(part)
        }
        return stack.joined(separator: "/")
    }

    /// The declaration of `name` found by file name (`OwnerRepository.java`, `story_image.rb`, `order-repository.ts`).
    private mutating func declaration(of name: String, from file: String) -> Resolution? {
        let stem = Self.normalisedStem(name)
        guard stem.count > 2, let paths = stems[stem] else { return nil }
        let language = SourceLanguage(fileName: file)
        let sameLanguage = paths.filter { SourceLanguage(fileName: $0) == language }
        let candidates = (sameLanguage.isEmpty ? paths : sameLanguage).filter { path in
            guard let fileLanguage = SourceLanguage(fileName: path) else { return false }
            return !TestFileClassifier.isTestFile(path, language: fileLanguage)
        }
        for path in candidates.prefix(3) {
            if let found = declarationDependency(path: path, symbol: name) { return found }
        }
        if let path = candidates.first {
            return Resolution(boundary: .other, dependency: name, basis: "the project's own type, declared in `\(path)`")
        }
        return nil
    }

    /// Classifies a repository source file by what it imports and extends (cached per file and symbol). With a
    /// symbol, only what that symbol is: the module it is imported from, else its own declaration's body.
    private mutating func declarationDependency(path: String, symbol: String?) -> Resolution? {
        let key = path + "\u{0}" + (symbol ?? "")
        let dependency: DependencyCatalog.Dependency?
        if let cached = cache[key] {
            dependency = cached
        } else if budget > 0, let language = SourceLanguage(fileName: path),
            case .bytes(let bytes) = FileTree.read(root + "/" + path, limit: 256 * 1024)
        {
            budget -= 1
            dependency = Self.dependency(ofDeclaration: SourceText(bytes: bytes, language: language), symbol: symbol)
            cache[key] = dependency
        } else {
            dependency = nil
        }
        guard let dependency else { return nil }
        var resolution = Resolution(
            boundary: dependency.boundary, dependency: dependency.name, basis: "declared in `\(path)` over \(dependency.name)")
        if dependency.name == "sql", Self.isActiveRecordModel(path) { resolution.basis = "ActiveRecord model `\(path)`" }
        return resolution
    }

    private static func isActiveRecordModel(_ path: String) -> Bool {
        path.hasSuffix(".rb") && path.contains("models/")
    }

    /// Types whose presence makes a declaration a database, api or file system adapter.
    private static let strongTypes: [String: DependencyCatalog.Dependency] = [
        "JpaRepository": .init(boundary: .database, name: "sql"), "CrudRepository": .init(boundary: .database, name: "sql"),
        "PagingAndSortingRepository": .init(boundary: .database, name: "sql"), "ListCrudRepository": .init(boundary: .database, name: "sql"),
        "Repository": .init(boundary: .database, name: "sql"), "JdbcTemplate": .init(boundary: .database, name: "sql"),
        "EntityManager": .init(boundary: .database, name: "sql"), "ApplicationRecord": .init(boundary: .database, name: "sql"),
        "Mapper": .init(boundary: .database, name: "sql"), "MongoRepository": .init(boundary: .database, name: "mongodb"),
        "RestTemplate": .init(boundary: .api, name: "http"), "WebClient": .init(boundary: .api, name: "http"),
        "RestClient": .init(boundary: .api, name: "http"), "HttpClient": .init(boundary: .api, name: "http"),
        "OkHttpClient": .init(boundary: .api, name: "http"), "FeignClient": .init(boundary: .api, name: "http"),
        "URLSession": .init(boundary: .api, name: "http"), "Faraday": .init(boundary: .api, name: "http"),
        "HTTParty": .init(boundary: .api, name: "http"), "Octokit": .init(boundary: .api, name: "http api.github.com"),
        "JavaMailSender": .init(boundary: .api, name: "smtp"), "KafkaTemplate": .init(boundary: .api, name: "kafka"),
        "RabbitTemplate": .init(boundary: .api, name: "rabbitmq"),
    ]

    /// The dependency a declaration file stands on: strong base types first, then its imports. With a symbol:
    /// the module it is imported from, else only its own declaration (header and body), and the imported names
    /// that body uses.
    static func dependency(ofDeclaration source: SourceText, symbol: String?) -> DependencyCatalog.Dependency? {
        let imports = ImportTable(source)
        guard let symbol else { return dependency(in: 0..<source.masked.count, of: source, imports: imports, usedOnly: false) }
        if let module = imports.modules[symbol] { return DependencyCatalog.lookup(module: module) }
        guard let range = declarationRange(of: symbol, in: source) else {
            return dependency(in: 0..<source.masked.count, of: source, imports: imports, usedOnly: false)
        }
        return dependency(in: range, of: source, imports: imports, usedOnly: true)
    }

    /// `class|interface|struct|def|func Name …` to the end of its body (braces; Python indentation; Ruby `end`).
    static func declarationRange(of symbol: String, in source: SourceText) -> Range<Int>? {
        let masked = source.masked
        let keywords: Set<String> = ["class", "interface", "struct", "def", "func", "type", "object", "enum", "record", "module", "fun"]
        var index = 0
        var previous = ""
        while index < masked.count {
            guard masked[index].isIdentifierByte else {
                index += 1
                continue
            }
            let range = source.identifier(at: index)
            let word = String(decoding: masked[range], as: UTF8.self)
            index = range.upperBound
            defer { previous = word }
            guard word == symbol, keywords.contains(previous) else { continue }
            var start = range.lowerBound
            while start > 0, masked[start - 1] != UInt8(ascii: "\n") { start -= 1 }
            switch source.language {
            case .python:
                var end = range.upperBound
                while end < masked.count, masked[end] != UInt8(ascii: "\n") { end += 1 }
                // Until the next line indented no deeper than the declaration.
                let indent = range.lowerBound - start - previous.count - 1
                while end < masked.count {
                    let lineStart = end + 1
                    var cursor = lineStart
                    while cursor < masked.count, masked[cursor] == UInt8(ascii: " ") || masked[cursor] == UInt8(ascii: "\t") { cursor += 1 }
                    if cursor < masked.count, masked[cursor] != UInt8(ascii: "\n"), cursor - lineStart <= max(0, indent) { return start..<end }
                    end = cursor
                    while end < masked.count, masked[end] != UInt8(ascii: "\n") { end += 1 }
                }
                return start..<end
            case .ruby:
                var end = range.upperBound
                while end < masked.count {
                    if masked[end] == UInt8(ascii: "\n"), end + 3 < masked.count, masked[end + 1] == UInt8(ascii: "e"),
                        masked[end + 2] == UInt8(ascii: "n"), masked[end + 3] == UInt8(ascii: "d")
                    {
                        return start..<(end + 4)
                    }
                    end += 1
                }
                return start..<end
            default:
                var open = range.upperBound
                while open < masked.count, masked[open] != UInt8(ascii: "{"), masked[open] != UInt8(ascii: ";") { open += 1 }
                guard open < masked.count, masked[open] == UInt8(ascii: "{") else { return start..<min(masked.count, open + 1) }
                return start..<source.closing(open)
            }
        }
        return nil
    }

    private static func dependency(
        in scope: Range<Int>, of source: SourceText, imports: ImportTable, usedOnly: Bool
    ) -> DependencyCatalog.Dependency? {
        let masked = source.masked
        var index = scope.lowerBound
        var previous = ""
        var found: DependencyCatalog.Dependency?
        var usedModules: [String] = []
        while index < scope.upperBound {
            guard masked[index].isIdentifierByte else {
                index += 1
                continue
            }
            let range = source.identifier(at: index)
            let word = String(decoding: masked[range], as: UTF8.self)
            index = range.upperBound
            if usedOnly, let module = imports.modules[word] { usedModules.append(module) }
            if let strong = strongTypes[word] {
                // `@Repository`, `extends JpaRepository`, `< ApplicationRecord`, `RestTemplate rest`.
                if word == "Repository" || word == "Mapper" {
                    if range.lowerBound > 0, masked[range.lowerBound - 1] == UInt8(ascii: "@") { return strong }
                } else if word == "Net", previous == "" {
                    found = found ?? strong
                } else {
                    return strong
                }
            }
            if word == "HTTP", previous == "Net" { return .init(boundary: .api, name: "http") }
            previous = word
        }
        if let found { return found }
        var best: DependencyCatalog.Dependency?
        for module in usedOnly ? usedModules : imports.all {
            guard let candidate = DependencyCatalog.lookup(module: module), !TargetClassifier.generic.contains(module.lowercased())
            else { continue }
            if candidate.boundary == .filesystem, best != nil { continue }
            if best == nil || best?.boundary == .filesystem || (candidate.boundary == .database && best?.boundary != .database) {
                best = candidate
            }
        }
        return best
    }
}

extension DependencyResolver.Resolution {
    /// An ActiveRecord model's own methods are not persistence: only query and write members count as database.
    func with(member: String?) -> DependencyResolver.Resolution {
        guard basis.hasPrefix("ActiveRecord model"), let member else { return self }
        let persistence: Set<String> = [
            "find", "find_by", "find_by!", "where", "create", "create!", "save", "save!", "update", "update!", "destroy",
            "destroy!", "delete", "all", "first", "last", "exists?", "pluck", "count", "find_each", "find_or_create_by",
            "insert_all", "upsert_all", "update_all", "delete_all", "reload", "transaction", "lock", "new",
        ]
        if persistence.contains(member) { return self }
        var copy = self
        copy.boundary = .other
        copy.basis = basis + "; `\(member)` is model logic, not persistence"
        return copy
    }
}
