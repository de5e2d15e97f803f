/// What one mock site asserts about the real dependency it stands in for.
package enum MockClaim: Sendable, Equatable {
    /// An HTTP interaction: method, URL, status, bodies.
    case http(HTTPClaim)
    /// A SQL statement and the columns the mock returns.
    case sql(SQLClaim)
    /// A mocked module or type and the members it stubs.
    case module(ModuleClaim)

    /// The 1-based line the claim is written on.
    package var line: Int {
        switch self {
        case .http(let claim): claim.line
        case .sql(let claim): claim.line
        case .module(let claim): claim.line
        }
    }
}
