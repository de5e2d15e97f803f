import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads fixture files below one directory of a test target's resource bundle.
package struct FixtureFiles: Sendable {
    /// The directory the relative paths start from.
    package let root: String

    /// Fixtures under `<resourcePath>/<subdirectory>`; pass the target's `Bundle.module.resourcePath`.
    /// - Throws: `FixtureError.noResourceBundle` when the target has no resource bundle.
    package init(resourcePath: String?, subdirectory: String) throws {
        guard let resourcePath else { throw FixtureError.noResourceBundle }
        root = resourcePath.appendingPathComponent(subdirectory)
    }

    /// The absolute path of a fixture.
    package func path(_ relative: String) -> String {
        root.appendingPathComponent(relative)
    }

    /// A fixture's bytes.
    package func bytes(_ relative: String) throws -> [UInt8] {
        try FileSystem.read(path(relative))
    }

    /// A fixture's text.
    package func text(_ relative: String) throws -> String {
        String(decoding: try bytes(relative), as: UTF8.self)
    }

    /// A fixture parsed as an ordered JSON value.
    package func json(_ relative: String) throws -> JSONValue {
        try JSONValue.parse(bytes: bytes(relative))
    }
}

/// Why fixtures could not be found.
package enum FixtureError: Error, CustomStringConvertible {
    case noResourceBundle

    package var description: String { "the test target has no resource bundle (declare `resources:` in Package.swift)" }
}
