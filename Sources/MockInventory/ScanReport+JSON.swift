import Shared

extension ScanReport {
    /// The report as an ordered JSON value (render with `.pretty` or `.compact`).
    package var json: JSONValue {
        let covered = findings.count { $0.covered }
        return .object(
            JSONObject([
                ("root", .string(root)),
                ("boundary", boundaryFilter.map { .string($0.rawValue) } ?? .null),
                ("filesVisited", .number(Double(filesVisited))),
                ("filesScanned", .number(Double(filesScanned))),
                ("budgetExhausted", .bool(budgetExhausted)),
                ("summary", .array(summary.map(\.json))),
                (
                    "totals",
                    .object(
                        JSONObject([
                            ("mocks", .number(Double(findings.count))),
                            ("covered", .number(Double(covered))),
                            ("uncovered", .number(Double(findings.count - covered))),
                        ])
                    )
                ),
                ("findings", .array(findings.map(\.json))),
                ("evidence", .array(evidence.map(\.json))),
                (
                    "unreadable",
                    .array(
                        unreadable.map {
                            .object(JSONObject([("path", .string($0.path)), ("reason", .string($0.reason))]))
                        })
                ),
                ("skippedOversize", .array(skippedOversize.map { .string($0) })),
            ])
        )
    }
}

extension ScanReport.Summary {
    /// `{"boundary", "mocks", "covered", "uncovered"}`.
    var json: JSONValue {
        .object(
            JSONObject([
                ("boundary", .string(boundary.rawValue)),
                ("mocks", .number(Double(mocks))),
                ("covered", .number(Double(covered))),
                ("uncovered", .number(Double(uncovered))),
            ])
        )
    }
}

extension MockFinding {
    /// `{"file", "line", "framework", "target", "boundary", "covered", "coverage", "coveredBy"}`.
    var json: JSONValue {
        .object(
            JSONObject([
                ("file", .string(file)),
                ("line", .number(Double(line))),
                ("framework", .string(framework)),
                ("target", .string(target)),
                ("boundary", .string(boundary.rawValue)),
                ("covered", .bool(covered)),
                ("coverage", coverage.map { .string($0.rawValue) } ?? .null),
                ("coveredBy", .array(coveredBy.map { .string($0) })),
            ])
        )
    }
}

extension RealDependencyEvidence {
    /// `{"source", "file", "line", "kinds", "boundaries", "targets"}`.
    var json: JSONValue {
        .object(
            JSONObject([
                ("source", .string(source)),
                ("file", .string(file)),
                ("line", line.map { .number(Double($0)) } ?? .null),
                ("kinds", .array(kinds.map { .string($0.rawValue) })),
                ("boundaries", .array(boundaries.map { .string($0.rawValue) })),
                ("targets", .array(targets.map { .string($0) })),
            ])
        )
    }
}
