import Shared

/// Failures of the prompt and credential cryptography.
package enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// AES-GCM rejected the tag: wrong key, or a tampered IV, tag or ciphertext.
    case authenticationFailed
    /// A field that must be base64 is not.
    case invalidBase64(field: String)
    /// The IV or tag has a length this implementation refuses (IV < 12 bytes, tag other than 16 bytes).
    case invalidParameters(String)
    /// Key derivation failed inside the crypto library.
    case keyDerivationFailed
    /// `credentials.enc` is not `iv:tag:ciphertext`, or its plaintext is not the expected JSON object.
    case malformedCredentials

    package var description: String {
        switch self {
        // Node's message for a GCM failure, which upstream prints as `Error: <message>`.
        case .authenticationFailed: "Unsupported state or unable to authenticate data"
        case .invalidBase64(let field): "invalid base64 in \(field)"
        case .invalidParameters(let detail): detail
        case .keyDerivationFailed: "key derivation failed"
        case .malformedCredentials: "malformed credentials file"
        }
    }
}

extension CryptoError: ReportableError {
    /// Every crypto failure is bad input data.
    package var exitStatus: ExitStatus { .dataError }
}
