import Shared
import TestSupport
import Testing

@testable import Shared

/// `config.json`: API key and base URL.
struct OSSConfigTests {
    private func load(_ text: String?) throws -> OSSConfig {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("config.json")
            if let text { try writeFile(path, text) }
            return OSSConfig.load(path: path)
        }
    }

    @Test func readsKeyAndURL() throws {
        let config = try load(#"{"apiKey": "ak_live_123", "apiUrl": "http://127.0.0.1:9000", "other": 1}"#)
        #expect(config == OSSConfig(apiKey: "ak_live_123", apiURL: "http://127.0.0.1:9000"))
    }

    @Test func missingFileIsEmptyWithTheDefaultURL() throws {
        let config = try load(nil)
        #expect(config.apiKey == nil)
        #expect(config.apiURL == "https://one-shot-ship-api.onrender.com")
        #expect(config.apiURL == OSSConfig.defaultAPIURL)
    }

    @Test func emptyOrWrongTypedValuesAreTreatedAsMissing() throws {
        #expect(try load(#"{"apiKey": "", "apiUrl": ""}"#) == OSSConfig())
        #expect(try load(#"{"apiKey": 12, "apiUrl": false}"#) == OSSConfig())
        #expect(try load(#"{"apiKey": null}"#) == OSSConfig())
    }

    @Test func unparsableFileIsAnEmptyConfig() throws {
        #expect(try load(#"{"apiKey": "ak_x""#) == OSSConfig())
        #expect(try load("") == OSSConfig())
        #expect(try load("[1,2]") == OSSConfig())
    }

    @Test func keyWithoutURLUsesTheDefault() throws {
        #expect(try load(#"{"apiKey": "ak_1"}"#) == OSSConfig(apiKey: "ak_1", apiURL: OSSConfig.defaultAPIURL))
    }
}
