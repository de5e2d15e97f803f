/// Whether a test file has at least one test that runs: test declarations minus skipped or disabled ones.
/// `@DisabledInNativeImage`, `@DisabledInAotMode` and `@DisabledOnOs` do not disable a normal run.
enum TestRunDetector {
    /// The verdict for one file, with the line of the disabling marker when every test is off.
    struct Verdict: Equatable {
        var runs: Bool
        var tests: Int
        var skipped: Int
        var marker: String?
    }

    /// Counts tests and skips in one linear pass over the masked identifiers.
    static func verdict(for source: SourceText) -> Verdict {
        let masked = source.masked
        var tests = 0
        var skipped = 0
        var marker: String?
        var fileDisabled = false
        var index = 0
        var previousWord = ""
        while index < masked.count {
            let byte = masked[index]
            guard byte.isIdentifierByte || byte == UInt8(ascii: "@") else {
                index += 1
                continue
            }
            let start = byte == UInt8(ascii: "@") ? index + 1 : index
            let range = source.identifier(at: start)
            guard !range.isEmpty else {
                index += 1
                continue
            }
            let word = String(decoding: masked[range], as: UTF8.self)
            let annotated = byte == UInt8(ascii: "@")
            let next = range.upperBound < masked.count ? masked[range.upperBound] : 0
            index = range.upperBound
            defer { previousWord = word }
            switch source.language {
            case .javascript:
                if ["it", "test", "specify"].contains(word), next == UInt8(ascii: "(") || next == UInt8(ascii: ".") {
                    if previousWord != "." { tests += 1 }
                    if next == UInt8(ascii: "."), source.identifier(at: range.upperBound + 1).count == 4,
                        String(decoding: masked[source.identifier(at: range.upperBound + 1)], as: UTF8.self) == "skip"
                    {
                        skipped += 1
                        marker = "\(word).skip"
                    }
                } else if ["xit", "xtest", "xspecify"].contains(word), next == UInt8(ascii: "(") {
                    tests += 1
                    skipped += 1
                    marker = word
                } else if word == "describe" || word == "suite", next == UInt8(ascii: "."),
                    String(decoding: masked[source.identifier(at: range.upperBound + 1)], as: UTF8.self) == "skip",
                    tests == 0
                {
                    fileDisabled = true
                    marker = "\(word).skip"
                } else if word == "xdescribe", tests == 0 {
                    fileDisabled = true
                    marker = "xdescribe"
                }
            case .python:
                if word.hasPrefix("test"), previousWord == "def" { tests += 1 }
                if annotated || previousWord == "mark" || previousWord == "unittest" {
                    if word == "skip" || word == "skipIf" || word == "skipUnless" {
                        skipped += 1
                        marker = "skip"
                    }
                }
                if word == "pytestmark", source.skipWhitespace(from: range.upperBound) < masked.count {
                    let lineEnd = masked[range.upperBound...].firstIndex(of: UInt8(ascii: "\n")) ?? masked.count
                    if String(decoding: masked[range.upperBound..<lineEnd], as: UTF8.self).contains("skip") {
                        fileDisabled = true
                        marker = "pytestmark skip"
                    }
                }
            case .go:
                if previousWord == "func", word.hasPrefix("Test") { tests += 1 }
                if word == "Skip" || word == "SkipNow" || word == "Skipf", previousWord == "." { skipped += 1; marker = "t.Skip" }
            case .java, .kotlin:
                if annotated, word == "Test" || word == "ParameterizedTest" || word == "RepeatedTest" { tests += 1 }
                if annotated, word == "Disabled" || word == "Ignore" {
                    if tests == 0 && !sawClassAfterAnnotation(source: source, from: range.upperBound) {
                        skipped += 1
                    } else if tests == 0 {
                        fileDisabled = true
                    } else {
                        skipped += 1
                    }
                    marker = "@\(word)"
                }
            case .ruby:
                if ["it", "specify", "scenario", "example", "test"].contains(word), previousWord != ".", previousWord != "def" {
                    tests += 1
                }
                if ["xit", "xspecify", "xscenario", "xexample"].contains(word) {
                    tests += 1
                    skipped += 1
                    marker = word
                }
                if ["skip", "pending"].contains(word), previousWord != "." { skipped += 1; marker = word }
                if word == "xdescribe" || word == "xcontext", tests == 0 { fileDisabled = true; marker = word }
            case .swift:
                if previousWord == "func", word.hasPrefix("test") { tests += 1 }
                if annotated, word == "Test" {
                    tests += 1
                    let after = source.skipWhitespace(from: range.upperBound)
                    if after < masked.count, masked[after] == UInt8(ascii: "(") {
                        let args = String(decoding: masked[after..<source.closing(after)], as: UTF8.self)
                        if args.contains(".disabled") { skipped += 1; marker = "@Test(.disabled)" }
                    }
                }
                if annotated, word == "Suite" {
                    let after = source.skipWhitespace(from: range.upperBound)
                    if after < masked.count, masked[after] == UInt8(ascii: "(") {
                        let args = String(decoding: masked[after..<source.closing(after)], as: UTF8.self)
                        if args.contains(".disabled") { fileDisabled = true; marker = "@Suite(.disabled)" }
                    }
                }
                if word == "XCTSkip" || word == "XCTSkipIf" || word == "XCTSkipUnless" { skipped += 1; marker = word }
                if previousWord == "func", word.hasPrefix("disabled_test") || word.hasPrefix("DISABLED_test") || word.hasPrefix("xtest") {
                    tests += 1
                    skipped += 1
                    marker = word
                }
            }
        }
        let runs = !fileDisabled && !(tests > 0 && skipped >= tests)
        return Verdict(runs: runs, tests: tests, skipped: skipped, marker: runs ? nil : marker)
    }

    /// Whether a `class` keyword follows the annotation before any method (`@Disabled class FooTest`).
    private static func sawClassAfterAnnotation(source: SourceText, from index: Int) -> Bool {
        let end = min(source.masked.count, index + 400)
        let text = String(decoding: source.masked[index..<end], as: UTF8.self)
        guard let classRange = text.firstRange(ofText: "class ") else { return false }
        let before = text[..<classRange.lowerBound]
        return !before.contains("(") && !before.contains("void ") && !before.contains("fun ")
    }
}
