/// Decides, for every mock, whether reality is tested: a mock is covered only by a test that runs (not skipped or
/// disabled), in the same project unit, and exercises the real dependency of the same boundary — the same
/// dependency when both sides name one. A file's evidence never counts for a dependency that file mocks itself,
/// and a compose service only supports a test that starts or reaches it. Every verdict gets its reason.
struct CoverageJudge {
    let findings: [MockFinding]
    let evidence: [RealDependencyEvidence]

    /// The findings with verdicts and reasons, and the evidence with compose services linked to their tests.
    func judge() -> (findings: [MockFinding], evidence: [RealDependencyEvidence]) {
        var evidence = self.evidence
        // What each file mocks: its evidence never counts for those dependencies.
        var mockedByFile: [String: [String]] = [:]
        for finding in findings where finding.incidental == nil && finding.boundary != .other {
            mockedByFile[finding.file, default: []].append(finding.dependency)
        }
        // Compose services count only through a running test of the same unit that starts or reaches them.
        var composeDependencies: [String: [(dependency: String, source: String)]] = [:]
        for index in evidence.indices where evidence[index].supporting {
            let service = evidence[index]
            let connected = evidence.filter { $0.unit == service.unit && $0.usesCompose && $0.running && !$0.supporting }
            if let test = connected.first {
                evidence[index].running = true
                evidence[index].note = "reached by `\(test.source)`"
                for dependency in service.dependencies {
                    composeDependencies[service.unit, default: []].append((dependency, service.source))
                }
            } else {
                evidence[index].note = "no test in project unit `\(service.unit)` starts or reaches it"
            }
        }
        var effective: [[(dependency: String, via: String?)]] = []
        for index in evidence.indices {
            let item = evidence[index]
            guard !item.supporting else {
                effective.append([])
                continue
            }
            var list: [(String, String?)] = item.dependencies.map { ($0, nil) }
            if item.usesCompose, item.running {
                for (dependency, source) in composeDependencies[item.unit] ?? [] where !list.contains(where: { $0.0 == dependency }) {
                    list.append((dependency, source))
                }
            }
            let mocked = mockedByFile[item.file] ?? []
            list.removeAll { entry in mocked.contains { DependencyCatalog.isSame(mock: $0, evidence: entry.0) || $0 == entry.0 } }
            effective.append(list)
            if !list.isEmpty { evidence[index].dependencies = Array(Set(list.map(\.0))).sorted() }
        }

        var judged = findings
        for index in judged.indices {
            let finding = judged[index]
            if let kind = finding.incidental {
                judged[index].reason = "not an integration mock (\(kind)); reported apart"
                continue
            }
            guard finding.boundary != .other else {
                judged[index].reason = "internal collaborator (\(finding.boundaryBasis)); not a mismatch candidate"
                continue
            }
            var exact: [(index: Int, via: String?)] = []
            var compatible: [(index: Int, via: String?)] = []
            var rejected: [String] = []
            for (evidenceIndex, item) in evidence.enumerated() where !item.supporting {
                let matches = effective[evidenceIndex].filter { Self.matches(mock: finding.dependency, boundary: finding.boundary, evidence: $0.dependency) }
                let raw = item.dependencies.contains { Self.matches(mock: finding.dependency, boundary: finding.boundary, evidence: $0) }
                if matches.isEmpty {
                    if raw, item.file != finding.file, item.unit == finding.unit, item.running {
                        rejected.append("`\(item.source)` mocks it too")
                    }
                    continue
                }
                if item.file == finding.file { continue }
                if item.unit != finding.unit {
                    rejected.append("`\(item.source)` is in project unit `\(item.unit)`")
                    continue
                }
                if !item.running {
                    rejected.append("`\(item.source)`: \(item.note ?? "no test runs")")
                    continue
                }
                if matches.contains(where: { $0.dependency == finding.dependency }) {
                    exact.append((evidenceIndex, matches.first { $0.dependency == finding.dependency }?.via))
                } else {
                    compatible.append((evidenceIndex, matches.first?.via))
                }
            }
            for service in evidence where service.supporting && service.unit == finding.unit && !service.running {
                if service.dependencies.contains(where: { Self.matches(mock: finding.dependency, boundary: finding.boundary, evidence: $0) }) {
                    rejected.append("`\(service.source)` is a compose service no test starts or reaches")
                }
            }
            let chosen = exact.isEmpty ? compatible : exact
            if let first = chosen.first {
                let item = evidence[first.index]
                judged[index].coverage = exact.isEmpty ? .boundary : .target
                judged[index].coveredBy = Array(Set(chosen.map { evidence[$0.index].source })).sorted()
                let via = first.via.map { " with `\($0)`" } ?? ""
                let what = exact.isEmpty ? "a compatible \(finding.boundary.rawValue) dependency" : "the real \(finding.dependency)"
                judged[index].reason =
                    "covered: `\(item.source)`\(via) runs against \(what) (\(item.rule)) in project unit `\(finding.unit)`"
            } else {
                var reason = "uncovered: no running test in project unit `\(finding.unit)` exercises the real \(finding.dependency)"
                if !rejected.isEmpty {
                    reason += " (not evidence: " + Array(Set(rejected)).sorted().prefix(3).joined(separator: "; ") + ")"
                }
                judged[index].reason = reason
            }
        }
        return (judged, evidence)
    }

    /// Whether real `evidence` of one dependency stands for a mock of `mock` at `boundary`.
    static func matches(mock: String, boundary: Boundary, evidence: String) -> Bool {
        if DependencyCatalog.isSame(mock: mock, evidence: evidence) { return true }
        if mock == "http" { return evidence.hasPrefix("http") }
        if mock == "filesystem" { return evidence == "filesystem" }
        return false
    }
}
