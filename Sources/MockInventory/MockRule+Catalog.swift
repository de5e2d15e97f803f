extension MockRule {
    /// Every rule the scanner applies, by language.
    static let catalog: [MockRule] = javascript + python + go + jvm + ruby

    private static let js: Set<SourceLanguage> = [.javascript]
    private static let py: Set<SourceLanguage> = [.python]
    private static let jvmLanguages: Set<SourceLanguage> = [.java, .kotlin]
    private static let httpMethods = ["get", "post", "put", "patch", "delete", "head", "options", "all"]

    private static let javascript: [MockRule] =
        ["jest", "vi"].flatMap { runner -> [MockRule] in
            let framework = runner == "jest" ? "jest" : "vitest"
            return [
                MockRule(js, "\(runner).mock(", framework: framework, .firstArgument),
                MockRule(js, "\(runner).doMock(", framework: framework, .firstArgument),
                MockRule(js, "\(runner).unstable_mockModule(", framework: framework, .firstArgument),
                MockRule(js, "\(runner).spyOn(", framework: framework, .objectAndMember),
            ]
        } + [
            MockRule(js, "sinon.stub(", framework: "sinon", .objectAndMember),
            MockRule(js, "sinon.mock(", framework: "sinon", .objectAndMember),
            MockRule(js, "sinon.replace(", framework: "sinon", .objectAndMember),
            MockRule(js, "sinon.createStubInstance(", framework: "sinon", .firstArgument),
            MockRule(js, "nock(", framework: "nock", .firstString, boundary: .api),
        ]
        + ["http", "rest"].flatMap { namespace in
            httpMethods.map {
                MockRule(js, "\(namespace).\($0)(", framework: "msw", .firstString, boundary: .api, requires: "msw")
            }
        }
        + ["query", "mutation", "operation"].map {
            MockRule(js, "graphql.\($0)(", framework: "msw", .firstString, boundary: .api, requires: "msw")
        }

    private static let python: [MockRule] =
        ["", "mock.", "unittest.mock.", "mocker."].flatMap { prefix -> [MockRule] in
            let framework = prefix == "mocker." ? "pytest-mock" : "unittest.mock"
            return [
                MockRule(py, "\(prefix)patch(", framework: framework, .firstArgument),
                MockRule(py, "\(prefix)patch.object(", framework: framework, .objectAndMember),
                MockRule(py, "\(prefix)patch.dict(", framework: framework, .firstArgument),
            ]
        } + [
            MockRule(py, "monkeypatch.setattr(", framework: "pytest monkeypatch", .objectAndMember),
            MockRule(py, "create_autospec(", framework: "unittest.mock", .firstArgument, allowsMemberAccess: true),
        ]
        + ["Mock(", "MagicMock(", "AsyncMock(", "NonCallableMock("].flatMap { constructor in
            [
                MockRule(py, constructor, framework: "unittest.mock", .keyword("spec"), allowsMemberAccess: true),
                MockRule(py, constructor, framework: "unittest.mock", .keyword("spec_set"), allowsMemberAccess: true),
            ]
        }
        + (["add", "upsert", "replace"] + httpMethods).map {
            MockRule(py, "responses.\($0)(", framework: "responses", .firstString, boundary: .api)
        }
        + (["register_uri"] + httpMethods).map {
            MockRule(py, "requests_mock.\($0)(", framework: "requests-mock", .firstString, boundary: .api)
        }
        + (["route"] + httpMethods).map {
            MockRule(py, "respx.\($0)(", framework: "respx", .firstString, boundary: .api)
        }

    private static let go: [MockRule] = [
        MockRule([.go], "mock.Mock", framework: "testify/mock", .enclosingStruct),
        MockRule([.go], "httptest.NewServer(", framework: "httptest", .fixed("httptest.Server"), boundary: .api),
        MockRule([.go], "httptest.NewTLSServer(", framework: "httptest", .fixed("httptest.Server"), boundary: .api),
        MockRule(
            [.go], "httptest.NewUnstartedServer(", framework: "httptest", .fixed("httptest.Server"), boundary: .api),
        MockRule([.go], "sqlmock.New(", framework: "sqlmock", .fixed("database/sql"), boundary: .database),
        MockRule([.go], "sqlmock.NewWithDSN(", framework: "sqlmock", .fixed("database/sql"), boundary: .database),
        MockRule([.go], "fstest.MapFS", framework: "testing/fstest", .fixed("io/fs"), boundary: .filesystem),
    ]

    private static let jvm: [MockRule] = [
        MockRule(jvmLanguages, "mock(", framework: "Mockito", .typeArgument),
        MockRule(jvmLanguages, "Mockito.mock(", framework: "Mockito", .typeArgument),
        MockRule(jvmLanguages, "mockStatic(", framework: "Mockito", .typeArgument),
        MockRule(jvmLanguages, "Mockito.mockStatic(", framework: "Mockito", .typeArgument),
        MockRule([.kotlin], "mock<", framework: "Mockito", .genericArgument),
        MockRule(jvmLanguages, "@Mock", framework: "Mockito", .annotatedDeclaration),
        MockRule(jvmLanguages, "@MockBean", framework: "Mockito", .annotatedDeclaration),
        MockRule(jvmLanguages, "@MockitoBean", framework: "Mockito", .annotatedDeclaration),
        MockRule([.kotlin], "mockk<", framework: "MockK", .genericArgument),
        MockRule([.kotlin], "mockkStatic(", framework: "MockK", .typeArgument),
        MockRule([.kotlin], "mockkObject(", framework: "MockK", .typeArgument),
        MockRule([.kotlin], "@MockK", framework: "MockK", .annotatedDeclaration),
        MockRule([.kotlin], "@RelaxedMockK", framework: "MockK", .annotatedDeclaration),
        MockRule([.kotlin], "@MockkBean", framework: "MockK", .annotatedDeclaration),
        MockRule(
            jvmLanguages, "stubFor(", framework: "WireMock", .firstString, boundary: .api, allowsMemberAccess: true),
    ]

    private static let ruby: [MockRule] =
        ["double(", "instance_double(", "class_double(", "object_double(", "instance_spy(", "class_spy("].map {
            MockRule([.ruby], $0, framework: "rspec-mocks", .firstArgument)
        }
        + ["allow(", "expect(", "allow_any_instance_of(", "expect_any_instance_of("].map {
            MockRule([.ruby], $0, framework: "rspec-mocks", .receiver)
        } + [
            MockRule([.ruby], "stub_request(", framework: "webmock", .firstString, boundary: .api)
        ]
}
