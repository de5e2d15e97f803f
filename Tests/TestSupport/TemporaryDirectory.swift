import Foundation
import Shared

/// Runs `body` with a fresh directory under the system temp dir (canonical path, symlinks resolved), removed after.
package func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = try makeTemporaryDirectory()
    defer { FileSystem.removeTree(path) }
    return try body(path)
}

/// The async form of `withTemporaryDirectory`.
package func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = try makeTemporaryDirectory()
    defer { FileSystem.removeTree(path) }
    return try await body(path)
}

/// Creates a fresh temp directory and returns its canonical path; the caller removes it.
package func makeTemporaryDirectory() throws -> String {
    let base = FileSystem.realPath(NSTemporaryDirectory()) ?? "/tmp"
    let path = base.appendingPathComponent("oss-test-\(UUID().uuidString)")
    try FileSystem.createDirectories(path, mode: 0o700)
    return path
}

/// Writes a text file, creating its parent directories.
package func writeFile(_ path: String, _ text: String, mode: mode_t = 0o644) throws {
    try FileSystem.createDirectories(path.deletingLastPathComponent)
    try FileSystem.writeAtomically(Array(text.utf8), to: path, mode: mode)
}

/// Reads a text file, or nil when it is missing.
package func readFile(_ path: String) -> String? {
    FileSystem.readIfPresent(path).map { String(decoding: $0, as: UTF8.self) }
}
