import Crypto
import Shared

/// An Ed25519 public key for the prompt manifest, given as base64 SPKI DER like upstream's constant.
package struct ManifestPublicKey: Sendable {
    /// The production key compiled into upstream `oss-decrypt` (compatibility.md#manifest).
    package static let productionSPKI = "MCowBQYDK2VwAyEAAwFG32b8TuiVTxrDnXzNrb2v68YN5U9epLnZ3O7pQaI="

    /// The environment variable that overrides the key (self-hosted APIs and tests).
    ///
    /// Security meaning: whoever sets it decides which manifests count as authentic, so it must only ever point
    /// at a key the user controls; oss-decrypt announces the override on stderr every time it is used.
    package static let environmentVariable = "OSS_MANIFEST_PUBLIC_KEY"

    // The fixed SPKI header of an Ed25519 key: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes) }.
    private static let spkiPrefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// The verifying key.
    package let key: Curve25519.Signing.PublicKey

    /// The production key.
    package static let production: ManifestPublicKey = {
        guard let key = ManifestPublicKey(spkiBase64: productionSPKI) else {
            preconditionFailure("the compiled-in manifest key is a valid SPKI key")
        }
        return key
    }()

    /// Parses base64 SPKI DER (44 bytes: the 12-byte Ed25519 prefix then the raw key); nil otherwise.
    package init?(spkiBase64: String) {
        guard let der = Base64.decode(spkiBase64.trimmingWhitespace), der.count == 44,
            Array(der.prefix(12)) == Self.spkiPrefix,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
        else { return nil }
        self.key = key
    }

    /// Wraps a raw key (tests, the loopback server).
    package init(key: Curve25519.Signing.PublicKey) {
        self.key = key
    }

    /// The key as base64 SPKI DER.
    package var spkiBase64: String {
        Base64.encode(Self.spkiPrefix + Array(key.rawRepresentation))
    }
}
