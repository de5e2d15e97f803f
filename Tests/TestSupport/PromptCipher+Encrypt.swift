import Shared
import SharedCrypto

extension PromptCipher {
    /// Encrypts text the way the service does (PBKDF2 key from `credentials`, AES-256-GCM, no AAD).
    /// - Parameter iv: the IV (16 bytes from the service); random when nil.
    package static func encrypt(_ text: String, credentials: Credentials, iv: [UInt8]? = nil) throws(CryptoError)
        -> EncryptedPayload
    {
        let ivBytes = iv ?? randomIV()
        let sealed = try seal(Array(text.utf8), iv: ivBytes, key: deriveKey(for: credentials))
        return EncryptedPayload(
            encrypted: Base64.encode(sealed.ciphertext), iv: Base64.encode(ivBytes), authTag: Base64.encode(sealed.tag))
    }
}
