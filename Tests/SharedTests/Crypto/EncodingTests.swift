import Shared
import Testing

struct EncodingTests {
    @Test func base64RoundTripsEveryLength() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let text = Base64.encode(bytes)
            #expect(text.utf8.count % 4 == 0)
            #expect(Base64.decode(text) == bytes, "\(length)")
        }
    }

    @Test func base64AcceptsNodesVariantsAndRejectsForeignCharacters() {
        #expect(Base64.encode(Array("Hello".utf8)) == "SGVsbG8=")
        #expect(Base64.decode("SGVsbG8") == Array("Hello".utf8))
        #expect(Base64.decode("SGVs\nbG8=") == Array("Hello".utf8))
        #expect(Base64.decode("-_8") == [0xfb, 0xff])
        #expect(Base64.decode("+/8=") == [0xfb, 0xff])
        #expect(Base64.decode("SGVs*bG8=") == nil)
        #expect(Base64.decode("SG=Vs") == nil)
    }

    @Test func hexRoundTripsAndRejectsBadDigits() {
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(Hex.decode("000FA0ff") == [0x00, 0x0f, 0xa0, 0xff])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
