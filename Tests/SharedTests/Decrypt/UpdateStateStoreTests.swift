import Foundation
import PromptDecrypt
import Shared
import TestSupport
import Testing

/// oss-decrypt's side of `update-state.json`: first-seen, updated and unchanged hashes, and damaged files kept.
struct UpdateStateStoreTests {
    /// 2026-11-25T21:25:57.123Z.
    private let now = Timestamp(milliseconds: 1_795_641_957_123)

    private func asideCopies(of path: String) -> [String] {
        FileSystem.listDirectory(path.deletingLastPathComponent)
            .filter { $0.hasPrefix(path.lastPathComponent + ".corrupt-") }
            .map { path.deletingLastPathComponent.appendingPathComponent($0) }
    }

    @Test func firstSeenThenUnchangedThenUpdated() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("update-state.json")
            let store = UpdateStateStore(path: path, clock: .fixed(now))
            #expect(try store.record(key: "commands/build", hash: "aa").change == .firstSeen)
            let written = try #require(readFile(path))
            #expect(try store.record(key: "commands/build", hash: "aa").change == .unchanged)
            #expect(readFile(path) == written)
            #expect(try store.record(key: "commands/build", hash: "bb").change == .updated)
            #expect(try JSONValue.parse(try #require(readFile(path)))["promptSignatures"] == ["commands/build": "bb"])
        }
    }

    /// Regression: a file holding valid JSON that is not an object (`[]`, `"x"`, `42`) used to be replaced by a
    /// fresh state without a word; it is now moved aside byte for byte, like unparsable text.
    @Test(arguments: ["[]", #""state""#, "42", "null", #"[{"promptSignatures":{}}]"#])
    func nonObjectJSONIsMovedAsideNotOverwritten(_ text: String) throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("update-state.json")
            try writeFile(path, text)
            let outcome = try UpdateStateStore(path: path, clock: .fixed(now)).record(key: "commands/build", hash: "aa")
            #expect(outcome.change == .firstSeen)
            #expect(outcome.warnings.count == 1)
            #expect(outcome.warnings.first?.contains("is not a JSON object; moved it aside to") == true)
            let aside = asideCopies(of: path)
            #expect(aside.count == 1)
            #expect(aside.first.flatMap(readFile) == text)
            #expect(try JSONValue.parse(try #require(readFile(path)))["promptSignatures"] == ["commands/build": "aa"])
        }
    }

    @Test func unparsableFileIsMovedAside() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("update-state.json")
            try writeFile(path, #"{"lastPluginVersion": "2.0"#)
            let outcome = try UpdateStateStore(path: path, clock: .fixed(now)).record(key: "commands/build", hash: "aa")
            #expect(outcome.warnings.first?.contains("is not valid JSON") == true)
            #expect(asideCopies(of: path).first.flatMap(readFile) == #"{"lastPluginVersion": "2.0"#)
        }
    }
}
