/// A JSON value that keeps object key order, as JavaScript does.
///
/// It carries the workflow-state file (whose key order is part of the contract), hook context arguments and the
/// signed prompt manifest, whose canonical bytes follow `JSON.stringify`.
package enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}
