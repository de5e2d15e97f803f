import Shared

extension NotificationCopy {
    /// `template` with each `{word}` (letters, digits, `_`) replaced by JavaScript's `String(value)` of that
    /// context member; a missing or null member leaves the placeholder as written.
    package static func interpolate(_ template: String, _ context: JSONObject) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            let name = rest[afterOpen...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            let close = name.endIndex
            if !name.isEmpty, close < rest.endIndex, rest[close] == "}",
                let value = context[String(name)], !value.isNull
            {
                result += javaScriptString(value)
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// JavaScript's `String(value)`: arrays join their elements with `,` (null as empty), objects are
    /// `[object Object]`.
    package static func javaScriptString(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements):
            return elements.map { $0.isNull ? "" : javaScriptString($0) }.joined(separator: ",")
        case .object:
            return "[object Object]"
        default:
            return value.displayText
        }
    }
}
