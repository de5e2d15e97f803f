import Foundation
import Shared
import SharedCrypto

/// A loopback OSS API that encrypts with the real recipe (PBKDF2 → AES-256-GCM, 16-byte IV), built on
/// `TestHTTPServer`: credentials, prompts of every type, custom prompts, a signed manifest (with unsigned,
/// tampered, 404, 500 and hanging variants), encrypted workflow configs, analytics and a fake Telegram bot API.
package final class OSSAPIServer: Sendable {
    /// The account the server knows.
    package struct User: Sendable, Equatable {
        /// The API key clients must send as `Bearer`.
        package var apiKey: String
        /// The user id.
        package var userID: String
        /// The PBKDF2 salt.
        package var salt: String
        /// The hardware id the server binds; nil echoes the client's `?hardwareId=`.
        package var hardwareID: String?

        /// Creates a user.
        package init(apiKey: String, userID: String, salt: String, hardwareID: String? = nil) {
            self.apiKey = apiKey
            self.userID = userID
            self.salt = salt
            self.hardwareID = hardwareID
        }

        /// A typical test user.
        package static let standard = User(
            apiKey: "ak_test_0123456789abcdef", userID: "user_test_1", salt: "salt-test-1",
            hardwareID: "0123456789abcdef0123456789abcdef")
    }

    /// How the manifest endpoint behaves.
    package enum ManifestMode: Sendable, Equatable {
        /// Signed with `signer` over the registered prompts.
        case signed
        /// The same manifest without a `signature` field.
        case unsigned
        /// Signed, then one hash changed afterwards (bad signature).
        case tampered
        /// 404.
        case notFound
        /// 500 with an error body.
        case serverError
        /// Never answers.
        case hang
    }

    /// How IVs are chosen for encrypted responses.
    package enum IVMode: Sendable {
        /// 16 random bytes per response.
        case random
        /// `sha256("iv:" + apiKey + ":" + manifestKey)[:16]`, the rule of the end-to-end vectors.
        case derived
    }

    private struct State {
        var user: User
        var prompts: [(key: String, text: String)] = []
        var custom: [String: JSONValue] = [:]
        var workflows: [String: String] = [:]
        var manifestMode: ManifestMode = .signed
        var manifestHashOverrides: [String: String] = [:]
        var overrides: [String: TestHTTPServer.Reply] = [:]
        var ivMode: IVMode = .random
        var generatedAt = "2026-01-15T12:00:00.000Z"
    }

    /// The HTTP server underneath (for its `requests` and `baseURL`).
    package let http: TestHTTPServer
    /// The manifest signing key; point `OSS_MANIFEST_PUBLIC_KEY` at `signer.publicKey.spkiBase64`.
    package let signer: ManifestSigner
    private let state: LockedBox<State>
    // Each (IV mode, prompt, text) is encrypted once, so request latency measures the client, not PBKDF2 here.
    private let payloads = LockedBox<[String: EncryptedPayload]>([:])

    /// A stopped server for `user`; call `start()`.
    package init(user: User = .standard, latency: Double = 0, signer: ManifestSigner = ManifestSigner()) throws {
        http = try TestHTTPServer(latency: latency)
        self.signer = signer
        state = LockedBox(State(user: user))
        let dispatch: TestHTTPServer.Handler = { [state, signer, payloads] request in
            Self.dispatch(request, state: state, signer: signer, payloads: payloads)
        }
        http.route("GET", "/*", dispatch)
        http.route("POST", "/*", dispatch)
    }

    /// Starts listening.
    package func start() async throws { try await http.start() }

    /// Stops the server.
    package func stop() async { await http.stop() }

    /// The base URL to put in `config.json` as `apiUrl`.
    package var baseURL: String { http.baseURL }

    /// Every request received.
    package var requests: [TestHTTPServer.RecordedRequest] { http.requests }

    /// The manifest public key as base64 SPKI.
    package var publicKeySPKI: String { signer.publicKey.spkiBase64 }

    /// The credentials a client ends up with after `--setup` against this server.
    package func credentials(clientHardwareID: String = "") -> Credentials {
        let user = state.withLock { $0.user }
        return Credentials(
            apiKey: user.apiKey, userID: user.userID, hardwareID: user.hardwareID ?? clientHardwareID,
            salt: user.salt)
    }

    /// Serves `text` encrypted for `<type>/<name>` and lists it in the manifest.
    package func addPrompt(type: String, name: String, text: String) {
        state.withLock { state in
            let key = "\(type)/\(name)"
            state.prompts.removeAll { $0.key == key }
            state.prompts.append((key, text))
        }
    }

    /// Serves a custom prompt's plaintext JSON `{prompt, name, displayName, isBlocking}`.
    package func addCustomPrompt(name: String, prompt: String, displayName: String? = nil, isBlocking: Bool = false) {
        let body: JSONValue = [
            "prompt": .string(prompt), "name": .string(name), "displayName": .string(displayName ?? name),
            "isBlocking": .bool(isBlocking),
        ]
        state.withLock { $0.custom[name] = body }
    }

    /// Serves `/api/v1/workflows/<name>`: `json` encrypted with the prompt recipe.
    package func addWorkflow(name: String, json: String) {
        state.withLock { $0.workflows[name] = json }
    }

    /// Chooses the manifest behaviour.
    package func setManifest(_ mode: ManifestMode) {
        state.withLock { $0.manifestMode = mode }
    }

    /// Publishes a wrong (or any) hash for a manifest key; the manifest stays correctly signed.
    package func overrideManifestHash(_ key: String, hash: String) {
        state.withLock { $0.manifestHashOverrides[key] = hash }
    }

    /// Answers every request to the raw `path` with `reply` instead of the normal behaviour.
    package func override(path: String, with reply: TestHTTPServer.Reply) {
        state.withLock { $0.overrides[path] = reply }
    }

    /// Chooses how IVs are generated.
    package func setIVMode(_ mode: IVMode) {
        state.withLock { $0.ivMode = mode }
    }

    /// The manifest the server would currently publish (signed according to the mode).
    package func manifest() throws -> JSONValue {
        try Self.manifest(state.current, signer: signer, mode: state.current.manifestMode)
    }

    /// Analytics POSTs received.
    package var analyticsRequests: [TestHTTPServer.RecordedRequest] { http.requests(path: "/api/v1/analytics/track") }

    /// Telegram `sendMessage` POSTs received.
    package var telegramRequests: [TestHTTPServer.RecordedRequest] {
        http.requests.filter { $0.path.hasPrefix("/bot") && $0.path.hasSuffix("/sendMessage") }
    }

    // MARK: - Dispatch

    private static func dispatch(
        _ request: TestHTTPServer.RecordedRequest, state: LockedBox<State>, signer: ManifestSigner,
        payloads: LockedBox<[String: EncryptedPayload]>
    ) -> TestHTTPServer.Reply {
        let snapshot = state.current
        if let reply = snapshot.overrides[request.path] { return reply }
        let path = request.path
        if request.method == "POST" {
            if path == "/api/v1/analytics/track" { return .json(["success": true]) }
            if path.hasPrefix("/bot"), path.hasSuffix("/sendMessage") { return .json(["ok": true]) }
            return .json(["error": "Not found"], status: 404)
        }
        if path == "/api/v1/prompts/manifest" { return manifestReply(snapshot, signer: signer) }
        guard authorized(request, snapshot.user) else { return .json(["error": "Unauthorized"], status: 401) }
        if path == "/api/v1/auth/credentials" { return credentialsReply(request, snapshot.user) }
        let prefix = "/api/v1/prompts/"
        if path.hasPrefix(prefix) {
            let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
                .map { String($0).removingPercentEncoding ?? String($0) }
            let key: String
            switch parts.count {
            case 1: key = "commands/\(parts[0])"
            case 2 where parts[0] == "custom":
                guard let body = snapshot.custom[parts[1]] else {
                    return .json(["error": "Prompt not found"], status: 404)
                }
                return .json(body)
            case 2: key = "\(parts[0])/\(parts[1])"
            default: return .json(["error": "Not found"], status: 404)
            }
            guard let text = snapshot.prompts.first(where: { $0.key == key })?.text else {
                return .json(["error": "Prompt not found"], status: 404)
            }
            return encryptedReply(text, key: key, snapshot: snapshot, payloads: payloads)
        }
        let workflows = "/api/v1/workflows/"
        if path.hasPrefix(workflows) {
            let name = String(path.dropFirst(workflows.count)).removingPercentEncoding ?? ""
            guard let json = snapshot.workflows[name] else {
                return .json(["error": "Workflow not found"], status: 404)
            }
            return encryptedReply(json, key: "workflows-config/\(name)", snapshot: snapshot, payloads: payloads)
        }
        return .json(["error": "Not found"], status: 404)
    }

    private static func authorized(_ request: TestHTTPServer.RecordedRequest, _ user: User) -> Bool {
        request.header("Authorization") == "Bearer \(user.apiKey)"
    }

    private static func credentialsReply(_ request: TestHTTPServer.RecordedRequest, _ user: User)
        -> TestHTTPServer.Reply
    {
        let sent = request.query.split(separator: "&").compactMap { item -> String? in
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0] == "hardwareId" else { return nil }
            return String(pair[1]).removingPercentEncoding
        }.first
        guard let hardwareID = user.hardwareID ?? sent else {
            return .json(["error": "hardwareId is required"], status: 400)
        }
        return .json(["userId": .string(user.userID), "salt": .string(user.salt), "hardwareId": .string(hardwareID)])
    }

    private static func encryptedReply(
        _ text: String, key: String, snapshot: State, payloads: LockedBox<[String: EncryptedPayload]>
    ) -> TestHTTPServer.Reply {
        let user = snapshot.user
        let cacheKey = "\(snapshot.ivMode)\u{0}\(user.apiKey)\u{0}\(key)\u{0}\(text)"
        if let cached = payloads.withLock({ $0[cacheKey] }) { return .json(cached.json) }
        let credentials = Credentials(
            apiKey: user.apiKey, userID: user.userID, hardwareID: user.hardwareID ?? "", salt: user.salt)
        let iv: [UInt8]
        switch snapshot.ivMode {
        case .random: iv = PromptCipher.randomIV()
        case .derived: iv = Array(ContentHash.sha256("iv:\(user.apiKey):\(key)").prefix(16))
        }
        do {
            let payload = try PromptCipher.encrypt(text, credentials: credentials, iv: iv)
            payloads.withLock { $0[cacheKey] = payload }
            return .json(payload.json)
        } catch {
            return .json(["error": "encryption failed"], status: 500)
        }
    }

    private static func manifestReply(_ snapshot: State, signer: ManifestSigner) -> TestHTTPServer.Reply {
        switch snapshot.manifestMode {
        case .notFound: return .json(["error": "Not found"], status: 404)
        case .serverError: return .json(["error": "Internal error"], status: 500)
        case .hang: return .hang
        case .signed, .unsigned, .tampered:
            guard let manifest = try? manifest(snapshot, signer: signer, mode: snapshot.manifestMode) else {
                return .json(["error": "signing failed"], status: 500)
            }
            return .json(manifest)
        }
    }

    private static func manifest(_ snapshot: State, signer: ManifestSigner, mode: ManifestMode) throws -> JSONValue {
        var prompts = JSONObject()
        for (key, text) in snapshot.prompts {
            let hash = snapshot.manifestHashOverrides[key] ?? Watermark.contentHash(text)
            prompts[key] = ["hash": .string(hash), "size": .number(Double(text.utf8.count))]
        }
        for (key, hash) in snapshot.manifestHashOverrides where prompts[key] == nil {
            prompts[key] = ["hash": .string(hash), "size": 1]
        }
        let unsigned: JSONValue = [
            "version": 1, "generatedAt": .string(snapshot.generatedAt), "algorithm": "sha256", "signing": "ed25519",
            "prompts": .object(prompts),
        ]
        switch mode {
        case .unsigned:
            return unsigned
        case .tampered:
            guard var object = try signer.sign(unsigned).objectValue, var list = object["prompts"]?.objectValue,
                let first = list.keys.first
            else { return unsigned }
            list[first] = ["hash": .string(String(repeating: "0", count: 64)), "size": 1]
            object["prompts"] = .object(list)
            return .object(object)
        default:
            return try signer.sign(unsigned)
        }
    }
}
