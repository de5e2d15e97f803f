/// The kinds of disagreement between a mock and the reality the repository holds.
package enum MismatchKind: String, Sendable, CaseIterable, Comparable {
    case sqlTable = "sql-table"
    case sqlColumn = "sql-column"
    case sqlStatement = "sql-statement"
    case sqlReturnedColumn = "sql-returned-column"
    case httpPath = "http-path"
    case httpMethod = "http-method"
    case httpStatus = "http-status"
    case httpResponseField = "http-response-field"
    case httpRequestField = "http-request-field"
    case fixtureField = "fixture-field"
    case moduleExport = "module-export"
    case staleMock = "stale-mock"
    case patchTarget = "patch-target"

    package static func < (lhs: MismatchKind, rhs: MismatchKind) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
