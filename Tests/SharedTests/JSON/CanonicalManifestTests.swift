import Foundation
import Shared
import Testing

@testable import Shared

/// The canonical signed bytes of a prompt manifest (compatibility.md#manifest), built with `JSONValue` from the vector file.
struct CanonicalManifestTests {
    private func fixture(_ name: String) throws -> [UInt8] {
        try CryptoVectors.bytes(name)
    }

    /// `{version, algorithm, signing, prompts}` with prompt keys in UTF-16 code-unit order and entries as received.
    private func canonical(_ manifest: JSONValue) throws -> JSONValue {
        var object = JSONObject()
        for key in ["version", "algorithm", "signing"] {
            if let value = manifest[key] { object[key] = value }
        }
        if let prompts = manifest["prompts"]?.objectValue {
            var sorted = JSONObject()
            let keys = prompts.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for key in keys { sorted[key] = prompts[key] }
            object["prompts"] = .object(sorted)
        }
        return .object(object)
    }

    @Test func compactCanonicalFormEqualsTheSignedBytes() throws {
        let vectors = try JSONValue.parse(bytes: try fixture("manifest.json"))
        let manifest = try #require(vectors["signed"]?["manifest"])
        let expected = try fixture("manifest.canonical.txt")
        let bytes = Array(try canonical(manifest).compact.utf8)
        #expect(bytes.count == vectors["canonicalLength"]?.intValue)
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(bytes == expected)
    }

    @Test func standaloneSignedFileGivesTheSameBytes() throws {
        let manifest = try JSONValue.parse(bytes: try fixture("manifest.signed.json"))
        #expect(Array(try canonical(manifest).compact.utf8) == (try fixture("manifest.canonical.txt")))
    }

    @Test func utf16SortOrderMatchesUpstream() throws {
        let vectors = try JSONValue.parse(bytes: try fixture("manifest.json"))
        let cases = try #require(vectors["sortOrder"]?.arrayValue)
        #expect(!cases.isEmpty)
        for entry in cases {
            let input = (entry["input"]?.arrayValue ?? []).compactMap { $0.stringValue }
            let sorted = (entry["upstreamSorted"]?.arrayValue ?? []).compactMap { $0.stringValue }
            #expect(input.count > 1 && input.count == sorted.count)
            #expect(input.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) } == sorted)
        }
    }

    @Test func tamperedManifestGivesDifferentBytes() throws {
        let tampered = try JSONValue.parse(bytes: try fixture("manifest.tampered.json"))
        #expect(Array(try canonical(tampered).compact.utf8) != (try fixture("manifest.canonical.txt")))
    }
}
