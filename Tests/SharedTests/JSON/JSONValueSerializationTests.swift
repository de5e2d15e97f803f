import Shared
import Testing

@testable import Shared

/// Serialisation: exactly JavaScript's `JSON.stringify(v)` and `JSON.stringify(v, null, 2)`.
struct JSONValueSerializationTests {
    @Test(arguments: [
        (1.0, "1"), (-0.0, "0"), (0.0, "0"), (1.5, "1.5"), (-1.5, "-1.5"), (100.0, "100"),
        (1e21, "1e+21"), (1e-7, "1e-7"), (0.000001, "0.000001"), (0.0000012, "0.0000012"),
        (123456789012345680000.0, "123456789012345680000"), (0.1 + 0.2, "0.30000000000000004"),
        (1e20, "100000000000000000000"), (9007199254740993.0, "9007199254740992"), (-1e-7, "-1e-7"),
        (1.5e300, "1.5e+300"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (123.456, "123.456"), (0.5, "0.5"), (2.5e-5, "0.000025"), (1.23e-18, "1.23e-18"),
        (-123456789.25, "-123456789.25"), (4294967296.0, "4294967296"), (1.2e22, "1.2e+22"),
    ])
    func numbersAreFormattedLikeJavaScript(value: Double, expected: String) {
        #expect(JSONValue.number(value).compact == expected)
        #expect(JSONValue.javaScriptNumber(value) == expected)
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONValue.number(.infinity).compact == "null")
        #expect(JSONValue.number(-.infinity).compact == "null")
        #expect(JSONValue.number(.nan).compact == "null")
    }

    @Test func escapesOnlyQuoteBackslashAndControlCharacters() {
        let text = "\" \\ / \u{08} \u{0C} \n \r \t \u{00} \u{01} \u{1F} \u{7F} é 😀 \u{2028}"
        #expect(
            JSONValue.string(text).compact
                == #""\" \\ / \b \f \n \r \t \u0000 \u0001 \u001f "# + "\u{7F} é 😀 \u{2028}\"")
    }

    @Test func escapesKeysToo() {
        let value: JSONValue = .object(JSONObject([("a\"b\n", .number(1))]))
        #expect(value.compact == #"{"a\"b\n":1}"#)
    }

    @Test func compactHasNoWhitespace() {
        let value: JSONValue = ["b": [1, "two", nil, true, false], "a": ["x": 1.5], "e": [:], "f": []]
        #expect(value.compact == #"{"b":[1,"two",null,true,false],"a":{"x":1.5},"e":{},"f":[]}"#)
    }

    @Test func prettyMatchesJSONStringifyWithTwoSpaces() {
        let value: JSONValue = [
            "currentFeature": "a\"b", "steps": [1, [], [:], ["k": nil]], "empty": [:], "list": [], "n": 0.5,
        ]
        let expected = """
            {
              "currentFeature": "a\\"b",
              "steps": [
                1,
                [],
                {},
                {
                  "k": null
                }
              ],
              "empty": {},
              "list": [],
              "n": 0.5
            }
            """
        #expect(value.pretty == expected)
    }

    @Test func prettyOfScalarsAndEmptyContainers() {
        #expect(JSONValue.object(JSONObject()).pretty == "{}")
        #expect(JSONValue.array([]).pretty == "[]")
        #expect(JSONValue.string("x").pretty == #""x""#)
        #expect(JSONValue.null.pretty == "null")
        #expect(JSONValue.array([[]]).pretty == "[\n  []\n]")
    }

    @Test func roundTripKeepsTextByteForByte() throws {
        let texts = [
            #"{"version":3,"supervisor":"watching","chainState":{"ideate":"done","plan":"active"},"x":[1,2.5,-3e-7]}"#,
            #"[null,true,false,"\u0000\"\\/",{"":{}},[]]"#,
            #"{"emoji":"😀","cjk":"中文","nbsp":" "}"#,
        ]
        for text in texts {
            let value = try JSONValue.parse(text)
            let again = try JSONValue.parse(value.compact)
            #expect(again == value)
            #expect(again.compact == value.compact)
            #expect(try JSONValue.parse(value.pretty) == value)
        }
        // Text already in JavaScript's canonical form survives unchanged (note `\/` is emitted as `/`).
        #expect(try JSONValue.parse(texts[0]).compact == texts[0])
        #expect(try JSONValue.parse(texts[1]).compact == #"[null,true,false,"\u0000\"\\/",{"":{}},[]]"#)
    }

    @Test func objectEditingKeepsPositions() {
        var object = JSONObject([("a", 1), ("b", 2), ("c", 3)])
        object["b"] = "x"
        object["d"] = 4
        object["a"] = nil
        #expect(object.keys == ["b", "c", "d"])
        #expect(object.removeValue(forKey: "c") == .number(3))
        #expect(object.removeValue(forKey: "missing") == nil)
        object["c"] = 5
        #expect(JSONValue.object(object).compact == #"{"b":"x","d":4,"c":5}"#)
        #expect(object.count == 3)
    }

    @Test func accessorsAndTruthiness() {
        let value: JSONValue = ["s": "t", "n": 2, "f": 2.5, "b": true, "o": [:], "a": [1]]
        #expect(value["s"]?.stringValue == "t")
        #expect(value["n"]?.intValue == 2)
        #expect(value["f"]?.intValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["o"]?.objectValue?.isEmpty == true)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["missing"] == nil)
        #expect(JSONValue.string("x")["key"] == nil)
        #expect(JSONValue.null.isNull)
        #expect(!JSONValue.number(0).isTruthy && !JSONValue.string("").isTruthy && !JSONValue.null.isTruthy)
        #expect(JSONValue.array([]).isTruthy && JSONValue.object(JSONObject()).isTruthy)
        #expect(JSONValue.number(3).displayText == "3" && JSONValue.string("a").displayText == "a")
        #expect(JSONValue.array([1, "a"]).displayText == #"[1,"a"]"#)
    }
}
