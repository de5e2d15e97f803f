import Foundation
import Shared
import TestSupport
import Testing

/// Loads the interop vectors copied into `Fixtures/vectors/`.
enum CryptoVectors {
    private static func files() throws -> FixtureFiles {
        try FixtureFiles(resourcePath: Bundle.module.resourcePath, subdirectory: "Fixtures/vectors")
    }

    /// Absolute path of a file under `Fixtures/vectors/`.
    static func path(_ relative: String) throws -> String { try files().path(relative) }
    /// The raw bytes of a vector file.
    static func bytes(_ relative: String) throws -> [UInt8] { try files().bytes(relative) }
    /// The text of a vector file.
    static func text(_ relative: String) throws -> String { try files().text(relative) }
    /// A vector file parsed as an ordered JSON value.
    static func json(_ relative: String) throws -> JSONValue { try files().json(relative) }

    /// The elements of an array member, failing the test when it is missing.
    static func cases(_ value: JSONValue, _ key: String) throws -> [JSONValue] {
        let cases = try #require(value[key]?.arrayValue, "vector file has no \(key) array")
        #expect(!cases.isEmpty, "vector array \(key) is empty")
        return cases
    }

    /// A string member, failing the test when it is missing.
    static func string(_ value: JSONValue, _ key: String) throws -> String {
        try #require(value[key]?.stringValue, "vector has no string \(key)")
    }
}
