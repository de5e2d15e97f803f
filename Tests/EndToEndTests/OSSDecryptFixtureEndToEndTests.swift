import Foundation
import Shared
import SharedCrypto
import TestSupport
import Testing

extension DecryptEndToEndSuite {
    /// Runs against files written by the original node oss-decrypt (`Fixtures/decrypt/`, copied from the vectors).
    /// The credentials were encrypted for `linux`/`x64` and a fixed USER/HOME, which the runs pass explicitly; HOME
    /// only feeds the machine key (it is never created), all files live in OSS_CONFIG_DIR.
    @Suite(.enabled(if: MachineIdentity.currentPlatform == "linux" && MachineIdentity.currentArch == "x64"))
    struct OSSDecryptFixtureEndToEndTests {
        private static func serverUser() throws -> OSSAPIServer.User {
            let fixture = try EndToEndFixtures.json("decrypt/end-to-end/fixture.json")
            let user = try #require(fixture["serverUser"])
            return OSSAPIServer.User(
                apiKey: try #require(user["apiKey"]?.stringValue), userID: try #require(user["userId"]?.stringValue),
                salt: try #require(user["salt"]?.stringValue), hardwareID: try #require(user["hardwareId"]?.stringValue)
            )
        }

        /// Starts a server for the fixture user serving prompt.md as commands/integration, with a config dir holding
        /// the original's credentials.enc; runs `body` with (server, config dir, environment).
        private static func withFixture(
            _ body: (OSSAPIServer, String, [String: String]) async throws -> Void
        ) async throws {
            let user = try serverUser()
            let server = try OSSAPIServer(user: user)
            server.setIVMode(.derived)
            server.addPrompt(
                type: "commands", name: "integration", text: try EndToEndFixtures.text("decrypt/end-to-end/prompt.md"))
            server.addCustomPrompt(
                name: "team-check",
                prompt: try #require(
                    try EndToEndFixtures.json("decrypt/end-to-end/custom-team-check.json")["prompt"]?.stringValue))
            try await server.start()
            let dir = try makeTemporaryDirectory()
            defer { FileSystem.removeTree(dir) }
            let configDir = dir + "/cfg"
            try writeFile(
                configDir + "/credentials.enc", try EndToEndFixtures.text("decrypt/end-to-end/credentials.enc"),
                mode: 0o600)
            let config = try EndToEndFixtures.text("decrypt/end-to-end/config.json")
                .replacingOccurrences(of: "http://127.0.0.1:<port>", with: server.baseURL)
            try writeFile(configDir + "/config.json", config)
            let environment = [
                "PATH": "/usr/bin:/bin", "HOME": "/tmp/oss-vectors-e2e-home", "USER": "ossvector", "LANG": "C.UTF-8",
                "OSS_CONFIG_DIR": configDir, "OSS_HTTP_TIMEOUT": "10",
            ]
            do {
                try await body(server, configDir, environment)
                await server.stop()
            } catch {
                await server.stop()
                throw error
            }
        }

        @Test func originalCredentialsDecryptAndStdoutIsByteIdentical() async throws {
            try await Self.withFixture { server, configDir, environment in
                server.setManifest(.notFound)
                let result = try await ToolRunner.runAsync(
                    "oss-decrypt", ["--type", "commands", "--name", "integration"], environment: environment,
                    cwd: configDir)
                #expect(result.status == 0, "\(result)")
                #expect(
                    Array(result.stdout.utf8) == (try EndToEndFixtures.bytes("decrypt/end-to-end/expected-stdout.txt")))
                #expect(result.stderr == (try EndToEndFixtures.text("decrypt/end-to-end/expected-stderr.txt")))

                // The loopback server's ciphertext for this prompt is the fixture's api-response.json.
                let expected = try #require(
                    EncryptedPayload(json: try EndToEndFixtures.json("decrypt/end-to-end/api-response.json")))
                let prompt = try #require(server.http.requests(path: "/api/v1/prompts/integration").last)
                #expect(prompt.header("Authorization") == "Bearer \(try Self.serverUser().apiKey)")
                let credentials = server.credentials()
                let iv: [UInt8] = try #require(Base64.decode(expected.iv))
                let served = try PromptCipher.encrypt(
                    try EndToEndFixtures.text("decrypt/end-to-end/prompt.md"), credentials: credentials, iv: iv)
                #expect(served == expected)

                let custom = try await ToolRunner.runAsync(
                    "oss-decrypt", ["--type", "custom", "--name", "team-check"], environment: environment)
                #expect(custom.status == 0)
                #expect(custom.stdout == "Team check: run `npm test` and summarise failures.\n")
                #expect(custom.stderr == "")

                let missing = try await ToolRunner.runAsync(
                    "oss-decrypt", ["--type", "commands", "--name", "does-not-exist"], environment: environment)
                #expect(missing.status == 1)
                #expect(missing.stdout == "")
                #expect(missing.stderr == "Error: Prompt not found\n")
            }
        }

        @Test func originalManifestsGiveTheOriginalVerdicts() async throws {
            let fixture = try EndToEndFixtures.json("decrypt/end-to-end/fixture.json")
            let runs = try #require(fixture["runs"])
            let testKey = try #require(fixture["testPublicKeySpkiDerBase64"]?.stringValue)
            try await Self.withFixture { server, configDir, environment in
                let arguments = ["--type", "commands", "--name", "integration"]
                let good = try EndToEndFixtures.bytes("decrypt/end-to-end/manifest-testkey-good.json")
                server.override(
                    path: "/api/v1/prompts/manifest",
                    with: .respond(status: 200, headers: [HTTPHeader("Content-Type", "application/json")], body: good))

                // The shipped (production) key rejects the test-key manifest: the original's exact stderr.
                let shipped = try await ToolRunner.runAsync("oss-decrypt", arguments, environment: environment)
                let shippedRun = try #require(runs["shippedBundle_testkeyManifest"])
                #expect(shipped.status == Int32(try #require(shippedRun["rc"]?.intValue)))
                #expect(shipped.stdout == "")
                #expect(shipped.stderr == (try #require(shippedRun["stderr"]?.stringValue)))

                // With the test key it verifies; stderr gains only the override notice.
                var keyed = environment
                keyed["OSS_MANIFEST_PUBLIC_KEY"] = testKey
                let verified = try await ToolRunner.runAsync("oss-decrypt", arguments, environment: keyed)
                let goodRun = try #require(runs["testkeyBundle_goodManifest"])
                #expect(verified.status == 0, "\(verified)")
                #expect(verified.stdout == (try #require(goodRun["stdout"]?.stringValue)))
                let goodStderr = try #require(goodRun["stderr"]?.stringValue)
                #expect(
                    verified.stderr
                        == goodStderr.replacingOccurrences(
                            of: "[verify] Checking prompt integrity...\n",
                            with:
                                "[verify] Checking prompt integrity...\n[verify] Using manifest public key from OSS_MANIFEST_PUBLIC_KEY\n"
                        ))
                let state = try JSONValue.parse(try #require(readFile(configDir + "/update-state.json")))
                #expect(state == (try #require(goodRun["updateStateJsonAfter"])))
                #expect(readFile(configDir + "/update-state.json") == goodRun["updateStateJsonAfter"]?.pretty)

                let bad = try EndToEndFixtures.bytes("decrypt/end-to-end/manifest-testkey-badhash.json")
                server.override(
                    path: "/api/v1/prompts/manifest",
                    with: .respond(status: 200, headers: [HTTPHeader("Content-Type", "application/json")], body: bad))
                let blocked = try await ToolRunner.runAsync("oss-decrypt", arguments, environment: keyed)
                let badRun = try #require(runs["testkeyBundle_badHashManifest"])
                #expect(blocked.status == 1)
                #expect(blocked.stdout == "")
                #expect(
                    blocked.stderr
                        == (try #require(badRun["stderr"]?.stringValue)).replacingOccurrences(
                            of: "[verify] Checking prompt integrity...\n",
                            with:
                                "[verify] Checking prompt integrity...\n[verify] Using manifest public key from OSS_MANIFEST_PUBLIC_KEY\n"
                        ))
            }
        }

        @Test func credentialsVectorFileDecryptsPrompts() async throws {
            let vectors = try EndToEndFixtures.text("decrypt/credentials-enc/credentials.enc")
            let user = OSSAPIServer.User(
                apiKey: "ak_test_0123456789abcdef0123456789abcdef", userID: "user_123",
                salt: "9b1d5e7f2a4c6e8b0d1f3a5c7e9b2d4f", hardwareID: "3f2a9c4e1b7d6a5f8e0c2b4d6f8a1c3e")
            let server = try OSSAPIServer(user: user)
            server.addPrompt(type: "skills", name: "tdd", text: "Red, green, refactor.")
            server.setManifest(.notFound)
            try await server.start()
            let dir = try makeTemporaryDirectory()
            defer { FileSystem.removeTree(dir) }
            try writeFile(dir + "/credentials.enc", vectors, mode: 0o600)
            try writeFile(dir + "/config.json", #"{"apiKey":"\#(user.apiKey)","apiUrl":"\#(server.baseURL)"}"#)
            let environment = [
                "PATH": "/usr/bin:/bin", "HOME": "/tmp/oss-vectors-home", "USER": "ossvector", "OSS_CONFIG_DIR": dir,
            ]
            let result = try await ToolRunner.runAsync(
                "oss-decrypt", ["--type", "skills", "--name", "tdd"], environment: environment)
            await server.stop()
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "Red, green, refactor.\n")
        }
    }
}
