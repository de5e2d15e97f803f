import Shared
import Testing

struct PromptReferenceTests {
    @Test func acceptsKnownTypesAndSafeNames() throws {
        for type in PromptReference.allowedTypes {
            let reference = try PromptReference(type: type, name: "api-design_2")
            #expect(reference.manifestKey == "\(type)/api-design_2")
        }
        #expect(try PromptReference(type: "commands", name: String(repeating: "x", count: 100)).name.count == 100)
        #expect(try PromptReference(type: "commands", name: "a.b").encodedName == "a.b")
    }

    @Test func rejectsUnknownTypesAndUnsafeNames() {
        #expect(throws: APIError.invalidPromptType("other")) { try PromptReference(type: "other", name: "x") }
        #expect(throws: APIError.invalidPromptType("Commands")) { try PromptReference(type: "Commands", name: "x") }
        let unsafe = [
            "", String(repeating: "x", count: 101), "a/b", "a\\b", "..", "a..b", ".", "a\u{0}b", "a\nb", "\u{7f}",
        ]
        for name in unsafe {
            #expect(throws: (any Error).self, "\(name.debugDescription)") {
                try PromptReference(type: "commands", name: name)
            }
        }
        #expect(throws: APIError.invalidName("", reason: "the name is empty")) {
            try PromptReference.validate(name: "")
        }
    }

    @Test func percentEncodingMatchesEncodeURIComponent() {
        #expect(PromptReference.percentEncode("A-z_0.9!~*'()") == "A-z_0.9!~*'()")
        #expect(PromptReference.percentEncode("a b?c#d&e=f%") == "a%20b%3Fc%23d%26e%3Df%25")
        #expect(PromptReference.percentEncode("é🚀") == "%C3%A9%F0%9F%9A%80")
    }
}
