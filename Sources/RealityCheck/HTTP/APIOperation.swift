/// One operation of an API description.
package struct APIOperation: Sendable, Equatable {
    /// Uppercased method.
    package var method: String
    /// The path template as written in the description (without server prefix).
    package var path: String
    /// Response shapes by status key (`200`, `2XX`, `default`); nil shape when the response has no JSON schema.
    package var responses: [String: BodyShape?]
    /// The JSON request body shape, if any.
    package var requestBody: BodyShape?
    /// 1-based line of the operation in the description.
    package var line: Int

    /// Creates an operation.
    package init(method: String, path: String, responses: [String: BodyShape?], requestBody: BodyShape?, line: Int) {
        self.method = method
        self.path = path
        self.responses = responses
        self.requestBody = requestBody
        self.line = line
    }
}
