#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Outbox files: one JSON file (mode 0600, in a 0700 directory) per batch of background requests.
///
/// Format: `{"version":1,"requests":[{"method","url","headers":[{"name","value"}],"body"}]}`.
package enum Outbox {
    /// The format version written and accepted.
    package static let version = 1

    /// Why an outbox file could not be read.
    package enum ReadError: Error, Equatable, CustomStringConvertible {
        /// The file is missing or unreadable.
        case unreadable(path: String)
        /// The file is not an outbox document of a known version.
        case malformed(path: String)

        package var description: String {
            switch self {
            case .unreadable(let path): "cannot read outbox file \(path)"
            case .malformed(let path): "malformed outbox file \(path)"
            }
        }
    }

    /// Writes `requests` as a new file in `directory` (created 0700) with mode 0600 and returns its path.
    /// - Throws: `FileError` when the directory or file cannot be written.
    package static func write(_ requests: [OutboxRequest], directory: String) throws -> String {
        try FileSystem.createDirectories(directory, mode: 0o700)
        let document: JSONValue = [
            "version": .number(Double(version)),
            "requests": .array(requests.map(\.json)),
        ]
        let stamp = WallClock.system.now().milliseconds
        let name = "\(stamp)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json"
        let path = directory.appendingPathComponent(name)
        try FileSystem.writeAtomically(Array(document.compact.utf8), to: path, mode: 0o600)
        return path
    }

    /// Reads the requests of an outbox file.
    /// - Throws: `Outbox.ReadError`.
    package static func read(_ path: String) throws -> [OutboxRequest] {
        guard let bytes = FileSystem.readIfPresent(path) else { throw ReadError.unreadable(path: path) }
        guard let document = try? JSONValue.parse(bytes: bytes), document["version"]?.intValue == version,
            let list = document["requests"]?.arrayValue
        else { throw ReadError.malformed(path: path) }
        var requests: [OutboxRequest] = []
        for entry in list {
            guard let request = OutboxRequest(json: entry) else { throw ReadError.malformed(path: path) }
            requests.append(request)
        }
        return requests
    }
}
