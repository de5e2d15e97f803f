/// One way a mocking framework spells a mocked interaction, and how to read its target.
struct MockRule: Sendable {
    /// How the mocked target is read from the matched call or declaration.
    enum Extraction: Sendable {
        /// The first argument: a module path string or an expression (`jest.mock('axios')`, `patch('a.b')`).
        case firstArgument
        /// `object, 'member'` ⇒ `object.member`; a lone string argument is taken as is (`jest.spyOn(fs, 'x')`).
        case objectAndMember
        /// The first string literal anywhere in the call (URLs: `nock('https://…')`, `stubFor(get(urlEqualTo(…)))`).
        case firstString
        /// A class literal argument: `Foo.class`, `Foo::class`, `Foo::class.java`, or a plain type name.
        case typeArgument
        /// The generic argument of a trigger ending in `<` (`mockk<Foo>()`, `mock<Foo>()`).
        case genericArgument
        /// The type of the declaration that follows an annotation (`@Mock private Foo foo;`, `lateinit var f: Foo`).
        case annotatedDeclaration
        /// The value of a keyword argument (`MagicMock(spec=Foo)`); no finding when absent.
        case keyword(String)
        /// RSpec `allow(X).to receive(:m)` ⇒ `X.m`; no finding without `receive` on the same line.
        case receiver
        /// The name of the Go struct that embeds `mock.Mock`.
        case enclosingStruct
        /// Always this target (`httptest.NewServer` ⇒ `httptest.Server`).
        case fixed(String)
    }

    /// Languages the rule applies to.
    let languages: Set<SourceLanguage>
    /// The literal text to find in masked code (`jest.mock(`, `@Mock`).
    let trigger: [UInt8]
    /// The framework reported for matches.
    let framework: String
    /// How the target is read.
    let extraction: Extraction
    /// A boundary that always applies (network mocking libraries), else the target decides.
    let boundary: Boundary?
    /// Whether the trigger may follow a `.` (`mocks.NewMockX`); otherwise `client.patch(` is not `patch(`.
    let allowsMemberAccess: Bool
    /// Raw text the file must contain for the rule to apply (`msw` for `http.get(` handlers).
    let requiredText: [UInt8]?

    /// Offset of the first identifier byte inside `trigger` (1 for `@Mock`).
    let keyOffset: Int
    /// The first identifier of `trigger`, used to dispatch.
    let key: String

    /// Creates a rule.
    init(
        _ languages: Set<SourceLanguage>,
        _ trigger: String,
        framework: String,
        _ extraction: Extraction,
        boundary: Boundary? = nil,
        allowsMemberAccess: Bool = false,
        requires requiredText: String? = nil
    ) {
        self.languages = languages
        self.trigger = Array(trigger.utf8)
        self.framework = framework
        self.extraction = extraction
        self.boundary = boundary
        self.allowsMemberAccess = allowsMemberAccess
        self.requiredText = requiredText.map { Array($0.utf8) }
        let bytes = Array(trigger.utf8)
        let start = bytes.firstIndex { $0.isIdentifierByte } ?? 0
        let end = bytes[start...].firstIndex { !$0.isIdentifierByte } ?? bytes.count
        self.keyOffset = start
        self.key = String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether the trigger ends inside an identifier, so the next byte must not continue it.
    var needsRightBoundary: Bool { trigger.last?.isIdentifierByte ?? false }
}
