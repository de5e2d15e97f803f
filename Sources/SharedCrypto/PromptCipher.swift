import Crypto
import CryptoExtras
import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The prompt recipe of compatibility.md#prompt-crypto: licenseId, PBKDF2-HMAC-SHA256 key, AES-256-GCM with a separate tag.
package enum PromptCipher {
    /// PBKDF2 iteration count used by the service.
    package static let rounds = 100_000
    /// Required GCM tag length; truncated tags (which Node accepts) are refused.
    package static let tagLength = 16

    /// `"lic_"` + the first 24 lowercase hex digits of SHA-256(userId).
    package static func licenseID(userID: String) -> String {
        "lic_" + ContentHash.sha256Hex(userID).prefix(24)
    }

    /// Derives the 32-byte prompt key from `"<apiKey>:<licenseId>:<hardwareId>"` and the salt's UTF-8 bytes.
    /// - Throws: `CryptoError.keyDerivationFailed` if the crypto library refuses the inputs.
    package static func deriveKey(
        apiKey: String,
        licenseID: String,
        hardwareID: String,
        salt: String
    ) throws(CryptoError) -> SymmetricKey {
        let password = Array("\(apiKey):\(licenseID):\(hardwareID)".utf8)
        do {
            return try KDF.Insecure.PBKDF2.deriveKey(
                from: password,
                salt: Array(salt.utf8),
                using: .sha256,
                outputByteCount: 32,
                unsafeUncheckedRounds: rounds
            )
        } catch {
            throw .keyDerivationFailed
        }
    }

    /// Derives the prompt key for stored credentials (licenseId from the userId).
    package static func deriveKey(for credentials: Credentials) throws(CryptoError) -> SymmetricKey {
        try deriveKey(
            apiKey: credentials.apiKey,
            licenseID: licenseID(userID: credentials.userID),
            hardwareID: credentials.hardwareID,
            salt: credentials.salt
        )
    }

    /// Opens AES-256-GCM parts (no AAD) and returns the raw plaintext bytes.
    /// - Throws: `CryptoError.invalidParameters` for an IV under 12 bytes or a tag that is not 16 bytes,
    ///   `CryptoError.authenticationFailed` when the tag does not verify.
    package static func open(
        ciphertext: [UInt8],
        iv: [UInt8],
        tag: [UInt8],
        key: SymmetricKey
    ) throws(CryptoError) -> [UInt8] {
        guard iv.count >= 12 else { throw .invalidParameters("invalid IV length \(iv.count)") }
        guard tag.count == tagLength else { throw .invalidParameters("invalid auth tag length \(tag.count)") }
        do {
            let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: iv), ciphertext: ciphertext, tag: tag)
            return Array(try AES.GCM.open(box, using: key))
        } catch {
            throw .authenticationFailed
        }
    }

    /// Decrypts a `{encrypted, iv, authTag}` payload (all base64) to text; invalid UTF-8 becomes U+FFFD, as in Node.
    package static func decrypt(
        encrypted: String,
        iv: String,
        authTag: String,
        key: SymmetricKey
    ) throws(CryptoError) -> String {
        guard let ciphertext = Base64.decode(encrypted) else { throw .invalidBase64(field: "encrypted") }
        guard let ivBytes = Base64.decode(iv) else { throw .invalidBase64(field: "iv") }
        guard let tagBytes = Base64.decode(authTag) else { throw .invalidBase64(field: "authTag") }
        let plaintext = try open(ciphertext: ciphertext, iv: ivBytes, tag: tagBytes, key: key)
        return String(decoding: plaintext, as: UTF8.self)
    }

    /// Decrypts a payload with the key derived from `credentials`.
    /// - Throws: `CryptoError` for a bad payload or a failed authentication.
    package static func decrypt(_ payload: EncryptedPayload, credentials: Credentials) throws(CryptoError) -> String {
        try decrypt(
            encrypted: payload.encrypted, iv: payload.iv, authTag: payload.authTag, key: deriveKey(for: credentials))
    }

    /// Seals bytes with AES-256-GCM (no AAD) under the given IV; returns `(ciphertext, tag)`.
    package static func seal(
        _ plaintext: [UInt8],
        iv: [UInt8],
        key: SymmetricKey
    ) throws(CryptoError) -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard iv.count >= 12 else { throw .invalidParameters("invalid IV length \(iv.count)") }
        do {
            let box = try AES.GCM.seal(plaintext, using: key, nonce: AES.GCM.Nonce(data: iv))
            return (Array(box.ciphertext), Array(box.tag))
        } catch {
            throw .invalidParameters("encryption failed")
        }
    }

    /// Sixteen fresh random bytes, the IV size the service and `credentials.enc` use.
    package static func randomIV() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
