import Crypto
import Shared
import SharedCrypto

/// An Ed25519 signing key for manifests: what the test servers use to sign what `ManifestVerifier` checks.
package struct ManifestSigner: Sendable {
    private let privateKey: Curve25519.Signing.PrivateKey

    /// A fresh random key.
    package init() {
        privateKey = Curve25519.Signing.PrivateKey()
    }

    /// The key for a 32-byte seed; nil when the seed is not 32 bytes.
    package init?(seed: [UInt8]) {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else { return nil }
        privateKey = key
    }

    /// The matching verification key.
    package var publicKey: ManifestPublicKey { ManifestPublicKey(key: privateKey.publicKey) }

    /// `manifest` with its `signature` set over the canonical bytes.
    /// - Throws: `CryptoError.invalidParameters` when the manifest has no `prompts` object.
    package func sign(_ manifest: JSONValue) throws -> JSONValue {
        guard var object = manifest.objectValue, let message = ManifestVerifier.canonicalBytes(of: manifest) else {
            throw CryptoError.invalidParameters("manifest has no prompts object")
        }
        object["signature"] = .string(Base64.encode(Array(try privateKey.signature(for: message))))
        return .object(object)
    }
}
