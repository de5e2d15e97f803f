/// Decides which files are test code and which tests use real dependencies, from paths alone.
package enum TestFileClassifier {
    /// Directory names whose contents are test code.
    static let testDirectories: Set<String> = [
        "test", "tests", "__tests__", "spec", "specs", "Tests", "Test", "testing", "__mocks__", "e2e", "it",
        "integration", "integration-tests", "integration_tests", "integrationTest", "IntegrationTests",
        "androidTest", "testFixtures", "cypress", "playwright",
    ]

    /// Directory names that mark real-dependency tests.
    static let integrationDirectories: Set<String> = [
        "integration", "integration-tests", "integration_tests", "integrationTest", "integrationTests",
        "IntegrationTests", "it", "e2e", "end-to-end", "end_to_end", "EndToEndTests", "acceptance",
    ]

    /// Directory names never entered: vendored, generated, build output, caches.
    static let skippedDirectories: Set<String> = [
        "node_modules", "vendor", "dist", "build", "target", "Pods", "Carthage", "DerivedData", "__pycache__",
        "venv", "site-packages", "bower_components", "jspm_packages", "coverage", "generated", "__generated__",
        "testdata",
    ]

    /// True for a directory that must not be walked (any hidden directory, or a known vendored/build name).
    package static func isSkippedDirectory(_ name: String) -> Bool {
        name.utf8.first == UInt8(ascii: ".") || skippedDirectories.contains(name)
            || name.hasSuffix(".egg-info") || name.hasSuffix(".xcodeproj")
    }

    /// True when the file at `relativePath` (`/`-separated) is test code in `language`.
    package static func isTestFile(_ relativePath: String, language: SourceLanguage) -> Bool {
        let components = relativePath.split(separator: "/")
        guard let name = components.last else { return false }
        if hasTestFileName(name, language: language) { return true }
        if language == .go { return false }  // Go test code lives only in `_test.go` files.
        return components.dropLast().contains { testDirectories.contains(String($0)) }
    }

    /// True when a test file at `relativePath` is a real-dependency test by folder or name.
    package static func isIntegrationTestPath(_ relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/")
        guard let name = components.last else { return false }
        if components.dropLast().contains(where: { integrationDirectories.contains(String($0)) }) { return true }
        let stem = name.prefix { $0 != "." }
        let lower = name.lowercased()
        return lower.contains(".integration.") || lower.contains(".int.test.") || lower.contains(".e2e.")
            || lower.contains("_integration_test.") || lower.contains("_integration_spec.")
            || lower.hasPrefix("test_integration") || lower.contains("_integration.py")
            || stem.hasSuffix("IT") || stem.hasSuffix("IntegrationTest") || stem.hasSuffix("IntegrationTests")
            || stem.hasSuffix("IntegrationSpec")
    }

    private static func hasTestFileName(_ name: Substring, language: SourceLanguage) -> Bool {
        let stem = name.prefix { $0 != "." }
        switch language {
        case .javascript:
            return name.contains(".test.") || name.contains(".spec.") || name.contains(".e2e.")
                || name.contains(".cy.")
        case .python:
            return name.hasPrefix("test_") || stem.hasSuffix("_test") || name == "conftest.py"
        case .go:
            return stem.hasSuffix("_test")
        case .java, .kotlin:
            return stem.hasSuffix("Test") || stem.hasSuffix("Tests") || stem.hasSuffix("IT")
                || stem.hasSuffix("Spec") || stem.hasSuffix("TestCase")
        case .ruby:
            return stem.hasSuffix("_spec") || stem.hasSuffix("_test") || stem.hasSuffix("Spec")
        case .swift:
            return stem.hasSuffix("Tests") || stem.hasSuffix("Test") || stem.hasSuffix("Spec")
        }
    }
}
