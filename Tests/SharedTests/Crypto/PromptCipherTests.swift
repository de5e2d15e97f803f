import Crypto
import Shared
import SharedCrypto
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct PromptCipherTests {
    @Test func licenseIDsMatchUpstream() throws {
        let vectors = try CryptoVectors.json("pbkdf2.json")
        for entry in try CryptoVectors.cases(vectors, "licenseIds") {
            let userID = try CryptoVectors.string(entry, "userId")
            #expect(PromptCipher.licenseID(userID: userID) == (try CryptoVectors.string(entry, "licenseId")))
        }
    }

    @Test func derivedKeysMatchUpstream() throws {
        let vectors = try CryptoVectors.json("pbkdf2.json")
        for entry in try CryptoVectors.cases(vectors, "cases") {
            let label = try CryptoVectors.string(entry, "label")
            let userID = try CryptoVectors.string(entry, "userId")
            let licenseID = PromptCipher.licenseID(userID: userID)
            #expect(licenseID == (try CryptoVectors.string(entry, "licenseId")), "\(label)")
            let key = try PromptCipher.deriveKey(
                apiKey: CryptoVectors.string(entry, "apiKey"),
                licenseID: licenseID,
                hardwareID: CryptoVectors.string(entry, "hardwareId"),
                salt: CryptoVectors.string(entry, "salt"))
            let hex = key.withUnsafeBytes { Hex.encode($0) }
            #expect(hex == (try CryptoVectors.string(entry, "derivedKeyHex")), "\(label)")
        }
    }

    @Test func credentialsDeriveTheSameKeyAsTheFourInputs() throws {
        let credentials = Credentials(
            apiKey: "ak_test_0123456789abcdef0123456789abcdef", userID: "user_123",
            hardwareID: "3f2a9c4e1b7d6a5f8e0c2b4d6f8a1c3e", salt: "9b1d5e7f2a4c6e8b0d1f3a5c7e9b2d4f")
        let key = try PromptCipher.deriveKey(for: credentials)
        #expect(
            key.withUnsafeBytes { Hex.encode($0) }
                == "8a18d2c190fbbc5587e04ffdf8fb69a88d6903215894e8d32b9af903d13aef63")
    }

    @Test func validVectorsDecryptAndReEncryptByteForByte() throws {
        let vectors = try CryptoVectors.json("aes-gcm.json")
        for entry in try CryptoVectors.cases(vectors, "valid") {
            let label = try CryptoVectors.string(entry, "label")
            let key = try Self.key(entry)
            let plaintext = try PromptCipher.decrypt(
                encrypted: CryptoVectors.string(entry, "ciphertextBase64"),
                iv: CryptoVectors.string(entry, "ivBase64"),
                authTag: CryptoVectors.string(entry, "authTagBase64"),
                key: key)
            #expect(plaintext == (try CryptoVectors.string(entry, "upstreamDecryptResult")), "\(label)")
            #expect(Hex.encode(Array(plaintext.utf8)) == (try CryptoVectors.string(entry, "plaintextUtf8Hex")))

            let iv = try #require(Base64.decode(CryptoVectors.string(entry, "ivBase64")))
            let sealed = try PromptCipher.seal(Array(plaintext.utf8), iv: iv, key: key)
            #expect(Base64.encode(sealed.ciphertext) == (try CryptoVectors.string(entry, "ciphertextBase64")))
            #expect(Base64.encode(sealed.tag) == (try CryptoVectors.string(entry, "authTagBase64")), "\(label)")
        }
    }

    @Test func negativeVectorsFailAuthentication() throws {
        let vectors = try CryptoVectors.json("aes-gcm.json")
        for entry in try CryptoVectors.cases(vectors, "negative") {
            let label = try CryptoVectors.string(entry, "label")
            #expect(throws: CryptoError.authenticationFailed, "\(label)") {
                try PromptCipher.decrypt(
                    encrypted: CryptoVectors.string(entry, "ciphertextBase64"),
                    iv: CryptoVectors.string(entry, "ivBase64"),
                    authTag: CryptoVectors.string(entry, "authTagBase64"),
                    key: Self.key(entry))
            }
            // Upstream prints Node's message; so do we.
            #expect(
                CryptoError.authenticationFailed.description == (try CryptoVectors.string(entry, "upstreamError")))
        }
    }

    /// Upstream accepts unpadded and URL-safe base64 and decodes invalid UTF-8 to U+FFFD; we keep that. It also
    /// accepts truncated 4- and 12-byte tags, which make forgeries cheap; we refuse them on purpose.
    @Test func upstreamLeniencyCasesAreKeptExceptTruncatedTags() throws {
        let vectors = try CryptoVectors.json("aes-gcm.json")
        for entry in try CryptoVectors.cases(vectors, "upstreamLeniency") {
            let label = try CryptoVectors.string(entry, "label")
            let decrypt = {
                try PromptCipher.decrypt(
                    encrypted: CryptoVectors.string(entry, "ciphertextBase64"),
                    iv: CryptoVectors.string(entry, "ivBase64"),
                    authTag: CryptoVectors.string(entry, "authTagBase64"),
                    key: Self.key(entry))
            }
            let tagLength = try #require(Base64.decode(CryptoVectors.string(entry, "authTagBase64"))).count
            if tagLength != 16 {
                #expect(throws: CryptoError.invalidParameters("invalid auth tag length \(tagLength)"), "\(label)") {
                    try decrypt()
                }
            } else {
                let plaintext = try decrypt()
                #expect(
                    Hex.encode(Array(plaintext.utf8)) == (try CryptoVectors.string(entry, "upstreamPlaintextUtf8Hex")),
                    "\(label)")
            }
        }
    }

    @Test func shortIVIsRefusedBeforeDecrypting() throws {
        let key = SymmetricKey(size: .bits256)
        #expect(throws: CryptoError.invalidParameters("invalid IV length 8")) {
            try PromptCipher.open(
                ciphertext: [1, 2, 3], iv: Array(repeating: 0, count: 8), tag: Array(repeating: 0, count: 16), key: key)
        }
    }

    @Test func randomIVsAreSixteenFreshBytes() {
        let first = PromptCipher.randomIV()
        let second = PromptCipher.randomIV()
        #expect(first.count == 16)
        #expect(first != second)
    }

    private static func key(_ entry: JSONValue) throws -> SymmetricKey {
        SymmetricKey(data: try #require(Hex.decode(CryptoVectors.string(entry, "keyHex"))))
    }
}
