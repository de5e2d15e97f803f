import Crypto
import Shared
import SharedCrypto

/// The decrypt pipeline of compatibility.md#manifest: fetch the prompt and the manifest concurrently while the key is derived,
/// decrypt, verify before any output (fail closed on a bad signature or hash, fail open when the manifest is
/// unavailable), record the update state, then print the watermarked plaintext. Nothing is written to disk but
/// `update-state.json`.
package struct PromptDecryptor: Sendable {
    private let context: DecryptContext
    private let debug: DebugLog

    /// A pipeline over `context`.
    package init(context: DecryptContext, debug: DebugLog) {
        self.context = context
        self.debug = debug
    }

    /// Runs the pipeline for `--type type --name name` and prints the prompt (plus a newline) on stdout.
    /// - Throws: `APIError` (validation first, before any I/O), `DecryptError`, `CryptoError` or `FileError`.
    package func run(type: String, name: String) async throws {
        context.console.out(try await prompt(type: type, name: name) + "\n")
    }

    /// The pipeline for `--type type --name name`: the verified plaintext, kept in memory only. Progress lines still
    /// go to the context's stderr.
    /// - Throws: as `run`.
    package func prompt(type: String, name: String) async throws -> String {
        let reference = try PromptReference(type: type, name: name)
        let config = context.config
        guard let apiKey = config.apiKey else { throw DecryptError.noAPIKey }
        debug.log(.cache, "Disk cache disabled; fetching \(reference.manifestKey) from the API")
        let credentials = try context.loadCredentials()
        guard credentials.apiKey == apiKey else { throw DecryptError.credentialsForAnotherKey }
        debug.log(.derive, "Loaded credentials", value: credentialsJSON(credentials))
        try URLPolicy.check(config.apiURL)
        let client = context.apiClient(baseURL: config.apiURL)

        if reference.type == "custom" {
            debug.log(.fetch, "GET \(Endpoint.prompt(reference).url(baseURL: config.apiURL))")
            return try await client.fetchCustomPrompt(reference, apiKey: apiKey)
        }

        // The manifest request starts now so that it overlaps the prompt request and the key derivation.
        let manifestTask = Task { await client.fetchManifest() }
        let plaintext: String
        do {
            plaintext = try await fetchAndDecrypt(reference, apiKey: apiKey, credentials: credentials, client: client)
        } catch {
            manifestTask.cancel()
            throw error
        }

        context.console.errorLine("[verify] Checking prompt integrity...")
        let manifest = await awaitManifest(manifestTask)
        if let manifest {
            let hash = try verify(plaintext, reference: reference, manifest: manifest)
            if let hash { try recordUpdate(reference, hash: hash) }
        } else {
            context.console.errorLine("[verify] Manifest unavailable — skipping verification")
        }
        return plaintext
    }

    private func fetchAndDecrypt(
        _ reference: PromptReference, apiKey: String, credentials: Credentials, client: APIClient
    ) async throws -> String {
        let debug = self.debug
        async let derivedKey = Self.deriveKey(credentials, debug: debug)
        debug.log(.fetch, "GET \(Endpoint.prompt(reference).url(baseURL: client.baseURL))")
        let payload = try await client.fetchEncryptedPrompt(reference, apiKey: apiKey)
        let key = try await derivedKey
        debug.log(.decrypt, "Decrypting \(payload.encrypted.utf8.count) base64 bytes")
        let plaintext = try PromptCipher.decrypt(
            encrypted: payload.encrypted, iv: payload.iv, authTag: payload.authTag, key: key)
        debug.log(.decrypt, "Decrypted \(plaintext.utf8.count) bytes")
        return plaintext
    }

    private static func deriveKey(_ credentials: Credentials, debug: DebugLog) throws -> SymmetricKey {
        debug.log(.derive, "Deriving key (PBKDF2-SHA256, \(PromptCipher.rounds) rounds)")
        return try PromptCipher.deriveKey(for: credentials)
    }

    /// Waits for the manifest at most `timeouts.manifest` seconds from now, then gives up on it.
    private func awaitManifest(_ task: Task<JSONValue?, Never>) async -> JSONValue? {
        let seconds = context.timeouts.manifest
        let manifest = try? await Deadline.run(
            seconds: seconds, timeoutError: { APIError.timedOut(url: "manifest", seconds: seconds) }
        ) {
            await task.value
        }
        if manifest == nil { task.cancel() }
        debug.log(.verify, manifest == nil ? "Manifest unavailable" : "Manifest received")
        return manifest ?? nil
    }

    /// Checks signature and hash; returns the manifest hash to record, nil when the prompt is not listed.
    private func verify(_ plaintext: String, reference: PromptReference, manifest: JSONValue) throws -> String? {
        let key = try context.manifestKey()
        guard ManifestVerifier.verify(manifest, key: key) else {
            context.console.errorLine("[verify] Manifest signature: FAILED — prompt blocked")
            throw DecryptError.manifestSignatureFailed
        }
        context.console.errorLine("[verify] Manifest signature: valid")
        guard let entry = manifest["prompts"]?[reference.manifestKey] else {
            debug.log(.verify, "\(reference.manifestKey) is not in the manifest; hash check skipped")
            return nil
        }
        let computed = Watermark.contentHash(plaintext)
        guard let expected = entry["hash"]?.stringValue, expected.utf8.elementsEqual(computed.utf8) else {
            context.console.errorLine("[verify] Prompt hash: FAILED — prompt blocked")
            throw DecryptError.promptIntegrityFailed
        }
        context.console.errorLine("[verify] Prompt hash: verified")
        return expected
    }

    private func recordUpdate(_ reference: PromptReference, hash: String) throws {
        let store = UpdateStateStore(path: context.paths.updateStateFile, clock: context.clock)
        let outcome: (change: UpdateStateStore.Change, warnings: [String])
        do {
            outcome = try store.record(key: reference.manifestKey, hash: hash)
        } catch {
            // The prompt verified; a state file we cannot write must not withhold it.
            context.console.errorLine("[update] cannot record the prompt version: \(error)")
            return
        }
        for warning in outcome.warnings { context.console.errorLine("[update] \(warning)") }
        if outcome.change == .updated { context.console.errorLine("[update] /oss:\(reference.name) prompt updated") }
    }

    private func credentialsJSON(_ credentials: Credentials) -> JSONValue {
        [
            "apiKey": .string(credentials.apiKey), "userId": .string(credentials.userID),
            "hardwareId": .string(credentials.hardwareID), "salt": .string(credentials.salt),
        ]
    }
}
