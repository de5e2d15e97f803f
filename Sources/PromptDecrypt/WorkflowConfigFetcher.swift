import Shared
import SharedCrypto

/// Hidden `--workflow-config <name>`: the encrypted workflow config of `/api/v1/workflows/<name>`, decrypted with
/// the prompt recipe and printed as text. Used by oss-notify, which links no networking. No manifest check (the
/// original's workflow-config has none). The whole run is bounded by `timeouts.workflowConfig`.
package struct WorkflowConfigFetcher: Sendable {
    private let context: DecryptContext

    /// A fetcher over `context`.
    package init(context: DecryptContext) {
        self.context = context
    }

    /// Fetches, decrypts and prints the config.
    /// - Throws: `APIError` (name validation first), `DecryptError`, `CryptoError`.
    package func run(name: String) async throws {
        try PromptReference.validate(name: name)
        let config = context.config
        guard let apiKey = config.apiKey else { throw DecryptError.noAPIKey }
        let credentials = try context.loadCredentials()
        guard credentials.apiKey == apiKey else { throw DecryptError.credentialsForAnotherKey }
        try URLPolicy.check(config.apiURL)
        let seconds = context.timeouts.workflowConfig
        var configured = context.apiClient(baseURL: config.apiURL)
        configured.timeout = min(configured.timeout, seconds)
        let client = configured
        let url = Endpoint.workflowConfig(name: name).url(baseURL: config.apiURL)
        let text = try await Deadline.run(
            seconds: seconds, timeoutError: { APIError.timedOut(url: url, seconds: seconds) }
        ) {
            async let key = PromptCipher.deriveKey(for: credentials)
            let payload = try await client.fetchWorkflowConfig(name: name, apiKey: apiKey)
            return try PromptCipher.decrypt(
                encrypted: payload.encrypted, iv: payload.iv, authTag: payload.authTag, key: try await key)
        }
        context.console.out(text + "\n")
    }
}
