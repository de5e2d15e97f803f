import MockInventory
import Shared
import Testing

struct TestFileClassifierTests {
    @Test(arguments: [
        ("src/users.test.ts", true),
        ("src/users.spec.jsx", true),
        ("src/__tests__/users.ts", true),
        ("test/helpers.js", true),
        ("src/users.ts", false),
        ("src/testing-library.ts", false),
        ("tests/test_weather.py", true),
        ("app/weather_test.py", true),
        ("conftest.py", true),
        ("app/weather.py", false),
        ("internal/store/store_test.go", true),
        ("test/helpers.go", false),
        ("src/test/java/com/x/UserServiceTest.java", true),
        ("src/main/java/com/x/UserService.java", false),
        ("src/test/kotlin/ReportServiceTest.kt", true),
        ("spec/services/geocoder_spec.rb", true),
        ("app/services/geocoder.rb", false),
        ("Tests/AppTests/UserServiceTests.swift", true),
        ("Sources/App/UserStore.swift", false),
    ])
    func recognisesTestFiles(path: String, isTest: Bool) throws {
        let name = try #require(path.split(separator: "/").last)
        let language = try #require(SourceLanguage(fileName: String(name)))
        #expect(TestFileClassifier.isTestFile(path, language: language) == isTest)
    }

    @Test(arguments: [
        ("test/integration/db.test.ts", true),
        ("src/db.integration.test.ts", true),
        ("internal/store/store_integration_test.go", true),
        ("src/test/java/com/x/UserRepositoryIT.java", true),
        ("e2e/checkout.spec.ts", true),
        ("spec/models/user_integration_spec.rb", true),
        ("Tests/AppTests/UserStoreIntegrationTests.swift", true),
        ("src/users.test.ts", false),
        ("tests/test_weather.py", false),
    ])
    func recognisesIntegrationTests(path: String, isIntegration: Bool) {
        #expect(TestFileClassifier.isIntegrationTestPath(path) == isIntegration)
    }

    @Test(arguments: [
        "node_modules", "vendor", ".git", ".build", "dist", "build", "target", "Pods", "__pycache__",
        ".venv", "venv", "coverage", "DerivedData", "foo.egg-info",
    ])
    func skipsVendoredAndBuildDirectories(name: String) {
        #expect(TestFileClassifier.isSkippedDirectory(name))
    }

    @Test(arguments: ["src", "tests", "app", "internal", "Sources"])
    func walksSourceDirectories(name: String) {
        #expect(!TestFileClassifier.isSkippedDirectory(name))
    }
}
