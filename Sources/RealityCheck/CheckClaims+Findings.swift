import MockInventory
import Shared

extension CheckClaims {
    /// The claims of the scanner's findings (at `boundary` when given); a database mock (not incidental) also
    /// turns on the check of production SQL.
    package init(findings: [MockFinding], boundary: Boundary? = nil) {
        self.init()
        for finding in findings where boundary == nil || finding.boundary == boundary {
            if finding.boundary == .database, finding.incidental == nil { databaseMocked = true }
            for claim in finding.claims {
                switch claim {
                case .sql(let sql):
                    self.sql.append(
                        SQLItem(
                            file: finding.file, line: sql.line, statement: sql.statement,
                            returnedColumns: sql.returnedColumns))
                case .http(let http):
                    var host = http.host?.lowercased()
                    var path = http.path
                    if path == nil, let url = http.url {
                        let parts = APIDescriptionLoader.split(url: url)
                        host = host ?? parts.host
                        path = parts.path.isEmpty ? "/" : parts.path
                    }
                    self.http.append(
                        HTTPItem(
                            file: finding.file, line: http.line, method: http.method?.uppercased(), host: host,
                            path: path,
                            status: http.status, responseFields: http.responseFields, requestFields: http.requestFields,
                            fixture: http.fixture))
                case .module(let module):
                    modules.append(
                        ModuleItem(
                            file: finding.file, line: module.line, target: module.target, members: module.members,
                            createAllowed: module.createAllowed))
                }
            }
        }
    }
}
