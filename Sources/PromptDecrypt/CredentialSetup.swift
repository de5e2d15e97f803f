import Shared
import SharedCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--setup` (compatibility.md#credentials): fetch `{userId, salt, hardwareId}` for this device and store `credentials.enc`
/// atomically (0600 in a 0700 directory).
package struct CredentialSetup: Sendable {
    private let context: DecryptContext
    private let debug: DebugLog

    /// A setup over `context`.
    package init(context: DecryptContext, debug: DebugLog) {
        self.context = context
        self.debug = debug
    }

    /// Runs setup.
    /// - Throws: `DecryptError.noAPIKey`, `APIError` or `FileError`.
    package func run() async throws {
        let config = context.config
        guard let apiKey = config.apiKey else { throw DecryptError.noAPIKey }
        try URLPolicy.check(config.apiURL)
        let hardwareID = context.hardwareID(context.home)
        debug.log(.derive, "Hardware ID \(hardwareID)")
        let removed = PromptCache.clear(directory: context.paths.promptCacheDir)
        debug.log(.cache, "Removed \(removed) cached prompt file(s)")
        let client = context.apiClient(baseURL: config.apiURL)
        debug.log(.fetch, "GET \(Endpoint.credentials(hardwareID: hardwareID).url(baseURL: config.apiURL))")
        let grant = try await client.fetchCredentials(apiKey: apiKey, hardwareID: hardwareID)
        let credentials = Credentials(
            apiKey: apiKey, userID: grant.userID, hardwareID: grant.hardwareID, salt: grant.salt)
        let store = context.credentialStore
        try store.write(credentials)
        if context.environment.nonEmpty("USER") == nil, let identity = store.identities.first {
            context.console.errorLine(
                "[credentials] USER is not set; credentials.enc is keyed to user \"\(identity.user)\"")
        }
        context.console.line("Setup complete. Credentials stored securely.")
        context.console.line("Note: Any previously cached prompts have been cleared for security.")
    }
}
