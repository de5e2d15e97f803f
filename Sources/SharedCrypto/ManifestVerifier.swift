import Crypto
import Shared

/// Ed25519 verification of the prompt manifest over the canonical bytes of compatibility.md#manifest.
package enum ManifestVerifier {
    /// True when `signature` (base64 of 64 bytes) is a valid signature of the canonical bytes under `key`.
    /// Any malformed part makes it false, as upstream's catch-all does.
    package static func verify(_ manifest: JSONValue, key: ManifestPublicKey) -> Bool {
        guard let message = canonicalBytes(of: manifest),
            let signatureText = manifest["signature"]?.stringValue,
            let signature = Base64.decode(signatureText), signature.count == 64
        else { return false }
        return key.key.isValidSignature(signature, for: message)
    }
}
