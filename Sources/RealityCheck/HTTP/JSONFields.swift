import Shared

/// Field paths of a JSON value: `a`, `a.b`, `items[].id`, and `[].id` for a top-level array.
package enum JSONFields {
    /// The paths of `value` (arrays contribute the union of their first 50 elements).
    package static func paths(_ value: JSONValue) -> Set<String> {
        var result: Set<String> = []
        collect(value, prefix: "", into: &result, depth: 0)
        return result
    }

    /// The paths of JSON text, or nil when it is not JSON.
    package static func paths(text: String) -> Set<String>? {
        guard let value = try? JSONValue.parse(text) else { return nil }
        return paths(value)
    }

    private static func collect(_ value: JSONValue, prefix: String, into result: inout Set<String>, depth: Int) {
        guard depth < 16 else { return }
        switch value {
        case .object(let object):
            for (key, child) in object {
                let path = prefix.isEmpty ? key : prefix + "." + key
                result.insert(path)
                collect(child, prefix: path, into: &result, depth: depth + 1)
            }
        case .array(let elements):
            for element in elements.prefix(50) {
                collect(element, prefix: prefix + "[]", into: &result, depth: depth + 1)
            }
        default:
            break
        }
    }
}
