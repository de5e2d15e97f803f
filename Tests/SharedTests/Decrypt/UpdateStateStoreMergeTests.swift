import PromptDecrypt
import Shared
import TestSupport
import Testing

struct UpdateStateStoreMergeTests {
    @Test func firstSeenThenUnchangedThenUpdated() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/update-state.json"
            let store = UpdateStateStore(path: path)
            #expect(try store.record(key: "commands/plan", hash: "h1").change == .firstSeen)
            let first = try #require(readFile(path))
            #expect(
                try JSONValue.parse(first).objectValue?.keys
                    == ["lastPluginVersion", "lastCheckedAt", "manifestVersion", "manifestHashes", "promptSignatures"])
            #expect(try store.record(key: "commands/plan", hash: "h1").change == .unchanged)
            #expect(try store.record(key: "commands/plan", hash: "h2").change == .updated)
            #expect(try store.record(key: "skills/tdd", hash: "h3").change == .firstSeen)
            let state = try JSONValue.parse(try #require(readFile(path)))
            #expect(state["promptSignatures"] == ["commands/plan": "h2", "skills/tdd": "h3"])
        }
    }

    @Test func keepsCheckUpdatesFieldsAndUnknownFields() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/update-state.json"
            try writeFile(
                path, #"{"extra":true,"lastPluginVersion":"2.0.80","manifestHashes":{"a":"b"},"promptSignatures":[]}"#)
            #expect(try UpdateStateStore(path: path).record(key: "commands/plan", hash: "h").change == .firstSeen)
            let state = try JSONValue.parse(try #require(readFile(path)))
            #expect(
                state.objectValue?.keys == [
                    "lastPluginVersion", "lastCheckedAt", "manifestVersion", "manifestHashes", "promptSignatures",
                    "extra",
                ])
            #expect(state["lastPluginVersion"] == "2.0.80")
            #expect(state["manifestHashes"] == ["a": "b"])
            #expect(state["promptSignatures"] == ["commands/plan": "h"])
        }
    }

    @Test func corruptFileIsMovedAsideNotLost() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/update-state.json"
            try writeFile(path, "{not json")
            let outcome = try UpdateStateStore(path: path).record(key: "commands/plan", hash: "h")
            #expect(outcome.change == .firstSeen)
            #expect(outcome.warnings.count == 1)
            #expect(FileSystem.listDirectory(dir).contains { $0.hasPrefix("update-state.json.corrupt-") })
        }
    }
}
