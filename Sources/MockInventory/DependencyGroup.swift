/// The mocks of one dependency in one project unit, for the worklist.
package struct DependencyGroup: Sendable, Equatable {
    /// The dependency (`http api.github.com`, `postgres`, `sql`, or an internal type).
    package var dependency: String
    /// Its boundary.
    package var boundary: Boundary
    /// The project unit.
    package var unit: String
    /// Indexes into `ScanReport.findings`, in report order.
    package var findings: [Int]
    /// Distinct files holding them.
    package var files: Int
    /// How many are covered.
    package var covered: Int
    /// Whether the dependency is external (not the project's own collaborator).
    package var external: Bool { boundary != .other }
    /// Mocks without a covering test.
    package var uncovered: Int { findings.count - covered }
}

extension ScanReport {
    /// Findings grouped by project unit and dependency, ranked: external dependencies with uncovered mocks first
    /// (most uncovered first), then fully covered external ones, then internal collaborators.
    package var groups: [DependencyGroup] {
        var order: [String] = []
        var byKey: [String: DependencyGroup] = [:]
        for (index, finding) in findings.enumerated() {
            let key = finding.unit + "\u{0}" + finding.dependency + "\u{0}" + finding.boundary.rawValue
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = DependencyGroup(
                    dependency: finding.dependency, boundary: finding.boundary, unit: finding.unit, findings: [], files: 0,
                    covered: 0)
            }
            byKey[key]?.findings.append(index)
            if finding.covered { byKey[key]?.covered += 1 }
        }
        var groups = order.compactMap { byKey[$0] }
        for index in groups.indices {
            groups[index].files = Set(groups[index].findings.map { findings[$0].file }).count
        }
        func rank(_ group: DependencyGroup) -> Int {
            if !group.external { return 2 }
            return group.uncovered > 0 ? 0 : 1
        }
        return groups.sorted { lhs, rhs in
            if rank(lhs) != rank(rhs) { return rank(lhs) < rank(rhs) }
            if lhs.uncovered != rhs.uncovered { return lhs.uncovered > rhs.uncovered }
            if lhs.findings.count != rhs.findings.count { return lhs.findings.count > rhs.findings.count }
            if lhs.unit != rhs.unit { return lhs.unit < rhs.unit }
            return lhs.dependency < rhs.dependency
        }
    }
}
