extension ScanReport {
    /// A markdown section a model can act on: summary table, mismatch candidates, covered mocks, evidence, problems.
    package var text: String {
        var lines: [String] = []
        lines.append("## Mock inventory")
        lines.append("")
        var scope = "Scanned \(filesScanned) test and compose files (\(filesVisited) files visited) under `\(root)`."
        if let boundaryFilter { scope += " Boundary filter: \(boundaryFilter.rawValue)." }
        lines.append(scope)
        if budgetExhausted {
            lines.append("")
            lines.append(
                "> Scan stopped early: the time or file budget ran out after \(filesVisited) files; results are partial."
            )
        }
        lines.append("")
        lines.append("| Boundary | Mocks | Covered | Uncovered |")
        lines.append("|---|---:|---:|---:|")
        for row in summary {
            lines.append("| \(row.boundary.rawValue) | \(row.mocks) | \(row.covered) | \(row.uncovered) |")
        }
        let covered = findings.count { $0.covered }
        lines.append("| **total** | \(findings.count) | \(covered) | \(findings.count - covered) |")

        lines.append("")
        lines.append("### Mismatch candidates (\(mismatchCandidates.count))")
        lines.append("")
        if findings.isEmpty {
            lines.append("No mocks found.")
        } else if mismatchCandidates.isEmpty {
            lines.append("None: every mock has a real-dependency test of its target or boundary.")
        } else {
            lines.append("Mocked, with no real-dependency test of the same target or boundary:")
            lines.append("")
            for finding in mismatchCandidates { lines.append("- \(finding.summaryLine)") }
        }

        let coveredFindings = findings.filter(\.covered)
        if !coveredFindings.isEmpty {
            lines.append("")
            lines.append("### Covered mocks (\(coveredFindings.count))")
            lines.append("")
            for finding in coveredFindings {
                let how = finding.coverage == .target ? "same target" : "same boundary"
                lines.append("- \(finding.summaryLine); covered (\(how)) by \(Self.list(finding.coveredBy))")
            }
        }

        lines.append("")
        lines.append("### Real-dependency evidence (\(evidence.count))")
        lines.append("")
        if evidence.isEmpty { lines.append("None found.") }
        for item in evidence {
            let location = item.line.map { "`\(item.source)` (line \($0))" } ?? "`\(item.source)`"
            var line = "- \(location): \(item.kinds.map(\.rawValue).joined(separator: ", "))"
            if !item.boundaries.isEmpty { line += "; \(item.boundaries.map(\.rawValue).joined(separator: ", "))" }
            if !item.targets.isEmpty { line += " (\(item.targets.prefix(8).joined(separator: ", ")))" }
            lines.append(line)
        }

        if !unreadable.isEmpty {
            lines.append("")
            lines.append("### Unreadable (\(unreadable.count))")
            lines.append("")
            for item in unreadable { lines.append("- `\(item.path)`: \(item.reason)") }
        }
        if !skippedOversize.isEmpty {
            lines.append("")
            lines.append("### Skipped, over the file-size limit (\(skippedOversize.count))")
            lines.append("")
            for path in skippedOversize { lines.append("- `\(path)`") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ sources: [String]) -> String {
        let shown = sources.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
        return sources.count > 3 ? "\(shown) and \(sources.count - 3) more" : shown
    }
}

extension MockFinding {
    /// `` `file:line` framework: `target` (boundary) ``.
    var summaryLine: String {
        "`\(file):\(line)` \(framework): `\(target)` (\(boundary.rawValue))"
    }
}
