/// The result of scanning a repository for mocks and real-dependency evidence.
package struct ScanReport: Sendable, Equatable {
    /// Counts for one boundary.
    package struct Summary: Sendable, Equatable {
        /// The boundary counted.
        package var boundary: Boundary
        /// Mocks found at the boundary.
        package var mocks: Int
        /// Mocks covered by a real-dependency test.
        package var covered: Int
        /// Mocks with no covering test (mismatch candidates).
        package var uncovered: Int { mocks - covered }
    }

    /// A file the scanner could not read, with the reason.
    package struct Unreadable: Sendable, Equatable {
        /// Relative path.
        package var path: String
        /// The system error text.
        package var reason: String

        /// Creates an entry.
        package init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// The scanned root, as given.
    package var root: String
    /// The boundary filter applied to findings, if any.
    package var boundaryFilter: Boundary?
    /// Findings sorted by file, then line, then framework and target.
    package var findings: [MockFinding]
    /// Real-dependency evidence sorted by source.
    package var evidence: [RealDependencyEvidence]
    /// Files and directories that could not be read, sorted by path.
    package var unreadable: [Unreadable]
    /// Relative paths of candidate files skipped because they exceed the size limit.
    package var skippedOversize: [String]
    /// Regular files visited by the walk.
    package var filesVisited: Int
    /// Files read and analysed (test code and compose files).
    package var filesScanned: Int
    /// True when the walk stopped early on the time or file budget; results are then partial.
    package var budgetExhausted: Bool

    /// One entry per boundary (filtered boundary only, when a filter is set), in boundary order.
    package var summary: [Summary] {
        let boundaries = boundaryFilter.map { [$0] } ?? Boundary.allCases
        return boundaries.map { boundary in
            let atBoundary = findings.filter { $0.boundary == boundary }
            return Summary(boundary: boundary, mocks: atBoundary.count, covered: atBoundary.count { $0.covered })
        }
    }

    /// Findings with no covering real-dependency test.
    package var mismatchCandidates: [MockFinding] {
        findings.filter { !$0.covered }
    }
}
