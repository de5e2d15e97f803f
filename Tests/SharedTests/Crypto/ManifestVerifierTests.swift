import Crypto
import Shared
import SharedCrypto
import TestSupport
import Testing

struct ManifestVerifierTests {
    private static func testKey() throws -> ManifestPublicKey {
        let vectors = try CryptoVectors.json("manifest.json")
        let spki = try CryptoVectors.string(try #require(vectors["testKey"]), "publicKeySpkiDerBase64")
        return try #require(ManifestPublicKey(spkiBase64: spki))
    }

    @Test func canonicalBytesMatchUpstreamExactly() throws {
        let vectors = try CryptoVectors.json("manifest.json")
        let manifest = try CryptoVectors.json("manifest.signed.json")
        let bytes = try #require(ManifestVerifier.canonicalBytes(of: manifest))
        #expect(bytes == (try CryptoVectors.bytes("manifest.canonical.txt")))
        #expect(bytes.count == (try #require(vectors["canonicalLength"]?.intValue)))
        #expect(ContentHash.sha256Hex(bytes: bytes) == (try CryptoVectors.string(vectors, "canonicalSha256")))
    }

    @Test func signedManifestVerifiesAndTamperedDoesNot() throws {
        let key = try Self.testKey()
        #expect(ManifestVerifier.verify(try CryptoVectors.json("manifest.signed.json"), key: key))
        #expect(!ManifestVerifier.verify(try CryptoVectors.json("manifest.tampered.json"), key: key))
        let vectors = try CryptoVectors.json("manifest.json")
        for name in ["signed", "tampered"] {
            let entry = try #require(vectors[name])
            let expected = try #require(entry["upstreamVerifies"]?.boolValue as Bool?)
            #expect(ManifestVerifier.verify(try #require(entry["manifest"]), key: key) == expected, "\(name)")
        }
    }

    @Test func everyVariantMatchesUpstream() throws {
        let vectors = try CryptoVectors.json("manifest.json")
        let testKey = try Self.testKey()
        for variant in try CryptoVectors.cases(vectors, "variants") {
            let label = try CryptoVectors.string(variant, "label")
            let manifest: JSONValue
            if let raw = variant["manifestRawJson"]?.stringValue {
                manifest = try JSONValue.parse(raw)
            } else {
                manifest = try #require(variant["manifest"])
            }
            let key = label.contains("production public key") ? ManifestPublicKey.production : testKey
            let expected = try #require(variant["upstreamVerifies"]?.boolValue as Bool?)
            #expect(ManifestVerifier.verify(manifest, key: key) == expected, "\(label)")
        }
    }

    @Test func promptKeysSortByUTF16CodeUnits() throws {
        let vectors = try CryptoVectors.json("manifest.json")
        for entry in try CryptoVectors.cases(vectors, "sortOrder") {
            let input = try #require(entry["input"]?.arrayValue).compactMap(\.stringValue)
            let expected = try #require(entry["upstreamSorted"]?.arrayValue).compactMap(\.stringValue)
            let sorted = ManifestVerifier.sortedPromptKeys(input)
            // Compare scalar by scalar: Swift's String == would equate precomposed and decomposed "é".
            #expect(sorted.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
        }
    }

    @Test func canonicalBytesReorderPromptsButNotEntries() throws {
        let manifest = try JSONValue.parse(
            #"{"signing":"ed25519","prompts":{"b/x":{"size":1,"hash":"h"},"a/y":{"hash":"g","size":2.0}},"version":1}"#)
        let bytes = try #require(ManifestVerifier.canonicalBytes(of: manifest))
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"version":1,"signing":"ed25519","prompts":{"a/y":{"hash":"g","size":2},"b/x":{"size":1,"hash":"h"}}}"#
        )
    }

    @Test func productionKeyIsTheDocumentedRawKey() throws {
        let vectors = try CryptoVectors.json("manifest.json")
        let production = try #require(vectors["productionKey"])
        #expect(ManifestPublicKey.productionSPKI == (try CryptoVectors.string(production, "publicKeySpkiDerBase64")))
        #expect(
            Hex.encode(ManifestPublicKey.production.key.rawRepresentation)
                == (try CryptoVectors.string(production, "publicKeyRawHex")))
        #expect(ManifestPublicKey.production.spkiBase64 == ManifestPublicKey.productionSPKI)
    }

    @Test func malformedKeysAndManifestsAreRejected() throws {
        #expect(ManifestPublicKey(spkiBase64: "not base64!") == nil)
        #expect(ManifestPublicKey(spkiBase64: Base64.encode(Array(repeating: 0, count: 44))) == nil)
        let key = try Self.testKey()
        let signed = try CryptoVectors.json("manifest.signed.json")
        var object = try #require(signed.objectValue)
        object["signature"] = "AAAA"
        #expect(!ManifestVerifier.verify(.object(object), key: key))
        object["signature"] = nil
        #expect(!ManifestVerifier.verify(.object(object), key: key))
        #expect(!ManifestVerifier.verify(["version": 1, "prompts": "x", "signature": "AAAA"], key: key))
        #expect(ManifestVerifier.canonicalBytes(of: ["version": 1]) == nil)
    }

    @Test func signingProducesManifestsThatVerify() throws {
        let signer = ManifestSigner()
        let publicKey = signer.publicKey
        let manifest: JSONValue = [
            "version": 2, "generatedAt": "2026-01-01T00:00:00.000Z", "algorithm": "sha256", "signing": "ed25519",
            "prompts": ["commands/plan": ["hash": "abc", "size": 3]],
        ]
        let signed = try signer.sign(manifest)
        #expect(ManifestVerifier.verify(signed, key: publicKey))
        #expect(ManifestPublicKey(spkiBase64: publicKey.spkiBase64) != nil)
        #expect(!ManifestVerifier.verify(signed, key: try Self.testKey()))
    }
}
