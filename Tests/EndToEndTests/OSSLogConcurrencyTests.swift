import Foundation
import SessionLog
import Shared
import TestSupport
import Testing

/// Many `oss-log` processes at once: no torn, interleaved or lost line, even while the session log rotates.
struct OSSLogConcurrencyTests {
    private static let threads = 8
    private static let perThread = 25

    /// The message of writer `index`: long enough that a torn or interleaved write would show.
    private func message(_ index: Int) -> String {
        "writer \(index) " + String(repeating: Character(UnicodeScalar(UInt8(97 + index % 26))), count: 60)
            + " end \(index)"
    }

    /// Runs 200 `oss-log write build <message>` processes, 8 at a time; returns the failures.
    private func runWriters(_ box: LogSandbox) -> [String] {
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
            for step in 0..<Self.perThread {
                let index = thread * Self.perThread + step
                do {
                    let result = try box.run(["write", "build", message(index)])
                    if result.status != 0 || !result.stderr.isEmpty { failures.add("\(index): \(result)") }
                } catch {
                    failures.add("\(index): \(error)")
                }
            }
        }
        return failures.items
    }

    private var expectedMessages: [String] { (0..<Self.threads * Self.perThread).map(message) }

    /// Splits log text into lines and removes the `[HH:MM:SS] ` stamp (checking it is one).
    private func unstamped(_ text: String, prefix: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            guard let match = line.wholeMatch(of: /\[\d{2}:\d{2}:\d{2}\] (.*)/) else { return "UNSTAMPED: \(line)" }
            let rest = String(match.1)
            return rest.hasPrefix(prefix) ? String(rest.dropFirst(prefix.count)) : "UNEXPECTED: \(rest)"
        }
    }

    @Test func twoHundredParallelWritersKeepEveryLineIntact() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            let failures = runWriters(box)
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            let commandLines = unstamped(box.text(box.globalSession + "/build.log"), prefix: "")
            let sessionLines = unstamped(box.text(box.globalSession + "/session.log"), prefix: "[build] ")
            #expect(commandLines.count == 200)
            #expect(sessionLines.count == 200)
            #expect(commandLines.sorted() == expectedMessages.sorted())
            #expect(sessionLines.sorted() == expectedMessages.sorted())
            #expect(FileSystem.listDirectory(box.globalBase + "/archive").isEmpty)
        }
    }

    @Test func rotationRacingWithWritersLosesNoLine() throws {
        try withTemporaryDirectory { root in
            let box = try LogSandbox(root)
            // 0.002 MB ≈ 2 KB: with ~100-byte lines the session log rotates every ~20 writes, under contention.
            try writeFile(box.home + "/.oss/settings.json", #"{"logs": {"maxSessionSizeMB": 0.002}}"#)
            let failures = runWriters(box)
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            let archiveDir = box.globalBase + "/archive"
            let names = FileSystem.listDirectory(archiveDir)
            #expect(names.allSatisfy { $0.hasSuffix(".log.gz") }, "every archive was compressed: \(names)")
            #expect(names.count >= 5, "rotations happened: \(names.count)")
            var lines: [String] = []
            for name in names {
                let bytes = try #require(Gzip.decompress(try FileSystem.read(archiveDir + "/" + name)), "\(name)")
                lines += unstamped(String(decoding: bytes, as: UTF8.self), prefix: "")
            }
            lines += unstamped(box.text(box.globalSession + "/session.log"), prefix: "")
            let marker = "[system] [INFO] Session log rotated (previous archived)"
            let markers = lines.filter { $0 == marker }.count
            #expect(markers == names.count, "one marker per rotation")
            let written = lines.filter { $0 != marker }
            #expect(written.count == 200)
            #expect(Set(written).count == 200, "each line exactly once")
            #expect(written.sorted() == expectedMessages.map { "[build] " + $0 }.sorted())
            // The command log has its own (default) limit and keeps every line.
            #expect(
                unstamped(box.text(box.globalSession + "/build.log"), prefix: "").sorted() == expectedMessages.sorted())
        }
    }
}

/// A thread-safe list of failure descriptions.
private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var items: [String] { lock.withLock { stored } }
    func add(_ item: String) { lock.withLock { stored.append(item) } }
}
