/// File-name tests shared by the checks.
package enum SourceFileKind {
    /// True for JS/TS source names.
    package static func isJavaScript(_ name: String) -> Bool {
        JSModuleResolver.extensions.contains { name.hasSuffix($0) }
    }
}
