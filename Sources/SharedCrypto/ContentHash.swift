import Crypto
import Shared

/// SHA-256 helpers matching Node's `createHash('sha256').update(s).digest('hex')`.
package enum ContentHash {
    /// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
    package static func sha256Hex(_ text: String) -> String {
        Hex.encode(SHA256.hash(data: Array(text.utf8)))
    }

    /// Lowercase hex SHA-256 of raw bytes.
    package static func sha256Hex(bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }

    /// Raw 32-byte SHA-256 of the UTF-8 bytes of `text`.
    package static func sha256(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(text.utf8)))
    }
}
