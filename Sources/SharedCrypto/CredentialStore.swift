import Crypto
import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes `credentials.enc`: one line `base64(iv):base64(tag):base64(ciphertext)` (compatibility.md#credentials).
package struct CredentialStore: Sendable {
    /// Result of a successful read: the credentials and the identity whose key opened them.
    package struct Lookup: Equatable, Sendable {
        /// The decrypted credentials.
        package var credentials: Credentials
        /// The machine identity that authenticated.
        package var identity: MachineIdentity
    }

    /// Path of `credentials.enc`.
    package var path: String
    /// Identities to try, in order; the first one is used for writing.
    package var identities: [MachineIdentity]

    /// Creates a store for the file at `path`, keyed by `identities` (see `MachineIdentity.candidates`).
    package init(path: String, identities: [MachineIdentity]) {
        self.path = path
        self.identities = identities
    }

    /// Reads the credentials; nil when the file is missing, malformed or opens with none of the identities
    /// (upstream treats all of these as "no credentials").
    package func read() -> Lookup? {
        guard let bytes = FileSystem.readIfPresent(path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        for identity in identities {
            if let credentials = try? Self.decode(text, key: identity.key) {
                return Lookup(credentials: credentials, identity: identity)
            }
        }
        return nil
    }

    /// Encrypts with the first identity's key and writes the file atomically with mode 0600. The directory is
    /// created 0700, and an existing one of ours that others can enter is tightened to 0700.
    /// - Parameter iv: fixed IV for known-answer tests; random when nil.
    package func write(_ credentials: Credentials, iv: [UInt8]? = nil) throws {
        guard let identity = identities.first else { throw CryptoError.malformedCredentials }
        let text = try Self.encode(credentials, key: identity.key, iv: iv ?? PromptCipher.randomIV())
        let directory = Self.directory(of: path)
        try FileSystem.createDirectories(directory, mode: 0o700)
        var status = stat()
        if stat(directory, &status) == 0, status.st_uid == getuid(), status.st_mode & 0o077 != 0 {
            chmod(directory, 0o700)
        }
        try FileSystem.writeAtomically(Array(text.utf8), to: path, mode: 0o600)
    }

    /// The file text for `credentials` under `key` and `iv`.
    package static func encode(_ credentials: Credentials, key: SymmetricKey, iv: [UInt8]) throws(CryptoError)
        -> String
    {
        let sealed = try PromptCipher.seal(Array(credentials.json.utf8), iv: iv, key: key)
        return Base64.encode(iv) + ":" + Base64.encode(sealed.tag) + ":" + Base64.encode(sealed.ciphertext)
    }

    /// Decrypts file text with `key`.
    /// - Throws: `CryptoError.malformedCredentials` for a bad shape, `.authenticationFailed` for the wrong key.
    package static func decode(_ text: String, key: SymmetricKey) throws(CryptoError) -> Credentials {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let iv = Base64.decode(String(parts[0])),
            let tag = Base64.decode(String(parts[1])),
            let ciphertext = Base64.decode(String(parts[2]))
        else { throw .malformedCredentials }
        let plaintext = try PromptCipher.open(ciphertext: ciphertext, iv: iv, tag: tag, key: key)
        guard let credentials = Credentials(json: String(decoding: plaintext, as: UTF8.self)) else {
            throw .malformedCredentials
        }
        return credentials
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
