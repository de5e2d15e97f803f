/// An HTTP interaction a mock promises: the request it matches and the response it returns.
package struct HTTPClaim: Sendable, Equatable {
    /// Uppercased method (`GET`); nil when the mock matches any method.
    package var method: String?
    /// The URL or path template as written (`https://api.github.com/repos/x`, `/api/users/:id`).
    package var url: String?
    /// The host (`api.github.com`) when known.
    package var host: String?
    /// The path, query string removed, templates as written (`/repos/x`).
    package var path: String?
    /// The status the mock returns.
    package var status: Int?
    /// Keys of a literal JSON response body; nested as `a.b`, arrays as `items[].id`.
    package var responseFields: [String]
    /// Keys of a literal request body the mock matches on.
    package var requestFields: [String]
    /// Repository-relative path of a file the mock serves, if any.
    package var fixture: String?
    /// 1-based line where this claim is written.
    package var line: Int

    /// Creates a claim; everything but the line is optional.
    package init(
        method: String? = nil,
        url: String? = nil,
        host: String? = nil,
        path: String? = nil,
        status: Int? = nil,
        responseFields: [String] = [],
        requestFields: [String] = [],
        fixture: String? = nil,
        line: Int
    ) {
        self.method = method
        self.url = url
        self.host = host
        self.path = path
        self.status = status
        self.responseFields = responseFields
        self.requestFields = requestFields
        self.fixture = fixture
        self.line = line
    }
}
