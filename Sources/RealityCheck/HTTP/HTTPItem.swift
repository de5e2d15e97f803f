/// One mocked HTTP interaction to judge.
package struct HTTPItem: Sendable, Equatable {
    /// Repository-relative file of the mock.
    package var file: String
    /// 1-based line.
    package var line: Int
    /// Uppercased method; nil when the mock matches any.
    package var method: String?
    /// Lowercased host, when the mock names one.
    package var host: String?
    /// The path (query removed), templates as written.
    package var path: String?
    /// The status the mock returns.
    package var status: Int?
    /// Field paths of the mocked response body.
    package var responseFields: [String]
    /// Field paths of the request body the mock matches on.
    package var requestFields: [String]
    /// Repository-relative fixture the mock serves.
    package var fixture: String?

    /// Creates an item.
    package init(
        file: String, line: Int, method: String?, host: String?, path: String?, status: Int? = nil,
        responseFields: [String] = [], requestFields: [String] = [], fixture: String? = nil
    ) {
        self.file = file
        self.line = line
        self.method = method
        self.host = host
        self.path = path
        self.status = status
        self.responseFields = responseFields
        self.requestFields = requestFields
        self.fixture = fixture
    }

    /// `GET /users/{id}`, `GET api.github.com/repos/x` (or `* path`).
    package var label: String { "\(method ?? "*") \(host ?? "")\(path ?? "/")" }
}
