/// `config.json`: the API key and base URL written by `/oss:login`.
package struct OSSConfig: Sendable, Equatable {
    /// The default API base URL.
    package static let defaultAPIURL = "https://one-shot-ship-api.onrender.com"

    /// `apiKey`, nil when missing or empty.
    package var apiKey: String?
    /// `apiUrl`, or the default.
    package var apiURL: String

    /// A configuration with these values.
    package init(apiKey: String? = nil, apiURL: String = OSSConfig.defaultAPIURL) {
        self.apiKey = apiKey
        self.apiURL = apiURL
    }

    /// Reads `path`; a missing or unparsable file counts as empty, as upstream does.
    package static func load(path: String) -> OSSConfig {
        guard let bytes = FileSystem.readIfPresent(path), let json = try? JSONValue.parse(bytes: bytes) else {
            return OSSConfig()
        }
        let key = json["apiKey"]?.stringValue
        let url = json["apiUrl"]?.stringValue
        return OSSConfig(
            apiKey: key?.isEmpty == false ? key : nil,
            apiURL: url.flatMap { $0.isEmpty ? nil : $0 } ?? defaultAPIURL)
    }
}
