import Shared

extension RealityReport {
    /// The section the `/oss:integration` run puts above its inventory: the mismatches the model must fix first;
    /// empty when there are none.
    package var inventorySection: String {
        guard !mismatches.isEmpty else { return "" }
        return (["## Mocks that disagree with reality (fix these first)", ""] + mismatchLines + ["", ""])
            .joined(separator: "\n")
    }

    /// One line for `scan`'s text report; empty when there are no mismatches.
    package var scanMention: String {
        guard !mismatches.isEmpty else { return "" }
        let count = mismatches.count
        return "\n\(count) mock\(count == 1 ? "" : "s") disagree\(count == 1 ? "s" : "") with the repository's schema, "
            + "API descriptions or code: run `oss-integration check` for details.\n"
    }

    /// A quick check for the inventory: SQLite only (no PostgreSQL start-up), nil when it cannot run.
    package static func quick(root: String, claims: CheckClaims, environment: Shared.Environment) -> RealityReport? {
        var options = CheckOptions(environment: environment)
        options.engine = .sqlite
        return try? RealityChecker.check(root: root, claims: claims, options: options)
    }
}
