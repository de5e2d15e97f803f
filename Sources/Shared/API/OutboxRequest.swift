/// One background HTTP send queued by a hook (analytics, Telegram), delivered later by `oss-decrypt --deliver`.
///
/// The full URL travels in the file (never on argv), so the sender needs no settings of its own.
package struct OutboxRequest: Equatable, Sendable {
    /// `GET`, `POST`, …
    package var method: String
    /// The absolute URL (must be https, or http to loopback, when delivered).
    package var url: String
    /// Header fields in order (may hold an API key: outbox files are 0600).
    package var headers: [HTTPHeader]
    /// The body text (UTF-8), empty for none.
    package var body: String

    /// Creates a request.
    package init(method: String, url: String, headers: [HTTPHeader] = [], body: String = "") {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The JSON form stored in an outbox file.
    package var json: JSONValue {
        [
            "method": .string(method),
            "url": .string(url),
            "headers": .array(headers.map { ["name": .string($0.name), "value": .string($0.value)] }),
            "body": .string(body),
        ]
    }

    /// Reads the JSON form; nil when a field is missing or has the wrong type.
    package init?(json: JSONValue) {
        guard let method = json["method"]?.stringValue, let url = json["url"]?.stringValue,
            let headerList = json["headers"]?.arrayValue, let body = json["body"]?.stringValue
        else { return nil }
        var headers: [HTTPHeader] = []
        for entry in headerList {
            guard let name = entry["name"]?.stringValue, let value = entry["value"]?.stringValue else { return nil }
            headers.append(HTTPHeader(name, value))
        }
        self.init(method: method, url: url, headers: headers, body: body)
    }
}
