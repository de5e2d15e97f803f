import Crypto
import Shared
import SharedCrypto
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct CredentialStoreTests {
    private static let vectorIdentity = MachineIdentity(
        user: "ossvector", home: "/tmp/oss-vectors-home", platform: "linux", arch: "x64")

    @Test func machineKeyRecipesMatchUpstream() throws {
        let vectors = try CryptoVectors.json("credentials-enc/vectors.json")
        for entry in try CryptoVectors.cases(vectors, "machineKeyRecipes") {
            let candidates = MachineIdentity.candidates(
                user: entry["env_USER"]?.stringValue, loginName: nil,
                home: try CryptoVectors.string(entry, "env_HOME"),
                platform: try CryptoVectors.string(entry, "platform"),
                arch: try CryptoVectors.string(entry, "arch"))
            let identity = try #require(candidates.first)
            #expect(identity.idString == (try CryptoVectors.string(entry, "machineIdString")))
            #expect(
                identity.key.withUnsafeBytes { Hex.encode($0) } == (try CryptoVectors.string(entry, "machineKeyHex")))
        }
    }

    @Test func credentialsWrittenByUpstreamDecrypt() throws {
        let expected = try #require(Credentials(json: CryptoVectors.text("credentials-enc/credentials.json")))
        for file in ["credentials-enc/credentials.enc", "credentials-enc/credentials-fixed-iv.enc"] {
            let text = try CryptoVectors.text(file)
            #expect(try CredentialStore.decode(text, key: Self.vectorIdentity.key) == expected, "\(file)")
        }
        #expect(expected.json == (try CryptoVectors.text("credentials-enc/credentials.json")))
    }

    @Test func fixedIVEncryptionIsByteIdenticalToUpstream() throws {
        let vectors = try CryptoVectors.json("credentials-enc/vectors.json")
        let fixed = try #require(vectors["fixedIv"])
        let iv = try #require(Hex.decode(CryptoVectors.string(fixed, "ivHex")))
        let credentials = try #require(Credentials(json: CryptoVectors.text("credentials-enc/credentials.json")))
        let text = try CredentialStore.encode(credentials, key: Self.vectorIdentity.key, iv: iv)
        #expect(text == (try CryptoVectors.string(fixed, "expectedFileContent")))
        #expect(text == (try CryptoVectors.text("credentials-enc/credentials-fixed-iv.enc")))
    }

    @Test func wrongMachineCannotOpenTheFile() throws {
        let vectors = try CryptoVectors.json("credentials-enc/vectors.json")
        let wrong = try #require(vectors["wrongMachine"])
        let identity = MachineIdentity(
            user: try CryptoVectors.string(wrong, "env_USER"), home: try CryptoVectors.string(wrong, "env_HOME"),
            platform: try CryptoVectors.string(wrong, "platform"), arch: try CryptoVectors.string(wrong, "arch"))
        #expect(throws: CryptoError.authenticationFailed) {
            try CredentialStore.decode(CryptoVectors.text("credentials-enc/credentials.enc"), key: identity.key)
        }
        #expect(
            CryptoError.authenticationFailed.description
                == (try CryptoVectors.string(wrong, "upstreamDecryptCredentialsError")))
        try withTemporaryDirectory { dir in
            let path = dir + "/credentials.enc"
            try writeFile(path, try CryptoVectors.text("credentials-enc/credentials.enc"))
            #expect(CredentialStore(path: path, identities: [identity]).read() == nil)
            #expect(
                CredentialStore(path: path, identities: [identity, Self.vectorIdentity]).read()?.identity
                    == Self.vectorIdentity)
        }
    }

    @Test func malformedFilesReadAsNoCredentials() throws {
        try withTemporaryDirectory { dir in
            let store = CredentialStore(path: dir + "/credentials.enc", identities: [Self.vectorIdentity])
            #expect(store.read() == nil)
            for text in ["", "abc", "a:b", "!!:??:**", "AAAA:AAAA:AAAA:AAAA"] {
                try writeFile(store.path, text)
                #expect(store.read() == nil, "\(text)")
            }
            #expect(throws: CryptoError.malformedCredentials) {
                try CredentialStore.decode("a:b", key: Self.vectorIdentity.key)
            }
        }
    }

    @Test func writeThenReadRoundTripsWithSecureModes() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/config/credentials.enc"
            let store = CredentialStore(path: path, identities: [Self.vectorIdentity])
            let credentials = Credentials(apiKey: "ak_1", userID: "u1", hardwareID: "hw", salt: "s")
            try store.write(credentials)
            #expect(store.read()?.credentials == credentials)
            var status = stat()
            #expect(stat(path, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600)
            #expect(stat(dir + "/config", &status) == 0)
            #expect(status.st_mode & 0o777 == 0o700)
            let text = try #require(readFile(path))
            #expect(!text.hasSuffix("\n"))
            #expect(text.split(separator: ":").count == 3)
            #expect(try #require(Base64.decode(String(text.prefix { $0 != ":" }))).count == 16)

            let replaced = Credentials(apiKey: "ak_2", userID: "u2", hardwareID: "hw2", salt: "s2")
            chmod(path, 0o644)
            try store.write(replaced)
            #expect(store.read()?.credentials == replaced)
            #expect(stat(path, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600)
        }
    }

    /// D36: with USER unset, credentials written under the login name are still found, and so are those written
    /// by upstream with its `user` fallback.
    @Test func unsetUserFallsBackToLoginNameThenUpstreamDefault() throws {
        let home = "/home/someone"
        let candidates = MachineIdentity.candidates(
            user: nil, loginName: "someone", home: home, platform: "linux", arch: "x64")
        #expect(candidates.map(\.user) == ["someone", "user"])
        #expect(MachineIdentity.candidates(user: "", loginName: nil, home: home).map(\.user) == ["user"])
        #expect(MachineIdentity.candidates(user: "alice", loginName: "someone", home: home).map(\.user) == ["alice"])

        try withTemporaryDirectory { dir in
            let path = dir + "/credentials.enc"
            let credentials = Credentials(apiKey: "ak", userID: "u", hardwareID: "h", salt: "s")
            let shell = MachineIdentity(user: "someone", home: home, platform: "linux", arch: "x64")
            try CredentialStore(path: path, identities: [shell]).write(credentials)
            let lookup = try #require(CredentialStore(path: path, identities: candidates).read())
            #expect(lookup.credentials == credentials)
            #expect(lookup.identity.user == "someone")

            let upstream = MachineIdentity(user: "user", home: home, platform: "linux", arch: "x64")
            try CredentialStore(path: path, identities: [upstream]).write(credentials)
            #expect(CredentialStore(path: path, identities: candidates).read()?.identity.user == "user")
        }
    }
}
