/// A response the repository keeps on file for an endpoint: a WireMock mapping, a VCR/Polly cassette entry, a HAR
/// entry.
package struct RecordedExchange: Sendable, Equatable {
    /// Repository-relative file.
    package var file: String
    /// 1-based line (1 when unknown).
    package var line: Int
    /// `wiremock`, `vcr`, `har`.
    package var format: String
    /// Uppercased method.
    package var method: String
    /// Lowercased host, when recorded.
    package var host: String?
    /// The path (query removed).
    package var path: String
    /// Field paths of the recorded JSON body.
    package var fields: Set<String>

    /// Creates a recording.
    package init(
        file: String, line: Int, format: String, method: String, host: String?, path: String, fields: Set<String>
    ) {
        self.file = file
        self.line = line
        self.format = format
        self.method = method
        self.host = host
        self.path = path
        self.fields = fields
    }
}
