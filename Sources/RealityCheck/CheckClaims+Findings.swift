import Shared

extension CheckClaims {
    /// The claims of the scanner's findings (at `boundary` when given).
    package init(findings: [MockFinding], boundary: Boundary? = nil) {
        self.init()
        for finding in findings where boundary == nil || finding.boundary == boundary {
            if finding.boundary == .database { databaseMocked = true }
        }
    }
}
