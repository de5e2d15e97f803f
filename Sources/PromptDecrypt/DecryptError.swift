import Shared
import SharedCrypto

/// oss-decrypt failures that are not HTTP or crypto errors. Descriptions are upstream's messages where one exists.
package enum DecryptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `config.json` has no `apiKey`.
    case noAPIKey
    /// `credentials.enc` is missing, malformed or was written for another machine or user.
    case credentialsNotFound
    /// The credentials belong to another API key than `config.json` holds (the key was rotated).
    case credentialsForAnotherKey
    /// The manifest signature did not verify.
    case manifestSignatureFailed
    /// The prompt's hash does not match the manifest.
    case promptIntegrityFailed
    /// `OSS_MANIFEST_PUBLIC_KEY` is set but is not a base64 Ed25519 SPKI key.
    case invalidManifestKeyOverride
    /// A file could not be written (credentials, update state).
    case storage(String)

    package var description: String {
        switch self {
        case .noAPIKey: "No API key configured. Run /oss:login first."
        case .credentialsNotFound: "Credentials not found. Run setup first."
        case .credentialsForAnotherKey:
            "Credentials were created for a different API key. Run: ~/.oss/bin/oss-decrypt --setup"
        case .manifestSignatureFailed: "[SECURITY] Manifest signature verification FAILED. Prompt delivery blocked."
        case .promptIntegrityFailed: "[SECURITY] Prompt integrity check FAILED. Content may have been tampered with."
        case .invalidManifestKeyOverride:
            "\(ManifestPublicKey.environmentVariable) is not a base64 Ed25519 public key (SPKI DER)"
        case .storage(let detail): detail
        }
    }
}

extension DecryptError: ReportableError {
    /// sysexits mapping, used by the hidden flags; contract flows exit 1.
    package var exitStatus: ExitStatus {
        switch self {
        case .noAPIKey, .invalidManifestKeyOverride: .config
        case .credentialsNotFound, .credentialsForAnotherKey: .noPermission
        case .manifestSignatureFailed, .promptIntegrityFailed: .dataError
        case .storage: .ioError
        }
    }
}
