extension ScanReport {
    /// A markdown section a model can act on: the summary table, then the worklist (external dependencies with
    /// no real test first, each with its mock sites and claims), covered dependencies, internal collaborators,
    /// mocks reported apart, evidence and problems.
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

        let groups = self.groups
        let open = groups.filter { $0.external && $0.uncovered > 0 }
        lines.append("")
        lines.append("### Mismatch candidates (\(mismatchCandidates.count))")
        lines.append("")
        if findings.isEmpty {
            lines.append("No mocks found.")
        } else if open.isEmpty {
            lines.append("None: every mock of an external dependency has a running real-dependency test.")
        } else {
            lines.append("External dependencies mocked with no running real-dependency test in the same project unit,")
            lines.append("most mocks first. Check each claim against the real dependency:")
            lines.append("")
            for (number, group) in open.enumerated() {
                lines.append("\(number + 1). \(group.headline)")
                let sites = group.findings.filter { !findings[$0].covered }
                for index in sites.prefix(Self.sitesShown) { lines.append("   - \(findings[index].worklistLine)") }
                if sites.count > Self.sitesShown { lines.append("   - … and \(sites.count - Self.sitesShown) more") }
                if let reason = sites.first.map({ findings[$0].reason }), reason.contains("(not evidence:") {
                    lines.append("   - \(reason)")
                }
            }
        }

        let coveredGroups = groups.filter { $0.external && $0.covered > 0 }
        if !coveredGroups.isEmpty {
            lines.append("")
            lines.append("### Covered mocks (\(covered))")
            lines.append("")
            for group in coveredGroups {
                guard let first = group.findings.first(where: { findings[$0].covered }) else { continue }
                lines.append("- \(group.headline): \(findings[first].reason)")
            }
        }

        let internalGroups = groups.filter { !$0.external }
        if !internalGroups.isEmpty {
            lines.append("")
            let count = internalGroups.reduce(0) { $0 + $1.findings.count }
            lines.append("### Internal collaborators (\(count))")
            lines.append("")
            lines.append("The project's own code or names with no external dependency found; not mismatch candidates.")
            lines.append("")
            for group in internalGroups.prefix(Self.groupsShown) {
                let first = group.findings.first.map { findings[$0] }
                lines.append("- `\(group.dependency)`: \(group.findings.count) mock\(group.findings.count == 1 ? "" : "s") in \(group.files) file\(group.files == 1 ? "" : "s")" + (first.map { " (first `\($0.file):\($0.line)`)" } ?? ""))
            }
            if internalGroups.count > Self.groupsShown { lines.append("- … and \(internalGroups.count - Self.groupsShown) more") }
        }

        if !incidental.isEmpty {
            lines.append("")
            lines.append("### Reported apart (\(incidental.count))")
            lines.append("")
            lines.append("Configuration, logging, clock, environment and process mocks are not integration mocks:")
            lines.append("")
            var byKind: [String: Int] = [:]
            for finding in incidental { byKind[finding.incidental ?? "other", default: 0] += 1 }
            lines.append("- " + byKind.keys.sorted().map { "\($0): \(byKind[$0] ?? 0)" }.joined(separator: ", "))
        }

        lines.append("")
        lines.append("### Real-dependency evidence (\(evidence.count))")
        lines.append("")
        if evidence.isEmpty { lines.append("None found.") }
        for item in evidence {
            let location = item.line.map { "`\(item.source)` (line \($0))" } ?? "`\(item.source)`"
            var line = "- \(location): \(item.kinds.map(\.rawValue).joined(separator: ", "))"
            if !item.dependencies.isEmpty { line += "; \(item.dependencies.joined(separator: ", "))" }
            if item.unit != "." { line += "; unit `\(item.unit)`" }
            if let note = item.note { line += "; \(note)" }
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

    private static let sitesShown = 5
    private static let groupsShown = 10
}

extension DependencyGroup {
    /// `**http api.github.com** (api, unit `.`): 30 mocks in 20 files, no real test`.
    var headline: String {
        let mocks = "\(findings.count) mock\(findings.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        let state = covered == 0 ? "no real test" : covered == findings.count ? "all covered" : "\(uncovered) uncovered"
        return "**\(dependency)** (\(boundary.rawValue), unit `\(unit)`): \(mocks), \(state)"
    }
}

extension MockFinding {
    /// `` `file:line` framework: `target` (boundary) ``.
    package var summaryLine: String {
        "`\(file):\(line)` \(framework): `\(target)` (\(boundary.rawValue))"
    }

    /// The summary line and the claims in short form (`GET /send → 202 {id}`).
    var worklistLine: String {
        let shown = claims.prefix(3).map(\.shortText).filter { !$0.isEmpty }
        var line = summaryLine
        if !shown.isEmpty { line += " — " + shown.joined(separator: "; ") }
        if claims.count > 3 { line += "; +\(claims.count - 3)" }
        return line
    }
}

extension MockClaim {
    /// One line: `GET https://x/y → 200 {a, b}`, `SQL SELECT … → (id, name)`, `./db: query, getUser`.
    var shortText: String {
        switch self {
        case .http(let claim):
            var text = (claim.method ?? "ANY") + " " + (claim.url ?? claim.path ?? "*")
            if let status = claim.status { text += " → \(status)" }
            if !claim.responseFields.isEmpty { text += " {" + claim.responseFields.prefix(6).joined(separator: ", ") + "}" }
            if let fixture = claim.fixture { text += " (file \(fixture))" }
            return text
        case .sql(let claim):
            let statement = claim.statement.map { $0.count > 80 ? String($0.prefix(77)) + "…" : $0 } ?? "?"
            return "SQL `\(statement)`" + (claim.returnedColumns.isEmpty ? "" : " → (" + claim.returnedColumns.joined(separator: ", ") + ")")
        case .module(let claim):
            return claim.members.isEmpty ? "" : "stubs " + claim.members.prefix(6).joined(separator: ", ")
        }
    }
}
