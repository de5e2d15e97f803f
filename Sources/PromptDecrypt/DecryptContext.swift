import Shared
import SharedCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything an oss-decrypt run depends on, injected so tests run it in-process against fakes.
package struct DecryptContext: Sendable {
    /// The process environment.
    package var environment: Environment
    /// Resolved paths (`OSS_CONFIG_DIR` honoured for every flag, D37).
    package var paths: OSSPaths
    /// The HTTP transport.
    package var transport: any HTTPTransport
    /// Where output goes.
    package var console: Console
    /// Time budgets.
    package var timeouts: DecryptTimeouts
    /// The clock for debug lines and delivery-log stamps.
    package var clock: WallClock
    /// The login name used when `USER` is unset (D36).
    package var loginName: String?
    /// Computes this machine's hardware id for a home directory.
    package var hardwareID: @Sendable (String) -> String

    /// A context; defaults describe the real machine.
    package init(
        environment: Environment,
        transport: any HTTPTransport,
        console: Console,
        clock: WallClock = .system,
        loginName: String? = MachineIdentity.loginName(),
        hardwareID: @escaping @Sendable (String) -> String = { HardwareID.current(home: $0) }
    ) {
        self.environment = environment
        paths = OSSPaths(environment: environment)
        self.transport = transport
        self.console = console
        timeouts = DecryptTimeouts(environment: environment)
        self.clock = clock
        self.loginName = loginName
        self.hardwareID = hardwareID
    }

    /// `config.json` from the config directory.
    package var config: OSSConfig { OSSConfig.load(path: paths.configFile) }

    /// Node's `os.homedir()`: `$HOME`, else the password database.
    package var home: String { environment.home ?? paths.home }

    /// The identities that may open `credentials.enc`, in order.
    package var identities: [MachineIdentity] {
        MachineIdentity.candidates(user: environment["USER"], loginName: loginName, home: home)
    }

    /// The credential store in the config directory.
    package var credentialStore: CredentialStore {
        CredentialStore(path: paths.credentialsFile, identities: identities)
    }

    /// An API client for `config.apiUrl` whose clear-cache directive empties the prompt cache and says so.
    package func apiClient(baseURL: String) -> APIClient {
        let cacheDir = paths.promptCacheDir
        let console = self.console
        return APIClient(baseURL: baseURL, transport: transport, timeout: timeouts.request) {
            PromptCache.clear(directory: cacheDir)
            console.errorLine("[SECURITY] Local prompt cache cleared by server directive.")
        }
    }

    /// The manifest key: the production key, or the `OSS_MANIFEST_PUBLIC_KEY` override (announced on stderr).
    /// - Throws: `DecryptError.invalidManifestKeyOverride` when the override does not parse.
    package func manifestKey() throws(DecryptError) -> ManifestPublicKey {
        guard let text = environment.nonEmpty(ManifestPublicKey.environmentVariable) else { return .production }
        guard let key = ManifestPublicKey(spkiBase64: text) else { throw .invalidManifestKeyOverride }
        console.errorLine("[verify] Using manifest public key from \(ManifestPublicKey.environmentVariable)")
        return key
    }

    /// Reads the credentials, saying so on stderr when `USER` is unset and a fallback identity opened them (D36).
    /// - Throws: `DecryptError.credentialsNotFound`.
    package func loadCredentials() throws(DecryptError) -> Credentials {
        guard let lookup = credentialStore.read() else { throw .credentialsNotFound }
        if environment.nonEmpty("USER") == nil {
            console.errorLine(
                "[credentials] USER is not set; opened credentials.enc as user \"\(lookup.identity.user)\"")
        }
        return lookup.credentials
    }
}
