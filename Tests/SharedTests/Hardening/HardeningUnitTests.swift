import Notify
import SessionLog
import Shared
import TestSupport
import Testing

/// Issue 10 items 3, 6, 8 and 13 at the library level.
struct HardeningUnitTests {
    @Test func hugeLogNumbersAreClampedWithOneWarning() throws {
        try withTemporaryDirectory { root in
            try writeFile(
                root + "/settings.json",
                #"{"logs":{"maxArchiveCount":1e19,"maxSessionSizeMB":1e300,"maxArchiveAgeDays":3,"maxCommandLogSizeKB":2e9}}"#
            )
            let (settings, warning) = Settings.load(path: root + "/settings.json")
            #expect(settings.maxArchiveCount == 100_000)
            #expect(settings.maxSessionSizeMB == 1_048_576)
            #expect(settings.maxCommandLogSizeKB == 1_073_741_824)
            #expect(settings.maxArchiveAgeDays == 3)
            let text = try #require(warning)
            #expect(text.hasPrefix("warning: \(root)/settings.json: logs.maxSessionSizeMB "))
            #expect(!text.contains("\n"))
            let book = LogBook(base: root, settings: settings)
            #expect(book.limit(for: book.sessionLog) == 1_099_511_627_776)
        }
    }

    @Test func sayGetsTheMessageAfterDoubleDash() {
        let command = AudioPlayer.command(
            style: "audio", message: "-o/tmp/owned", settings: Settings(), platform: .macOS,
            which: { $0 == "say" ? "/usr/bin/say" : nil })
        #expect(command == ["/usr/bin/say", "-v", "Samantha", "--", "-o/tmp/owned"])
    }

    @Test(arguments: ["%2e%2e", "a%2Fb", "build%00", "%5c", "x%2E"])
    func percentEncodedNamesAreRejected(name: String) {
        #expect(throws: APIError.invalidName(name, reason: "the name must not contain percent-encoded characters")) {
            try PromptReference.validate(name: name)
        }
    }

    @Test(arguments: ["100%", "50%off", "%zz", "plan"])
    func percentSignsThatEncodeNothingAreAllowed(name: String) throws {
        try PromptReference.validate(name: name)
    }

    @Test func objectKeepsFirstPositionAndLastValueOfDuplicateKeys() throws {
        let value = try JSONValue.parse(#"{"b": 1, "a": 2, "b": 3, "10": 4, "2": 5}"#)
        #expect(value.compact == #"{"b":3,"a":2,"10":4,"2":5}"#)
        var object = try #require(value.objectValue)
        object["a"] = nil
        object["c"] = .null
        object["b"] = .bool(true)
        #expect(JSONValue.object(object).compact == #"{"b":true,"10":4,"2":5,"c":null}"#)
        #expect(object.keys == ["b", "10", "2", "c"])
        #expect(Array(object.map(\.key)) == object.keys)
    }

    @Test func networkLimitsCapValuesAndDepth() {
        let many = "[" + String(repeating: "0,", count: 1_000_000) + "0]"
        #expect(throws: JSONError.self) { try JSONValue.parse(bytes: Array(many.utf8), limits: .network()) }
        #expect((try? JSONValue.parse(many)) != nil, "local files keep the old limits")
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONError.self) { try JSONValue.parse(bytes: Array(deep.utf8), limits: .network()) }
        let expired = JSONLimits(maximumDepth: 64, maximumValues: .max, budget: TimeBudget(seconds: 0))
        #expect(throws: JSONError.self) {
            try JSONValue.parse(
                bytes: Array(("[" + String(repeating: "1,", count: 10_000) + "1]").utf8), limits: expired)
        }
    }
}
