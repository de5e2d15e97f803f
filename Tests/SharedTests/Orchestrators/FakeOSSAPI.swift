import Shared
import SharedCrypto
import TestSupport

/// The OSS API as canned responses over `FakeTransport`: encrypted prompts, custom prompts, a manifest signed with
/// `signer`, and any reply by URL. Unknown URLs answer 404; URLs marked hanging never answer (the caller's deadline
/// ends them).
struct FakeOSSAPI {
    /// The API base URL the sandbox config points at (https, so `URLPolicy` admits it).
    static let baseURL = "https://api.oss.test"

    /// The manifest signing key; the sandbox sets `OSS_MANIFEST_PUBLIC_KEY` to its public half.
    let signer: ManifestSigner
    private(set) var replies: [String: HTTPResponse] = [:]
    private(set) var hanging: Set<String> = []
    private(set) var manifestEntries: [(key: String, hash: String, size: Int)] = []

    init(signer: ManifestSigner = ManifestSigner()) {
        self.signer = signer
    }

    /// The URL of a prompt.
    static func promptURL(type: String, name: String) throws -> String {
        Endpoint.prompt(try PromptReference(type: type, name: name)).url(baseURL: baseURL)
    }

    /// The manifest URL.
    static var manifestURL: String { Endpoint.manifest.url(baseURL: baseURL) }

    /// Serves `text` encrypted for `credentials` and lists it in the manifest with its true hash.
    mutating func addPrompt(type: String, name: String, text: String, credentials: Credentials) throws {
        let payload = try PromptCipher.encrypt(text, credentials: credentials)
        let body: JSONValue = [
            "encrypted": .string(payload.encrypted), "iv": .string(payload.iv), "authTag": .string(payload.authTag),
        ]
        replies[try Self.promptURL(type: type, name: name)] = FakeTransport.json(body)
        manifestEntries.append(("\(type)/\(name)", Watermark.contentHash(text), text.utf8.count))
    }

    /// Lists an entry in the manifest without serving a prompt for it.
    mutating func addManifestEntry(key: String, hash: String, size: Int) {
        manifestEntries.append((key, hash, size))
    }

    /// The manifest over the listed entries, signed.
    func signedManifest(generatedAt: String = "2026-01-15T12:00:00.000Z") throws -> JSONValue {
        var prompts = JSONObject()
        for entry in manifestEntries {
            prompts[entry.key] = ["hash": .string(entry.hash), "size": .number(Double(entry.size))]
        }
        let manifest: JSONValue = .object(
            JSONObject([
                ("version", 1), ("generatedAt", .string(generatedAt)), ("algorithm", "sha256"),
                ("signing", "ed25519"), ("prompts", .object(prompts)),
            ]))
        return try signer.sign(manifest)
    }

    /// Serves the signed manifest.
    mutating func serveSignedManifest() throws {
        replies[Self.manifestURL] = FakeTransport.json(try signedManifest())
    }

    /// Serves `reply` at `url`.
    mutating func reply(_ url: String, _ reply: HTTPResponse) {
        replies[url] = reply
    }

    /// Makes `url` never answer.
    mutating func hang(_ url: String) {
        hanging.insert(url)
    }

    /// A transport answering from this API and recording every request.
    func transport() -> FakeTransport {
        let replies = self.replies
        let hanging = self.hanging
        return FakeTransport { request in
            if hanging.contains(request.url) {
                try await Task.sleep(for: .seconds(600))
            }
            return replies[request.url] ?? FakeTransport.json(["error": "Not found"], status: 404)
        }
    }
}
