import Foundation
import Shared
import TestSupport
import Testing

@testable import Shared

/// Locked, atomic read-modify-write of a JSON file; corrupt files are moved aside, never silently replaced.
struct JSONFileStoreTests {
    private let now = Timestamp(milliseconds: 1_795_641_957_123)

    private func mode(_ path: String) -> mode_t {
        var status = stat()
        _ = stat(path, &status)
        return status.st_mode & 0o7777
    }

    @Test func createsThePrettyFileWithMode0600() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("sub/state.json")
            let store = JSONFileStore(path: path, clock: .fixed(now))
            let update = try store.update { value in
                #expect(value == nil)
                value = ["b": 1, "a": ["x": nil]]
                return "done"
            }
            #expect(update.result == "done")
            #expect(update.warnings.isEmpty)
            #expect(readFile(path) == "{\n  \"b\": 1,\n  \"a\": {\n    \"x\": null\n  }\n}")
            #expect(mode(path) == 0o600)
            #expect(store.read() == ["b": 1, "a": ["x": nil]])
        }
    }

    @Test func updatesKeepKeyOrderAndMode() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("state.json")
            let store = JSONFileStore(path: path, clock: .fixed(now), render: { $0.compact })
            _ = try store.update { $0 = ["version": 1, "chain": "x"] }
            _ = try store.update { value in
                guard case .object(var object)? = value else { return }
                object["version"] = 2
                object["added"] = true
                value = .object(object)
            }
            #expect(readFile(path) == #"{"version":2,"chain":"x","added":true}"#)
            #expect(mode(path) == 0o600)
        }
    }

    @Test func corruptFileIsMovedAsideWithAWarning() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("state.json")
            try writeFile(path, #"{"version": 3, "chain"#)
            let store = JSONFileStore(path: path, clock: .fixed(now))
            let update = try store.update { value in
                #expect(value == nil)
                value = ["fresh": true]
            }
            let aside = path + ".corrupt-20261125T212557123Z"
            #expect(readFile(aside) == #"{"version": 3, "chain"#)
            #expect(update.warnings.count == 1)
            #expect(update.warnings.first?.contains(path) == true)
            #expect(update.warnings.first?.contains(aside) == true)
            #expect(store.read() == ["fresh": true])
        }
    }

    @Test func nilLeavesTheFileAlone() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("state.json")
            try writeFile(path, "{ \"kept\" : 1 }", mode: 0o644)
            let store = JSONFileStore(path: path)
            let update = try store.update { value in
                #expect(value == ["kept": 1])
                value = nil
                return 7
            }
            #expect(update.result == 7)
            #expect(readFile(path) == "{ \"kept\" : 1 }")
            #expect(mode(path) == 0o644)
            // A missing file stays missing.
            let other = JSONFileStore(path: root.appendingPathComponent("none.json"))
            _ = try other.update { _ in }
            #expect(!FileSystem.exists(root.appendingPathComponent("none.json")))
        }
    }

    @Test func bodyErrorsPropagateAndWriteNothing() throws {
        try withTemporaryDirectory { root in
            struct Stop: Error {}
            let path = root.appendingPathComponent("state.json")
            let store = JSONFileStore(path: path)
            _ = try store.update { $0 = ["n": 1] }
            #expect(throws: Stop.self) {
                _ = try store.update { value in
                    value = ["n": 2]
                    throw Stop()
                }
            }
            #expect(store.read() == ["n": 1])
        }
    }

    @Test func concurrentTransactionsLoseNoUpdate() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("counter.json")
            let store = JSONFileStore(path: path)
            DispatchQueue.concurrentPerform(iterations: 100) { _ in
                _ = try? store.update { value in
                    value = ["n": .number((value?["n"]?.doubleValue ?? 0) + 1)]
                }
            }
            #expect(store.read()?["n"]?.intValue == 100)
        }
    }

    @Test func readIsNilForMissingOrCorruptFiles() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("state.json")
            #expect(JSONFileStore(path: path).read() == nil)
            try writeFile(path, "nope")
            #expect(JSONFileStore(path: path).read() == nil)
            // Reading never moves anything aside.
            #expect(readFile(path) == "nope")
        }
    }
}
