import Foundation
import RealityCheck
import Shared
import TestSupport

/// The fixture repositories of this target and helpers to check claims against them.
enum RealityFixtures {
    /// The absolute path of fixture repository `name`.
    static func root(_ name: String) throws -> String {
        try FixtureFiles(resourcePath: Bundle.module.resourcePath, subdirectory: "Fixtures").path(name)
    }

    /// Runs the check on fixture `name` with SQLite only (unless `databaseURL` is given).
    static func check(_ name: String, claims: CheckClaims, databaseURL: String? = nil, specs: [String: String] = [:])
        throws -> RealityReport
    {
        var options = CheckOptions(environment: Environment.current())
        options.engine = databaseURL == nil ? .sqlite : .postgresql
        options.databaseURL = databaseURL
        options.specs = specs
        return try RealityChecker.check(root: root(name), claims: claims, options: options)
    }
}

extension RealityReport {
    /// `file:line kind claim` for each mismatch, for exact comparisons.
    var signatures: Set<String> {
        Set(mismatches.map { "\($0.file):\($0.line) \($0.kind.rawValue) \($0.claim)" })
    }
}
