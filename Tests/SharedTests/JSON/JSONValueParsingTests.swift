import Shared
import Testing

@testable import Shared

/// Parsing: structure, key order, duplicates, escapes, unicode, and every class of malformed input.
struct JSONValueParsingTests {
    private func failure(_ text: String) -> JSONError? {
        do {
            _ = try JSONValue.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(
            #" { "n": null, "t": true, "f": false, "i": -12, "d": 2.5e3, "s": "x", "a": [1, [], {}] } "#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["n", "t", "f", "i", "d", "s", "a"])
        #expect(value["n"] == .null)
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["i"]?.intValue == -12)
        #expect(value["d"]?.doubleValue == 2500)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["a"] == .array([.number(1), .array([]), .object(JSONObject())]))
    }

    @Test func keepsKeyOrderAsWritten() throws {
        let value = try JSONValue.parse(#"{"zeta":1,"alpha":2,"mid":3,"Beta":4}"#)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid", "Beta"])
        #expect(value.compact == #"{"zeta":1,"alpha":2,"mid":3,"Beta":4}"#)
    }

    @Test func duplicateKeyKeepsFirstPositionAndLastValue() throws {
        let value = try JSONValue.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == .number(3))
        #expect(value.compact == #"{"a":3,"b":2}"#)
    }

    @Test func decodesEveryEscape() throws {
        let value = try JSONValue.parse(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC""#)
        #expect(value == .string("\" \\ / \u{08} \u{0C} \n \r \t A é €"))
    }

    @Test func decodesSurrogatePairsAndLiteralUnicode() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONValue.parse(#""\uD834\uDD1E""#) == .string("𝄞"))
        #expect(try JSONValue.parse("\"héllo 😀 中文\"") == .string("héllo 😀 中文"))
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try JSONValue.parse(#""\ud800""#) == .string("\u{FFFD}"))
        #expect(try JSONValue.parse(#""\udc00x""#) == .string("\u{FFFD}x"))
        // A high surrogate followed by an escape that is not a low surrogate: both escapes survive separately.
        #expect(try JSONValue.parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))
    }

    @Test func invalidUTF8InsideStringsIsRepaired() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        #expect(try JSONValue.parse(bytes: bytes) == .string("a\u{FFFD}b"))
    }

    @Test func toleratesAByteOrderMark() throws {
        #expect(try JSONValue.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([1]))
    }

    @Test func parsesNumbers() throws {
        #expect(try JSONValue.parse("0") == .number(0))
        #expect(try JSONValue.parse("-0") == .number(0))
        #expect(try JSONValue.parse("1.25") == .number(1.25))
        #expect(try JSONValue.parse("-1E+2") == .number(-100))
        #expect(try JSONValue.parse("5e-1") == .number(0.5))
        #expect(try JSONValue.parse("123456789012345678901234567890") == .number(1.2345678901234568e29))
    }

    @Test func rejectsTrailingCommas() {
        #expect(failure("[1,2,]")?.offset == 5)
        #expect(failure(#"{"a":1,}"#)?.offset == 7)
    }

    @Test func rejectsLeadingZeros() {
        #expect(failure("01")?.offset == 1)
        #expect(failure("[00]")?.offset == 2)
        #expect(failure("-01")?.offset == 2)
    }

    @Test func rejectsMalformedNumbers() {
        #expect(failure("-")?.offset == 1)
        #expect(failure("1.")?.offset == 2)
        #expect(failure("1e")?.offset == 2)
        #expect(failure(".5")?.offset == 0)
        #expect(failure("+1")?.offset == 0)
    }

    @Test func rejectsUnterminatedStrings() {
        #expect(failure(#""abc"#)?.offset == 4)
        #expect(failure(#"{"key"#)?.offset == 5)
        #expect(failure(#"["a\"#)?.offset == 4)
    }

    @Test func rejectsBadEscapes() {
        #expect(failure(#""\x""#)?.offset == 3)
        #expect(failure(#""\u12G4""#)?.offset == 5)
        #expect(failure(#""\u12""#)?.offset == 3)
    }

    @Test func rejectsRawControlCharactersInStrings() {
        #expect(failure("\"a\nb\"")?.offset == 2)
        #expect(failure("\"\u{01}\"")?.offset == 1)
    }

    @Test func rejectsTrailingGarbage() {
        #expect(failure("{} x")?.offset == 3)
        #expect(failure("[1] [2]")?.offset == 4)
        #expect(failure("nullx")?.offset == 4)
    }

    @Test func rejectsBadLiteralsAndStructure() {
        #expect(failure("")?.offset == 0)
        #expect(failure("   ")?.offset == 3)
        #expect(failure("tru")?.offset == 0)
        #expect(failure("nul")?.offset == 0)
        #expect(failure("[1 2]")?.offset == 3)
        #expect(failure(#"{"a" 1}"#)?.offset == 5)
        #expect(failure("{1:2}")?.offset == 1)
        #expect(failure("[")?.offset == 1)
        #expect(failure("{")?.offset == 1)
        #expect(failure("'a'")?.offset == 0)
    }

    @Test func nestingIsCappedAt512() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue.parse(deepest) }
        let bomb = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = try #require(failure(bomb))
        #expect(error.offset == 512)
        #expect(error.reason.contains("512"))
        let hugeBomb = String(repeating: #"{"a":"#, count: 100_000)
        #expect(failure(hugeBomb) != nil)
    }

    @Test func errorDescriptionNamesTheOffset() throws {
        let error = try #require(failure("[1,]"))
        #expect(error.description == "invalid JSON at byte 3: unexpected character")
        #expect(error.exitStatus == .dataError)
    }
}
