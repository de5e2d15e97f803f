import Foundation
import MockInventory
import Shared
import TestSupport

/// A finding reduced to what the fixture tests assert.
struct ExpectedFinding: Equatable, CustomStringConvertible {
    var file: String
    var line: Int
    var boundary: Boundary
    var framework: String
    var target: String
    var covered: Bool

    init(_ file: String, _ line: Int, _ boundary: Boundary, _ framework: String, _ target: String, covered: Bool) {
        self.file = file
        self.line = line
        self.boundary = boundary
        self.framework = framework
        self.target = target
        self.covered = covered
    }

    init(_ finding: MockFinding) {
        self.init(
            finding.file, finding.line, finding.boundary, finding.framework, finding.target, covered: finding.covered)
    }

    var description: String {
        "\(file):\(line) \(boundary.rawValue) \(framework) \(target) covered=\(covered)"
    }
}

/// Paths of the scanner fixture repositories copied into the test bundle.
enum ScannerFixture {
    /// `Fixtures/scanner/<name>` inside the test bundle.
    static func path(_ name: String) throws -> String {
        let path = try FixtureFiles(resourcePath: Bundle.module.resourcePath, subdirectory: "Fixtures/scanner").path(
            name)
        guard FileManager.default.fileExists(atPath: path) else { throw FixtureError.missing(path) }
        return path
    }

    /// Scans a fixture with default options.
    static func scan(_ name: String, options: ScanOptions = ScanOptions()) throws -> ScanReport {
        try MockScanner.scan(root: path(name), options: options)
    }

    enum FixtureError: Error {
        case missing(String)
    }
}
