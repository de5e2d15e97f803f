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

    init(root: String, options: ScanOptions) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.options = options
        self.startTime = options.clock()
    }

    mutating func visit(directory relative: String, entries: [(name: String, kind: FileTree.EntryKind)]) {
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
            evidence += RealDependencyDetector.composeEvidence(file: path, bytes: bytes)
            return
        }
        guard let language = SourceLanguage(fileName: name), TestFileClassifier.isTestFile(path, language: language),
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
        let lines = source.lineNumbers(ascending: matches.map(\.offset))
        var fileFindings: [MockFinding] = zip(matches, lines).map { match, line in
            let (boundary, key) = TargetClassifier.classify(match.target)
            return MockFinding(
                file: path,
                line: line,
                framework: match.framework,
                target: match.target,
                boundary: match.boundary ?? boundary,
                key: key
            )
        }
        if language == .javascript, let manual = manualMock(path) {
            let (boundary, key) = TargetClassifier.classify(manual)
            fileFindings.insert(
                MockFinding(
                    file: path, line: 1, framework: "jest manual mock", target: manual, boundary: boundary, key: key),
                at: 0
            )
        }
        findings += fileFindings
        if !exhausted,
            let found = RealDependencyDetector.evidence(
                forTestFile: path,
                source: source,
                mockedBoundaries: Set(fileFindings.map(\.boundary))
            )
        {
            evidence.append(found)
        }
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
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self)
        return head.contains("DO NOT EDIT") || head.contains("@generated")
    }

    func lastComponent(_ path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }

    func report() -> ScanReport {
        var covered = findings
        for index in covered.indices {
            let finding = covered[index]
            let candidates = evidence.filter { $0.file != finding.file }
            let byTarget = candidates.filter { $0.tokens.contains(finding.key) }
            if !byTarget.isEmpty {
                covered[index].coverage = .target
                covered[index].coveredBy = byTarget.map(\.source).sorted()
                continue
            }
            guard finding.boundary != .other else { continue }
            let byBoundary = candidates.filter { $0.boundaries.contains(finding.boundary) }
            if !byBoundary.isEmpty {
                covered[index].coverage = .boundary
                covered[index].coveredBy = byBoundary.map(\.source).sorted()
            }
        }
        let filtered = covered.filter { options.boundary == nil || $0.boundary == options.boundary }
        return ScanReport(
            root: root,
            boundaryFilter: options.boundary,
            findings: filtered.sorted(by: Walk.findingOrder),
            evidence: evidence.sorted { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) },
            unreadable: unreadable.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) },
            skippedOversize: oversize.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            filesVisited: filesVisited,
            filesScanned: filesScanned,
            budgetExhausted: exhausted
        )
    }

    static func findingOrder(_ lhs: MockFinding, _ rhs: MockFinding) -> Bool {
        if lhs.file != rhs.file { return lhs.file.utf8.lexicographicallyPrecedes(rhs.file.utf8) }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.framework != rhs.framework { return lhs.framework < rhs.framework }
        return lhs.target < rhs.target
    }
}
