/// The kind of external dependency a mocked interaction stands in for.
package enum Boundary: String, Sendable, CaseIterable, Comparable {
    /// Databases, caches and ORMs (SQL, Mongo, Redis, repositories).
    case database
    /// HTTP, RPC and other network services.
    case api
    /// Files, directories and the file system APIs.
    case filesystem
    /// Anything the scanner cannot attribute to one of the above.
    case other

    /// Orders boundaries as declared (database, api, filesystem, other).
    package static func < (lhs: Boundary, rhs: Boundary) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .database: 0
        case .api: 1
        case .filesystem: 2
        case .other: 3
        }
    }
}
