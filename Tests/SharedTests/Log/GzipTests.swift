import Foundation
import Shared
import TestSupport
import Testing

@testable import SessionLog

/// gzip through the system zlib, compatible with the `gzip` tool.
struct GzipTests {
    private let samples: [[UInt8]] = [
        [],
        Array("hello\n".utf8),
        Array(String(repeating: "[12:00:00] [build] [PHASE] RED start é😀\n", count: 5000).utf8),
        pseudoRandomBytes(300_000),
    ]

    @Test func roundTrips() throws {
        for bytes in samples {
            let compressed = try #require(Gzip.compress(bytes))
            #expect(compressed.starts(with: [0x1F, 0x8B]))
            #expect(Gzip.decompress(compressed) == bytes)
        }
    }

    @Test func rejectsNonGzipAndTruncatedData() throws {
        #expect(Gzip.decompress([]) == nil)
        #expect(Gzip.decompress(Array("plain text".utf8)) == nil)
        let compressed = try #require(Gzip.compress(samples[2]))
        #expect(Gzip.decompress(Array(compressed.prefix(compressed.count / 2))) == nil)
    }

    @Test func compressFileWritesAnArchiveTheGzipToolReads() throws {
        try withTemporaryDirectory { root in
            let source = root.appendingPathComponent("session.log")
            try FileSystem.writeAtomically(samples[2], to: source)
            try Gzip.compressFile(source, to: source + ".gz")
            #expect(Gzip.decompress(try FileSystem.read(source + ".gz")) == samples[2])
            let gzip = ChildProcess.which("gzip", environment: Environment(["PATH": "/usr/bin:/bin:/usr/local/bin"]))
            guard let gzip else { return }  // the zlib round trip above still ran
            let output = try ToolRunner.runProcess(
                gzip, ["-dc", source + ".gz"], environment: ["PATH": "/usr/bin:/bin"])
            #expect(output.status == 0)
            #expect(Array(output.stdout.utf8) == samples[2])
            // And the other way: what gzip writes, we read.
            let made = try ToolRunner.runProcess(
                "/bin/sh", ["-c", "gzip -c '\(source)' > '\(source).tool.gz'"], environment: ["PATH": "/usr/bin:/bin"])
            #expect(made.status == 0)
            #expect(Gzip.decompress(try FileSystem.read(source + ".tool.gz")) == samples[2])
        }
    }

    @Test func compressFileOfAMissingSourceThrows() throws {
        _ = try withTemporaryDirectory { root in
            #expect(throws: FileError.self) {
                try Gzip.compressFile(root.appendingPathComponent("missing"), to: root.appendingPathComponent("x.gz"))
            }
        }
    }
}

/// Deterministic, poorly compressible bytes (xorshift64).
private func pseudoRandomBytes(_ count: Int) -> [UInt8] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt8(truncatingIfNeeded: state)
    }
}
