import Shared

extension MockClaim {
    /// `{"kind": "http"|"sql"|"module", …}` with the struct's field names; nil fields omitted.
    package var json: JSONValue {
        var fields: [(String, JSONValue)] = []
        func add(_ key: String, _ value: String?) { if let value { fields.append((key, .string(value))) } }
        func add(_ key: String, _ values: [String]) { fields.append((key, .array(values.map { .string($0) }))) }
        switch self {
        case .http(let claim):
            fields.append(("kind", .string("http")))
            add("method", claim.method)
            add("url", claim.url)
            add("host", claim.host)
            add("path", claim.path)
            if let status = claim.status { fields.append(("status", .number(Double(status)))) }
            add("responseFields", claim.responseFields)
            add("requestFields", claim.requestFields)
            add("fixture", claim.fixture)
        case .sql(let claim):
            fields.append(("kind", .string("sql")))
            add("statement", claim.statement)
            add("returnedColumns", claim.returnedColumns)
        case .module(let claim):
            fields.append(("kind", .string("module")))
            add("target", claim.target)
            add("members", claim.members)
            fields.append(("createAllowed", .bool(claim.createAllowed)))
        }
        fields.append(("line", .number(Double(line))))
        return .object(JSONObject(fields))
    }
}
