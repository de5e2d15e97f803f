import Shared
import Testing

@Suite(.timeLimit(.minutes(2)))
struct CurlTransportTests {
    @Test func parsesIncludeOutputWithCRLFAndInterimResponses() throws {
        let raw =
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 403 Forbidden\r\nX-OSS-Clear-Cache: true\r\n"
            + "Content-Type: application/json\r\n\r\n{\"error\":\"Revoked\"}"
        let response = try #require(CurlTransport.parse(Array(raw.utf8)))
        #expect(response.status == 403)
        #expect(response.header("x-oss-clear-cache") == "true")
        #expect(response.header("Content-Type") == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":"Revoked"}"#)
        let bare = try #require(CurlTransport.parse(Array("HTTP/2 204\n\n".utf8)))
        #expect(bare.status == 204 && bare.body.isEmpty)
        #expect(CurlTransport.parse(Array("garbage".utf8)) == nil)
        #expect(CurlTransport.parse(Array("SMTP 220\r\n\r\n".utf8)) == nil)
    }

    @Test func configKeepsSecretsOffArgvAndQuotesEverything() throws {
        let request = HTTPRequest(
            method: "POST", url: "https://api.example.test/a?b=c",
            headers: [HTTPHeader("Authorization", #"Bearer ak_"q"\x"#)], body: Array("line1\nline2\t\"@file\"".utf8),
            timeout: 5)
        let config = try CurlTransport.config(for: request)
        #expect(
            config == """
                url = "https://api.example.test/a?b=c"
                request = "POST"
                header = "Expect:"
                header = "Authorization: Bearer ak_\\"q\\"\\\\x"
                data-raw = "line1\\nline2\\t\\"@file\\""

                """)
        let injected = HTTPRequest(url: "https://a.test", headers: [HTTPHeader("X", "a\r\nHost: evil")], timeout: 1)
        #expect(throws: APIError.self) { try CurlTransport.config(for: injected) }
    }

    @Test func resolvesRedirectLocations() {
        let base = "https://api.example.test/api/v1/prompts/plan?x=1"
        #expect(CurlTransport.resolve("https://other.test/x", against: base) == "https://other.test/x")
        #expect(CurlTransport.resolve("//cdn.test/y", against: base) == "https://cdn.test/y")
        #expect(CurlTransport.resolve("/api/v2/z", against: base) == "https://api.example.test/api/v2/z")
        #expect(CurlTransport.resolve("build", against: base) == "https://api.example.test/api/v1/prompts/build")
    }

    @Test func missingCurlMeansNoTransport() {
        #expect(CurlTransport(environment: Environment([:]), candidates: ["/nonexistent/curl"]) == nil)
    }

    @Test func unreachableServerAndRefusedURLsAreAPIErrors() async throws {
        let transport = try #require(CurlTransport(environment: Environment([:])))
        await #expect(throws: APIError.insecureURL("http://example.com/x")) {
            try await transport.send(HTTPRequest(url: "http://example.com/x", timeout: 2))
        }
        // Port 9 (discard) on loopback is closed on any sane test machine.
        await #expect(throws: APIError.self) {
            try await transport.send(HTTPRequest(url: "http://127.0.0.1:9/x", timeout: 2))
        }
    }
}
