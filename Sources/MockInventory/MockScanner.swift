#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scans a repository's test code for mocks, finds real-dependency evidence and matches the two.
///
/// Deterministic (sorted walk, sorted output), read-only, and never executes scanned code.
package enum MockScanner {
    /// Scans the directory tree at `root`.
    /// - Throws: `ScanError` when `root` is not a readable directory; unreadable files inside are reported instead.
    package static func scan(root: String, options: ScanOptions = ScanOptions()) throws(ScanError) -> ScanReport {
        guard FileTree.isDirectory(root) else { throw .notADirectory(path: root) }
        var walk = Walk(root: root, options: options)
        switch FileTree.list(root) {
        case .failure(let error): throw .unreadableDirectory(path: root, reason: error.reason)
        case .success(let entries): walk.visit(directory: "", entries: entries)
        }
        return walk.report()
    }
}

/// The state of one scan.
private struct Walk {
    let root: String
    let options: ScanOptions
    let startTime: Double
    var matchers: [SourceLanguage: MockMatcher] = [:]
    var findings: [MockFinding] = []
    var evidence: [RealDependencyEvidence] = []
    var unreadable: [ScanReport.Unreadable] = []
    var oversize: [String] = []
    var filesVisited = 0
    var filesScanned = 0
    var exhausted = false
    /// Open recorded-fixture directories (relative path, file names seen so far).
    var recordings: [(path: String, names: [String])] = []
    /// Project units entered (directory with a manifest; `.` for the root) and whether each is a Rails app.
    var units: [(path: String, rails: Bool)] = []
    /// Every visited file, and source files by normalised stem, for declaration lookups.
    var files = Set<String>()
    var stems: [String: [String]] = [:]
    /// The boundary each finding's rule fixes (parallel to `findings`).
    var fixedBoundaries: [Boundary?] = []
    /// Findings reported apart: configuration, logging, clocks, environment, process.
    var incidental: [MockFinding] = []

    /// Manifest file names that make a directory a project unit.
    static let manifests: Set<String> = [
        "package.json", "pyproject.toml", "setup.py", "setup.cfg", "go.mod", "pom.xml", "build.gradle",
        "build.gradle.kts", "Gemfile", "Package.swift", "Cargo.toml", "composer.json", "Pipfile", "requirements.txt",
    ]

    /// Test-folder copies of mocking libraries (vendored), never mock sites.
    static let vendoredLibraries: Set<String> = [
        "sinon", "nock", "mockjax", "jquery.mockjax", "mocker", "ohhttpstubs", "mock", "msw", "fetch-mock", "pretender",
        "mockserver", "wiremock", "testdouble", "jasmine", "jasmine-ajax", "mock-ajax", "httpretty", "responses",
    ]

    var unit: String { units.last?.path ?? "." }
    var railsUnit: Bool { units.last?.rails ?? false }

    init(root: String, options: ScanOptions) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.options = options
        self.startTime = options.clock()
    }

    mutating func visit(directory relative: String, entries: [(name: String, kind: FileTree.EntryKind)]) {
        let isUnit = entries.contains { $0.kind == .file && Walk.manifests.contains($0.name) }
        if isUnit {
            var rails = false
            if entries.contains(where: { $0.name == "Gemfile" }),
                case .bytes(let gemfile) = FileTree.read(
                    root + "/" + (relative.isEmpty ? "" : relative + "/") + "Gemfile", limit: 256 * 1024)
            {
                let text = String(decoding: gemfile, as: UTF8.self)
                rails = text.contains("\"rails\"") || text.contains("'rails'") || text.contains("activerecord")
            }
            units.append((relative.isEmpty ? "." : relative, rails))
        }
        defer { if isUnit { units.removeLast() } }
        let isRecording = RealDependencyDetector.recordingDirectories.contains(lastComponent(relative))
        if isRecording { recordings.append((relative, [])) }
        defer {
            if isRecording, let recording = recordings.popLast() {
                evidence.append(
                    RealDependencyDetector.recordingEvidence(directory: recording.path, names: recording.names))
            }
        }
        for entry in entries {
            if exhausted { return }
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            switch entry.kind {
            case .directory:
                guard !TestFileClassifier.isSkippedDirectory(entry.name) else { continue }
                switch FileTree.list(root + "/" + path) {
                case .success(let children): visit(directory: path, entries: children)
                case .failure(let error): unreadable.append(.init(path: path + "/", reason: error.reason))
                }
            case .file:
                visit(file: path, name: entry.name)
            case .other:
                continue
            }
        }
    }

    mutating func visit(file path: String, name: String) {
        filesVisited += 1
        if filesVisited > options.maxFiles || options.clock() - startTime > options.timeBudget {
            exhausted = true
            filesVisited -= 1
            return
        }
        if !recordings.isEmpty { recordings[recordings.count - 1].names.append(name) }
        if RealDependencyDetector.isComposeFile(name) {
            guard let bytes = read(path) else { return }
            let unit = self.unit
            evidence += RealDependencyDetector.composeEvidence(file: path, bytes: bytes).map {
                var service = $0
                service.unit = unit
                return service
            }
            return
        }
        guard let language = SourceLanguage(fileName: name) else { return }
        files.insert(path)
        stems[DependencyResolver.normalisedStem(name), default: []].append(path)
        guard TestFileClassifier.isTestFile(path, language: language),
            !Walk.vendoredLibraries.contains(DependencyResolver.normalisedStem(name))
                || !path.utf8.contains(UInt8(ascii: "/")),
            let bytes = read(path), !isGenerated(bytes)
        else { return }
        analyse(path: path, bytes: bytes, language: language)
    }

    mutating func analyse(path: String, bytes: [UInt8], language: SourceLanguage) {
        let source = SourceText(bytes: bytes, language: language)
        if matchers[language] == nil { matchers[language] = MockMatcher(language: language) }
        // The time budget holds inside a file too: a huge file stops at the deadline like the walk does.
        let (options, startTime) = (options, startTime)
        let outcome = matchers[language]?.matches(in: source) { options.clock() - startTime > options.timeBudget }
        let matches = outcome?.matches ?? []
        if outcome?.interrupted == true { exhausted = true }
        let imports = ImportTable(source)
        let lineIndex = LineIndex(matches.isEmpty ? [] : bytes)
        let claims = matches.isEmpty ? [] : ClaimReader(source: source, lines: lineIndex).claims(for: matches)
        var seenFakes = Set<String>()
        for (match, matchClaims) in zip(matches, claims) {
            if match.framework == "hand-written fake" {
                guard seenFakes.insert(match.target).inserted else { continue }
            }
            var finding = MockFinding(
                file: path,
                line: lineIndex.line(of: match.offset),
                framework: match.framework,
                target: match.target,
                boundary: match.boundary ?? .other,
                key: match.target.lowercased()
            )
            finding.claims = matchClaims
            finding.unit = unit
            finding.origin = origin(of: match.target, imports: imports, language: language)
            if finding.origin == nil, let head = match.target.split(whereSeparator: { $0 == "." || $0 == "#" }).first,
                head.first?.isLowercase ?? false
            {
                finding.typeHint = LocalTypes.type(of: String(head), in: source)
                if let hint = finding.typeHint {
                    finding.origin = origin(of: hint, imports: imports, language: language)
                }
            }
            findings.append(finding)
            fixedBoundaries.append(match.boundary)
        }
        if language == .javascript, let manual = manualMock(path) {
            var finding = MockFinding(
                file: path, line: 1, framework: "jest manual mock", target: manual, boundary: .other,
                key: manual.lowercased())
            finding.unit = unit
            finding.claims = [.module(ModuleClaim(target: manual, line: 1))]
            findings.append(finding)
            fixedBoundaries.append(nil)
        }
        if !exhausted,
            var found = RealDependencyDetector.evidence(
                forTestFile: path,
                source: source,
                imports: imports,
                unit: unit,
                railsUnit: railsUnit,
                run: TestRunDetector.Verdict(runs: true, tests: 0, skipped: 0, marker: nil)
            )
        {
            let verdict = TestRunDetector.verdict(for: source)
            found.running = verdict.runs
            found.note = verdict.runs ? nil : "no test runs (\(verdict.marker ?? "every test skipped"))"
            evidence.append(found)
        }
    }

    /// The module a target's first name is imported from (`OrderRepository` ⇒ `../data-access/order-repository`).
    func origin(of target: String, imports: ImportTable, language: SourceLanguage) -> String? {
        let parts = target.split(whereSeparator: { $0 == "." || $0 == "#" || $0 == "(" || $0 == ":" }).map(String.init)
        for part in parts.prefix(3) {
            if let module = imports.modules[part] { return module }
        }
        return nil
    }

    mutating func read(_ path: String) -> [UInt8]? {
        switch FileTree.read(root + "/" + path, limit: options.maxFileSize) {
        case .bytes(let bytes):
            filesScanned += 1
            return bytes
        case .oversize:
            oversize.append(path)
            return nil
        case .failed(let reason):
            unreadable.append(.init(path: path, reason: reason))
            return nil
        }
    }

    /// A module path mocked by a file under `__mocks__/` (`__mocks__/@aws-sdk/client-s3.ts` ⇒ `@aws-sdk/client-s3`).
    func manualMock(_ path: String) -> String? {
        let components = path.split(separator: "/")
        guard let index = components.lastIndex(of: "__mocks__"), index + 1 < components.count else { return nil }
        var module = components[(index + 1)...].joined(separator: "/")
        if let dot = module.lastIndex(of: "."), !module[dot...].contains("/") { module = String(module[..<dot]) }
        return module.isEmpty ? nil : module
    }

    func isGenerated(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(1024)
        return head.containsBytes("DO NOT EDIT") || head.containsBytes("@generated")
    }

    func lastComponent(_ path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }

    func report() -> ScanReport {
        var resolver = DependencyResolver(root: root, files: files, stems: stems)
        var resolved = findings
        for index in resolved.indices {
            let resolution = resolver.resolve(resolved[index], fixed: fixedBoundaries[index])
            resolved[index].boundary = resolution.boundary
            resolved[index].dependency = resolution.dependency
            resolved[index].incidental = resolution.incidental
            resolved[index].boundaryBasis = resolution.basis
            if resolution.boundary == .other, resolution.incidental == nil,
                resolution.dependency.isEmpty
                    || DependencyCatalog.sqlEngines.contains(resolution.dependency)
            {
                resolved[index].dependency = resolved[index].target
            }
            resolved[index].key = resolved[index].dependency
        }
        let verdicts = CoverageJudge(findings: resolved, evidence: evidence)
        let judged = verdicts.judge()
        let integration = judged.findings.filter { $0.incidental == nil }
        let apart = judged.findings.filter { $0.incidental != nil }
        let filtered = integration.filter { options.boundary == nil || $0.boundary == options.boundary }
        var report = ScanReport(
            root: root,
            boundaryFilter: options.boundary,
            findings: filtered.sorted(by: Walk.findingOrder),
            evidence: judged.evidence.sorted { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) },
            unreadable: unreadable.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) },
            skippedOversize: oversize.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            filesVisited: filesVisited,
            filesScanned: filesScanned,
            budgetExhausted: exhausted
        )
        report.incidental = options.boundary == nil ? apart.sorted(by: Walk.findingOrder) : []
        return report
    }

    static func findingOrder(_ lhs: MockFinding, _ rhs: MockFinding) -> Bool {
        if lhs.file != rhs.file { return lhs.file.utf8.lexicographicallyPrecedes(rhs.file.utf8) }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.framework != rhs.framework { return lhs.framework < rhs.framework }
        return lhs.target < rhs.target
    }
}
