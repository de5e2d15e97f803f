import RealityCheck
import Testing

/// Mocked HTTP on the `http` fixture: `api/openapi.yaml` (servers prefix /v1, $ref, allOf, a cycle), a Swagger 2.0
/// document for payments.example.com named with --spec, a WireMock mapping and a HAR recording.
struct HTTPCheckTests {
    static let test = "web/src/api.test.ts"

    static var claims: CheckClaims {
        var claims = CheckClaims()
        claims.http = [
            // Drift.
            HTTPItem(file: test, line: 10, method: "GET", host: nil, path: "/v1/users/123/avatar", status: 200),
            HTTPItem(file: test, line: 11, method: "DELETE", host: nil, path: "/v1/users/1", status: 204),
            HTTPItem(file: test, line: 12, method: "GET", host: nil, path: "/v1/users/1", status: 500),
            HTTPItem(
                file: test, line: 13, method: "GET", host: nil, path: "/v1/users/1", status: 200,
                responseFields: ["id", "mail"]),
            HTTPItem(
                file: test, line: 14, method: "POST", host: nil, path: "/v1/users", status: 201,
                requestFields: ["email", "nickname"]),
            HTTPItem(
                file: test, line: 15, method: "GET", host: "payments.example.com", path: "/api/refunds", status: 200),
            HTTPItem(
                file: test, line: 16, method: "GET", host: "status.example.org", path: "/health", status: 200,
                responseFields: ["status", "version"]),
            // Must not be flagged.
            HTTPItem(
                file: test, line: 20, method: "GET", host: nil, path: "/v1/users/123", status: 200,
                responseFields: ["id", "email", "profile", "profile.avatar"]),
            HTTPItem(file: test, line: 21, method: "GET", host: nil, path: "/users/:id", status: 404),
            HTTPItem(
                file: test, line: 22, method: "GET", host: "api.shop.example.com", path: "/v1/orders?limit=5",
                status: 200, responseFields: ["[].id", "[].total", "[].parent.parent.id"]),
            HTTPItem(
                file: test, line: 23, method: "POST", host: nil, path: "/v1/users", status: 201,
                responseFields: ["id", "email"], requestFields: ["email", "name"]),
            HTTPItem(
                file: test, line: 24, method: "POST", host: "payments.example.com", path: "/api/charges", status: 201,
                responseFields: ["id", "amount"], requestFields: ["amount"]),
            HTTPItem(
                file: test, line: 25, method: "GET", host: nil, path: "/v1/users/7", status: 200,
                responseFields: ["id", "email", "name"]),
            HTTPItem(file: test, line: 26, method: nil, host: nil, path: "/v1/orders", status: 503),
            HTTPItem(file: test, line: 27, method: "GET", host: nil, path: "/v1/users/${id}", status: 200),
            // No description for this host: not checked.
            HTTPItem(file: test, line: 30, method: "GET", host: "api.github.com", path: "/repos/a/b", status: 200),
        ]
        return claims
    }

    static let expected: Set<String> = [
        "\(test):10 http-path /v1/users/123/avatar",
        "\(test):11 http-method DELETE",
        "\(test):12 http-status 500",
        "\(test):13 http-response-field mail",
        "\(test):13 http-response-field email",
        "\(test):14 http-request-field nickname",
        "\(test):15 http-path /api/refunds",
        "\(test):16 fixture-field version",
        "\(test):16 fixture-field uptime",
    ]

    @Test func reportsSeededDriftOnly() throws {
        let payments = try RealityFixtures.root("http") + "/specs/payments.json"
        let report = try RealityFixtures.check("http", claims: Self.claims, specs: ["payments.example.com": payments])
        #expect(report.signatures == Self.expected)
        #expect(report.notChecked.map(\.line) == [30])
        let removed = try #require(report.mismatches.first { $0.line == 10 })
        #expect(removed.reality == "api/openapi.yaml")
        #expect(removed.engine == "openapi 3.0.3")
        let method = try #require(report.mismatches.first { $0.line == 11 })
        #expect(method.reality == "api/openapi.yaml:8")
        #expect(method.reason == "/users/{userId} allows GET, not DELETE")
        let status = try #require(report.mismatches.first { $0.line == 12 })
        #expect(status.reality == "api/openapi.yaml:14")
        #expect(report.mismatches.first { $0.line == 15 }?.engine == "swagger 2.0")
        #expect(report.mismatches.first { $0.line == 16 }?.reality == "test/recordings/status.har:2")
    }

    @Test func fixtureComparisonAgainstWireMock() throws {
        var claims = CheckClaims()
        claims.http = [
            HTTPItem(
                file: Self.test, line: 1, method: "GET", host: nil, path: "/v1/users/7", responseFields: ["id", "mail"]),
            // Leaving optional fields out is no drift.
            HTTPItem(
                file: Self.test, line: 2, method: "GET", host: nil, path: "/v1/users/7",
                responseFields: ["id", "email"]),
        ]
        let report = try RealityFixtures.check("http", claims: claims)
        #expect(
            report.signatures == [
                "\(Self.test):1 http-response-field mail", "\(Self.test):1 http-response-field email",
                "\(Self.test):1 fixture-field email, name",
            ])
        let fixture = try #require(report.mismatches.first { $0.kind == .fixtureField })
        #expect(fixture.reality == "test/wiremock/mappings/user-7.json:2")
        #expect(fixture.reason == "the mock drops email, name, which the recorded response has")
    }

    @Test func unreadableSpecIsAnError() throws {
        #expect(
            throws: CheckError.unreadableSpec(
                host: "x.example", path: "/nonexistent.yaml", reason: "cannot read the file")
        ) {
            try RealityFixtures.check("http", claims: CheckClaims(), specs: ["x.example": "/nonexistent.yaml"])
        }
    }

    @Test func pathTemplatesMatchOtherParameterNames() {
        let template = PathTemplate.segments("/v1/users/{userId}/orders/{orderId}")
        #expect(PathTemplate.matches(claimed: PathTemplate.segments("/v1/users/:id/orders/9?x=1"), template: template))
        #expect(PathTemplate.matches(claimed: PathTemplate.segments("/v1/users/${u.id}/orders/*"), template: template))
        #expect(!PathTemplate.matches(claimed: PathTemplate.segments("/v1/users/1/invoices/9"), template: template))
    }
}
