/// The bundle's version, shared by every tool (`oss-decrypt --version` needs one semver ≥ 1.2.1).
package enum ToolVersion {
    /// The current version.
    package static let current = "1.3.0"
}
