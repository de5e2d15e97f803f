import Shared

/// Locates values in a JSON document that `JSONValue.parse` has already accepted (so it checks little itself).
struct JSONSpanScanner {
    private let bytes: [UInt8]
    private var offset = 0

    /// Scans the document's top-level value.
    /// - Throws: `JSONError` when the text is not the valid JSON it is meant to be.
    static func scan(_ bytes: [UInt8]) throws(JSONError) -> JSONSpan {
        _ = try JSONValue.parse(bytes: bytes)
        var scanner = JSONSpanScanner(bytes: bytes)
        scanner.skipWhitespace()
        return try scanner.value()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
    }

    private mutating func value() throws(JSONError) -> JSONSpan {
        guard offset < bytes.count else { throw JSONError(offset: offset, reason: "unexpected end") }
        let start = offset
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            var span = JSONSpan(kind: .object, start: start, end: start)
            skipWhitespace()
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "}") {
                let keyStart = offset
                let key = try string()
                skipWhitespace()
                offset += 1  // ':'
                skipWhitespace()
                span.members.append(JSONSpan.Member(key: key, keyStart: keyStart, value: try value()))
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: ",") {
                    offset += 1
                    skipWhitespace()
                }
            }
            offset += 1
            span.end = offset
            return span
        case UInt8(ascii: "["):
            offset += 1
            var span = JSONSpan(kind: .array, start: start, end: start)
            skipWhitespace()
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "]") {
                span.elements.append(try value())
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: ",") {
                    offset += 1
                    skipWhitespace()
                }
            }
            offset += 1
            span.end = offset
            return span
        case UInt8(ascii: "\""):
            _ = try string()
            return JSONSpan(kind: .scalar, start: start, end: offset)
        default:
            while offset < bytes.count, !" \n\r\t,]}".utf8.contains(bytes[offset]) { offset += 1 }
            return JSONSpan(kind: .scalar, start: start, end: offset)
        }
    }

    /// Reads a string token and returns its decoded text.
    private mutating func string() throws(JSONError) -> String {
        let start = offset
        offset += 1
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
            offset += bytes[offset] == UInt8(ascii: "\\") ? 2 : 1
        }
        offset += 1
        guard offset <= bytes.count else { throw JSONError(offset: start, reason: "unterminated string") }
        return try JSONValue.parse(bytes: Array(bytes[start..<offset])).stringValue ?? ""
    }
}
