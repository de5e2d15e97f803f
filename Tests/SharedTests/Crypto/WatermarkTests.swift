import Shared
import SharedCrypto
import Testing

struct WatermarkTests {
    @Test func vectorsMatchUpstream() throws {
        let vectors = try CryptoVectors.json("watermark.json")
        for entry in try CryptoVectors.cases(vectors, "cases") {
            let label = try CryptoVectors.string(entry, "label")
            let input = try CryptoVectors.string(entry, "input")
            #expect(Hex.encode(Array(input.utf8)) == (try CryptoVectors.string(entry, "inputUtf8Hex")), "\(label)")
            let stripped = Watermark.strip(input)
            #expect(stripped == (try CryptoVectors.string(entry, "stripped")), "\(label)")
            #expect(Hex.encode(Array(stripped.utf8)) == (try CryptoVectors.string(entry, "strippedUtf8Hex")))
            #expect(Watermark.contentHash(input) == (try CryptoVectors.string(entry, "sha256OfStripped")), "\(label)")
            #expect(ContentHash.sha256Hex(input) == (try CryptoVectors.string(entry, "sha256OfInput")), "\(label)")
        }
    }

    @Test func mapIsExactlyTheSixEntryTable() throws {
        let vectors = try CryptoVectors.json("watermark.json")
        let table = try #require(vectors["map"]?.objectValue)
        #expect(table.count == Watermark.map.count)
        for (codePoint, replacement) in table {
            let value = try #require(UInt32(codePoint.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init))
            #expect(Watermark.map[value].map { String($0) } == replacement.stringValue, "\(codePoint)")
        }
    }
}
