/// The outcome of `oss-integration check`: mismatches, claims not judged, and what reality was read.
package struct RealityReport: Sendable, Equatable {
    /// The checked root as given.
    package var root: String
    /// Mismatches, sorted by file, line, kind.
    package var mismatches: [Mismatch] = []
    /// Claims not judged, sorted by file and line.
    package var notChecked: [NotChecked] = []
    /// Schema files, API descriptions, fixtures and engines used.
    package var sources: [RealitySource] = []
    /// How many claims were judged (matched or mismatched).
    package var checkedClaims = 0
    /// Notes for stderr (an engine that could not be used).
    package var warnings: [String] = []

    /// An empty report for `root`.
    package init(root: String) { self.root = root }

    /// Sorts and de-duplicates the lists.
    package mutating func finish() {
        var seen: Set<String> = []
        mismatches = mismatches.sorted {
            ($0.file, $0.line, $0.kind, $0.claim) < ($1.file, $1.line, $1.kind, $1.claim)
        }.filter { seen.insert("\($0.file):\($0.line):\($0.kind.rawValue):\($0.claim):\($0.dependency)").inserted }
        notChecked.sort { ($0.file, $0.line, $0.claim) < ($1.file, $1.line, $1.claim) }
        sources = Array(Set(sources.map { "\($0.kind)\u{0}\($0.path)" })).sorted().map {
            let parts = $0.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            return RealitySource(kind: parts[0], path: parts.count > 1 ? parts[1] : "")
        }
    }
}
