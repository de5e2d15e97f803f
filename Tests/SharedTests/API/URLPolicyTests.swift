import Shared
import Testing

struct URLPolicyTests {
    @Test func httpsAlwaysAndHTTPOnlyToLoopback() {
        for url in [
            "https://one-shot-ship-api.onrender.com", "HTTPS://Example.com/x", "http://127.0.0.1:8080/a",
            "http://localhost/x", "http://127.9.8.7", "http://[::1]:80/",
        ] {
            #expect(URLPolicy.isAllowed(url), "\(url)")
        }
        for url in [
            "http://example.com", "http://127.0.0.1.evil.com/", "http://127.0.0.1@evil.com/",
            "http://evil.com#@127.0.0.1", "http://evil.com\\@127.0.0.1/", "ftp://127.0.0.1", "file:///etc/passwd",
            "127.0.0.1", "http://", "http://10.0.0.1", "http://127.0.0.256/", "https://a b.com",
        ] {
            #expect(!URLPolicy.isAllowed(url), "\(url)")
        }
        #expect(throws: APIError.insecureURL("http://example.com")) { try URLPolicy.check("http://example.com") }
    }

    @Test func redirectsNeverDowngrade() {
        #expect(URLPolicy.mayRedirect(from: "https://a.com/x", to: "https://b.com/y"))
        #expect(!URLPolicy.mayRedirect(from: "https://a.com/x", to: "http://a.com/y"))
        #expect(!URLPolicy.mayRedirect(from: "https://a.com/x", to: "http://127.0.0.1/y"))
        #expect(URLPolicy.mayRedirect(from: "http://127.0.0.1/x", to: "http://localhost/y"))
        #expect(!URLPolicy.mayRedirect(from: "http://127.0.0.1/x", to: "http://example.com/y"))
    }
}
