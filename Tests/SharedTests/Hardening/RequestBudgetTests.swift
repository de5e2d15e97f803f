import PromptDecrypt
import Shared
import Testing

/// Issue 10 items 5 and 14: curl's fixed options and the request budgets.
struct RequestBudgetTests {
    @Test func defaultRequestBudgetIsAtMostThirtySecondsAndTheEnvironmentStillOverrides() {
        #expect(DecryptTimeouts().request <= 30)
        #expect(DecryptTimeouts(environment: Environment(["OSS_HTTP_TIMEOUT": "90"])).request == 90)
        #expect(DecryptTimeouts(environment: Environment(["OSS_HTTP_TIMEOUT": "junk"])).request <= 30)
    }

    @Test func connectingIsCappedAtTenSecondsAndNeverExceedsTheRequestBudget() throws {
        let long = CurlTransport.arguments(for: HTTPRequest(url: "https://api.example.test/", timeout: 30))
        let index = try #require(long.firstIndex(of: "--connect-timeout"))
        #expect(long[index + 1] == "10.000")
        #expect(long[try #require(long.firstIndex(of: "--max-time")) + 1] == "30.000")
        let short = CurlTransport.arguments(for: HTTPRequest(url: "https://api.example.test/", timeout: 2.5))
        #expect(short[try #require(short.firstIndex(of: "--connect-timeout")) + 1] == "2.500")
    }

    @Test func urlGlobbingIsOffAndProxyConnectHeadersAreSuppressed() {
        let arguments = CurlTransport.arguments(for: HTTPRequest(url: "https://api.example.test/", timeout: 5))
        #expect(arguments.contains("--globoff"))
        #expect(arguments.contains("--suppress-connect-headers"))
        #expect(!arguments.contains { $0.contains("api.example.test") }, "the URL stays off argv")
    }
}
