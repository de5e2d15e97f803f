extension JSONValue {
    /// Parses a JSON text.
    /// - Throws: `JSONError` naming the byte offset of the first problem.
    package static func parse(_ text: String) throws(JSONError) -> JSONValue {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses JSON bytes (UTF-8; invalid sequences inside strings become U+FFFD).
    /// - Throws: `JSONError` naming the byte offset of the first problem.
    package static func parse(bytes: [UInt8]) throws(JSONError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    /// Parses JSON bytes within `limits` (depth, value count, time).
    /// - Throws: `JSONError` naming the byte offset of the first problem or the limit reached.
    package static func parse(bytes: [UInt8], limits: JSONLimits) throws(JSONError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, limits: limits)
        return try parser.parseDocument()
    }
}
