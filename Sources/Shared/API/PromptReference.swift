/// A validated `--type`/`--name` pair (D35): the type is one of the known kinds and the name is a single safe
/// path segment, percent-encoded before it reaches a URL.
package struct PromptReference: Equatable, Sendable {
    /// The prompt types the API serves.
    package static let allowedTypes = ["commands", "workflows", "skills", "agents", "hooks", "custom"]

    /// The prompt type.
    package let type: String
    /// The prompt name as given.
    package let name: String

    /// Validates both parts.
    /// - Throws: `APIError.invalidPromptType` or `APIError.invalidName`, before any URL exists.
    package init(type: String, name: String) throws(APIError) {
        guard Self.allowedTypes.contains(type) else { throw .invalidPromptType(type) }
        try Self.validate(name: name)
        self.type = type
        self.name = name
    }

    /// The manifest key, `<type>/<name>`.
    package var manifestKey: String { "\(type)/\(name)" }

    /// The name encoded for a URL path segment.
    package var encodedName: String { Self.percentEncode(name) }

    /// Checks a name used as one URL path segment: 1–100 UTF-16 units, no `/`, `\`, `..`, control characters
    /// (NUL included), no percent-encoded byte (`%2e`, `%2F`, `%00`: no real name has one), and not `.`.
    /// - Throws: `APIError.invalidName` saying which rule failed.
    package static func validate(name: String) throws(APIError) {
        let length = name.utf16.count
        guard length >= 1 else { throw .invalidName(name, reason: "the name is empty") }
        guard length <= 100 else { throw .invalidName(name, reason: "the name is longer than 100 characters") }
        if name.contains("/") || name.contains("\\") {
            throw .invalidName(name, reason: "the name must not contain / or \\")
        }
        if name.contains("..") || name == "." { throw .invalidName(name, reason: "the name must not contain ..") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            throw .invalidName(name, reason: "the name must not contain control characters")
        }
        if containsPercentEncoding(name) {
            throw .invalidName(name, reason: "the name must not contain percent-encoded characters")
        }
    }

    /// Whether `text` holds `%` followed by two hexadecimal digits.
    private static func containsPercentEncoding(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return false }
        return (0..<bytes.count - 2).contains { index in
            bytes[index] == UInt8(ascii: "%") && isHexDigit(bytes[index + 1]) && isHexDigit(bytes[index + 2])
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }

    /// JavaScript `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` as UTF-8 `%XX`.
    package static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("),
                UInt8(ascii: ")"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + Hex.encode([byte]).uppercased()
            }
        }
        return out
    }
}
