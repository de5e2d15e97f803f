import Foundation
import Shared
import SharedCrypto
import TestSupport
import Testing

extension DecryptEndToEndSuite {
    struct OSSDecryptEndToEndTests {
        private static let keyNotice = "[verify] Using manifest public key from OSS_MANIFEST_PUBLIC_KEY\n"
        private static let verifiedStderr =
            "[verify] Checking prompt integrity...\n" + keyNotice
            + "[verify] Manifest signature: valid\n[verify] Prompt hash: verified\n"

        @Test func setupThenDecryptEveryType() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                let credentialsPath = sandbox.configDir + "/credentials.enc"
                #expect(DecryptSandbox.mode(credentialsPath) == 0o600)
                #expect(DecryptSandbox.mode(sandbox.configDir) == 0o700)
                let setupRequest = try #require(sandbox.server.http.requests(path: "/api/v1/auth/credentials").first)
                #expect(setupRequest.header("Authorization") == "Bearer \(OSSAPIServer.User.standard.apiKey)")
                #expect(setupRequest.header("Content-Type") == "application/json")
                let hardwareID = String(setupRequest.query.dropFirst("hardwareId=".count))
                #expect(hardwareID.count == 32 && hardwareID.allSatisfy { "0123456789abcdef".contains($0) })

                let cases: [(type: String, name: String, path: String)] = [
                    ("commands", "plan", "/api/v1/prompts/plan"),
                    ("workflows", "build", "/api/v1/prompts/workflows/build"),
                    ("skills", "tdd", "/api/v1/prompts/skills/tdd"),
                    ("agents", "code-reviewer", "/api/v1/prompts/agents/code-reviewer"),
                    ("hooks", "pre-commit", "/api/v1/prompts/hooks/pre-commit"),
                ]
                for item in cases {
                    let text = "# \(item.type)/\(item.name)\n\nWatermarked: Hellο wοrld, mοck ѕteps — 日本語 🚀\n"
                    sandbox.server.addPrompt(type: item.type, name: item.name, text: text)
                    let result = try await sandbox.run(["--type", item.type, "--name", item.name])
                    #expect(result.status == 0, "\(item.type): \(result)")
                    #expect(result.stdout == text + "\n", "\(item.type)")
                    #expect(result.stderr == Self.verifiedStderr, "\(item.type)")
                    let requests = sandbox.server.http.requests(path: item.path)
                    #expect(requests.count == 1, "\(item.path)")
                    #expect(requests.first?.header("Authorization") == "Bearer \(OSSAPIServer.User.standard.apiKey)")
                }
                // Every prompt was fetched from the API (no disk cache), and nothing but state was written.
                let names = FileSystem.listDirectory(sandbox.configDir).filter { !$0.hasPrefix(".") }
                #expect(names == ["config.json", "credentials.enc", "update-state.json", "update-state.json.lock"])
            }
        }

        @Test func customPromptPrintsThePlaintextWithoutVerification() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                sandbox.server.addCustomPrompt(name: "team-check", prompt: "Team check: run `npm test`.")
                let result = try await sandbox.run(["--type", "custom", "--name", "team-check"])
                #expect(result.status == 0, "\(result)")
                #expect(result.stdout == "Team check: run `npm test`.\n")
                #expect(result.stderr == "")
                #expect(sandbox.server.http.requests(path: "/api/v1/prompts/custom/team-check").count == 1)
                #expect(sandbox.server.http.requests(path: "/api/v1/prompts/manifest").isEmpty)
                #expect(sandbox.configFile("update-state.json") == nil)
            }
        }

        @Test func errorBodiesMapToUpstreamMessages() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                let cases: [(path: String, reply: TestHTTPServer.Reply, message: String)] = [
                    ("/api/v1/prompts/a401", .json(["error": "Token expired"], status: 401), "Unauthorized"),
                    (
                        "/api/v1/prompts/a403", .json(["error": "Subscription inactive"], status: 403),
                        "Subscription inactive"
                    ),
                    ("/api/v1/prompts/a404", .json(["error": "nope"], status: 404), "Prompt not found"),
                    ("/api/v1/prompts/a500", .text("<html>oops</html>", status: 500), "Request failed"),
                    ("/api/v1/prompts/a502", .json(["error": ["nested": true]], status: 502), "Request failed"),
                ]
                for item in cases {
                    sandbox.server.override(path: item.path, with: item.reply)
                    let name = String(item.path.split(separator: "/").last ?? "")
                    let result = try await sandbox.run(["--type", "commands", "--name", name])
                    #expect(result.status == 1, "\(item.path): \(result)")
                    #expect(result.stdout == "")
                    #expect(result.stderr == "Error: \(item.message)\n", "\(item.path)")
                }
                let missing = try await sandbox.run(["-t", "commands", "-n", "does-not-exist"])
                #expect(missing.status == 1)
                #expect(missing.stderr == "Error: Prompt not found\n")
            }
        }

        @Test func clearCacheDirectiveEmptiesThePromptCache() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                let cache = sandbox.configDir + "/prompt-cache"
                try writeFile(cache + "/old.json", "{}")
                try writeFile(cache + "/keep.txt", "x")
                sandbox.server.override(
                    path: "/api/v1/prompts/plan",
                    with: .json(["error": "Revoked"], status: 403, headers: [HTTPHeader("X-OSS-Clear-Cache", "true")]))
                let result = try await sandbox.run(["--type", "commands", "--name", "plan"])
                #expect(result.status == 1)
                #expect(result.stderr == "[SECURITY] Local prompt cache cleared by server directive.\nError: Revoked\n")
                #expect(!FileSystem.exists(cache + "/old.json"))
                #expect(FileSystem.exists(cache + "/keep.txt"))

                try writeFile(cache + "/again.json", "{}")
                sandbox.server.override(
                    path: "/api/v1/prompts/plan",
                    with: .json(["error": "Revoked"], status: 403, headers: [HTTPHeader("X-OSS-Clear-Cache", "TRUE")]))
                let notExactlyTrue = try await sandbox.run(["--type", "commands", "--name", "plan"])
                #expect(notExactlyTrue.stderr == "Error: Revoked\n")
                #expect(FileSystem.exists(cache + "/again.json"))

                let cleared = try await sandbox.run(["--clear-cache"])
                #expect(cleared.status == 0)
                #expect(cleared.stdout.split(separator: "\n").count == 2)
                #expect(!FileSystem.exists(cache + "/again.json"))
            }
        }

        @Test func manifestVariantsFailClosedOrOpenAsSpecified() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                let text = "Plan the work. Rеview it.\n"
                sandbox.server.addPrompt(type: "commands", name: "plan", text: text)
                let decrypt = { try await sandbox.run(["--type", "commands", "--name", "plan"]) }

                sandbox.server.setManifest(.tampered)
                var result = try await decrypt()
                #expect(result.status == 1)
                #expect(result.stdout == "")
                #expect(
                    result.stderr
                        == "[verify] Checking prompt integrity...\n" + Self.keyNotice
                        + "[verify] Manifest signature: FAILED — prompt blocked\n"
                        + "Error: [SECURITY] Manifest signature verification FAILED. Prompt delivery blocked.\n")

                sandbox.server.setManifest(.unsigned)
                result = try await decrypt()
                #expect(result.status == 1)
                #expect(result.stdout == "")
                #expect(result.stderr.contains("[verify] Manifest signature: FAILED — prompt blocked\n"))

                sandbox.server.setManifest(.signed)
                sandbox.server.overrideManifestHash("commands/plan", hash: String(repeating: "a", count: 64))
                result = try await decrypt()
                #expect(result.status == 1)
                #expect(result.stdout == "")
                #expect(
                    result.stderr
                        == "[verify] Checking prompt integrity...\n" + Self.keyNotice
                        + "[verify] Manifest signature: valid\n[verify] Prompt hash: FAILED — prompt blocked\n"
                        + "Error: [SECURITY] Prompt integrity check FAILED. Content may have been tampered with.\n")
                #expect(sandbox.configFile("update-state.json") == nil)

                // Without the override the production key rejects a test-signed manifest.
                sandbox.server.overrideManifestHash("commands/plan", hash: Watermark.contentHash(text))
                result = try await sandbox.run(
                    ["--type", "commands", "--name", "plan"], removing: ["OSS_MANIFEST_PUBLIC_KEY"])
                #expect(result.status == 1)
                #expect(
                    result.stderr
                        == "[verify] Checking prompt integrity...\n[verify] Manifest signature: FAILED — prompt blocked\n"
                        + "Error: [SECURITY] Manifest signature verification FAILED. Prompt delivery blocked.\n")

                for mode in [OSSAPIServer.ManifestMode.notFound, .serverError] {
                    sandbox.server.setManifest(mode)
                    result = try await decrypt()
                    #expect(result.status == 0, "\(mode)")
                    #expect(result.stdout == text + "\n")
                    #expect(
                        result.stderr
                            == "[verify] Checking prompt integrity...\n[verify] Manifest unavailable — skipping verification\n"
                    )
                }

                let invalidKey = try await sandbox.run(
                    ["--type", "commands", "--name", "plan"], ["OSS_MANIFEST_PUBLIC_KEY": "bm90IGEga2V5"])
                #expect(invalidKey.status == 0, "the manifest is unavailable, so the key is never needed")
                sandbox.server.setManifest(.signed)
                let badKey = try await sandbox.run(
                    ["--type", "commands", "--name", "plan"], ["OSS_MANIFEST_PUBLIC_KEY": "bm90IGEga2V5"])
                #expect(badKey.status == 1)
                #expect(badKey.stdout == "")
                #expect(
                    badKey.stderr.hasSuffix(
                        "Error: OSS_MANIFEST_PUBLIC_KEY is not a base64 Ed25519 public key (SPKI DER)\n"))
            }
        }

        @Test func promptMissingFromManifestIsServedWithoutHashCheck() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                sandbox.server.addPrompt(type: "commands", name: "plan", text: "listed")
                sandbox.server.override(
                    path: "/api/v1/prompts/unlisted",
                    with: .json(
                        try PromptCipher.encrypt("not listed", credentials: sandbox.server.credentials()).json))
                let result = try await sandbox.run(["--type", "commands", "--name", "unlisted"])
                #expect(result.status == 0)
                #expect(result.stdout == "not listed\n")
                #expect(
                    result.stderr
                        == "[verify] Checking prompt integrity...\n" + Self.keyNotice
                        + "[verify] Manifest signature: valid\n")
                #expect(sandbox.configFile("update-state.json") == nil)
            }
        }

        @Test func updateStateIsWrittenOnlyWhenTheHashIsNewOrChanged() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                sandbox.server.addPrompt(type: "workflows", name: "build", text: "v1")
                var result = try await sandbox.run(["--type", "workflows", "--name", "build"])
                #expect(result.status == 0)
                #expect(result.stderr == Self.verifiedStderr)
                let first = try #require(sandbox.configFile("update-state.json"))
                #expect(
                    first == """
                        {
                          "lastPluginVersion": "",
                          "lastCheckedAt": "",
                          "manifestVersion": 0,
                          "manifestHashes": {},
                          "promptSignatures": {
                            "workflows/build": "\(Watermark.contentHash("v1"))"
                          }
                        }
                        """)
                #expect(DecryptSandbox.mode(sandbox.configDir + "/update-state.json") == 0o600)
                let firstInode = Self.inode(sandbox.configDir + "/update-state.json")

                result = try await sandbox.run(["--type", "workflows", "--name", "build"])
                #expect(result.stderr == Self.verifiedStderr)
                #expect(
                    Self.inode(sandbox.configDir + "/update-state.json") == firstInode, "unchanged hash: no rewrite")

                sandbox.server.addPrompt(type: "workflows", name: "build", text: "v2")
                result = try await sandbox.run(["--type", "workflows", "--name", "build"])
                #expect(result.status == 0)
                #expect(result.stdout == "v2\n")
                #expect(result.stderr == Self.verifiedStderr + "[update] /oss:build prompt updated\n")
                let state = try JSONValue.parse(try #require(sandbox.configFile("update-state.json")))
                #expect(state["promptSignatures"]?["workflows/build"]?.stringValue == Watermark.contentHash("v2"))
            }
        }

        @Test func hangingManifestDoesNotHoldThePrompt() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                sandbox.server.addPrompt(type: "commands", name: "plan", text: "plan text")
                sandbox.server.setManifest(.hang)
                let result = try await sandbox.run(
                    ["--type", "commands", "--name", "plan"], ["OSS_HTTP_TIMEOUT": "30"])
                #expect(result.status == 0, "\(result)")
                #expect(result.stdout == "plan text\n")
                #expect(
                    result.stderr
                        == "[verify] Checking prompt integrity...\n[verify] Manifest unavailable — skipping verification\n"
                )
                // The manifest wait is 3 s (the request budget is 30 s); the slack absorbs a loaded machine.
                #expect(result.seconds >= 3 && result.seconds < 3 + 5, "took \(result.seconds) s")
            }
        }

        @Test func hangingPromptServerTimesOutWithExitStatus75() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                sandbox.server.override(path: "/api/v1/prompts/plan", with: .hang)
                let result = try await sandbox.run(
                    ["--type", "commands", "--name", "plan"], ["OSS_HTTP_TIMEOUT": "1"])
                #expect(result.status == 75, "\(result)")
                #expect(result.stdout == "")
                #expect(
                    result.stderr
                        == "Error: Request timed out after 1 s: \(sandbox.server.baseURL)/api/v1/prompts/plan\n")
                #expect(result.seconds < 1 + 4, "took \(result.seconds) s")
            }
        }

        @Test func traversalNamesAreRejectedBeforeAnyRequest() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                let before = sandbox.server.requests.count
                let cases: [(arguments: [String], message: String)] = [
                    (
                        ["--type", "commands", "--name", "../secrets"],
                        "Invalid prompt name: the name must not contain / or \\"
                    ),
                    (
                        ["--type", "commands", "--name", "a/b"],
                        "Invalid prompt name: the name must not contain / or \\"
                    ),
                    (
                        ["--type", "commands", "--name", "a\\b"],
                        "Invalid prompt name: the name must not contain / or \\"
                    ),
                    (["--type", "commands", "--name", ".."], "Invalid prompt name: the name must not contain .."),
                    (["--type", "commands", "--name", "x..y"], "Invalid prompt name: the name must not contain .."),
                    (
                        ["--type", "commands", "--name", "a\u{1}b"],
                        "Invalid prompt name: the name must not contain control characters"
                    ),
                    (
                        ["--type", "commands", "--name", String(repeating: "n", count: 101)],
                        "Invalid prompt name: the name is longer than 100 characters"
                    ),
                    (
                        ["--type", "../admin", "--name", "x"],
                        "Invalid prompt type: ../admin. Allowed: commands, workflows, skills, agents, hooks, custom"
                    ),
                    (
                        ["--type", "custom", "--name", "../../x"],
                        "Invalid prompt name: the name must not contain / or \\"
                    ),
                    (["--workflow-config", "../x"], "Invalid prompt name: the name must not contain / or \\"),
                ]
                for item in cases {
                    let result = try await sandbox.run(item.arguments)
                    #expect(result.status != 0, "\(item.arguments)")
                    #expect(result.stdout == "")
                    #expect(result.stderr == "Error: \(item.message)\n", "\(item.arguments)")
                }
                #expect(sandbox.server.requests.count == before, "the server saw a request for a rejected name")

                // Safe but unusual names are percent-encoded into one path segment.
                sandbox.server.addPrompt(type: "commands", name: "a b?c#d", text: "odd")
                let odd = try await sandbox.run(["--type", "commands", "--name", "a b?c#d"])
                #expect(odd.status == 0, "\(odd)")
                #expect(odd.stdout == "odd\n")
                #expect(sandbox.server.http.requests(path: "/api/v1/prompts/a%20b%3Fc%23d").count == 1)
            }
        }

        @Test func redirectsAreFollowedOnlyWithinThePolicyAndBodiesAreCapped() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                sandbox.server.addPrompt(type: "commands", name: "plan", text: "moved here")
                sandbox.server.override(
                    path: "/api/v1/prompts/old",
                    with: .respond(
                        status: 302, headers: [HTTPHeader("Location", sandbox.server.baseURL + "/api/v1/prompts/plan")],
                        body: []))
                let followed = try await sandbox.run(["--type", "commands", "--name", "old"])
                #expect(followed.status == 0, "\(followed)")
                #expect(followed.stdout == "moved here\n")
                #expect(sandbox.server.http.requests(path: "/api/v1/prompts/plan").count == 1)

                sandbox.server.override(
                    path: "/api/v1/prompts/away",
                    with: .respond(status: 301, headers: [HTTPHeader("Location", "http://example.com/steal")], body: [])
                )
                let refused = try await sandbox.run(["--type", "commands", "--name", "away"])
                #expect(refused.status == 1)
                #expect(refused.stdout == "")
                #expect(
                    refused.stderr
                        == "Error: Refusing redirect from \(sandbox.server.baseURL)/api/v1/prompts/away to http://example.com/steal\n"
                )

                sandbox.server.override(
                    path: "/api/v1/prompts/huge",
                    with: .respond(status: 200, headers: [], body: Array(repeating: 0x20, count: 9 * 1024 * 1024)))
                let huge = try await sandbox.run(["--type", "commands", "--name", "huge"])
                #expect(huge.status == 1)
                #expect(
                    huge.stderr
                        == "Error: Response from \(sandbox.server.baseURL)/api/v1/prompts/huge exceeds 8388608 bytes\n")
            }
        }

        @Test func listPromptsAndVerifyManifest() async throws {
            try await DecryptSandbox.with { sandbox in
                // No credentials needed: these two never run setup.
                for (type, name) in [("commands", "plan"), ("commands", "build"), ("agents", "reviewer")] {
                    sandbox.server.addPrompt(type: type, name: name, text: "\(type) \(name)")
                }
                let verify = try await sandbox.run(["--verify-manifest"])
                #expect(verify.status == 0, "\(verify)")
                #expect(
                    verify.stdout
                        == #"{"signatureValid":true,"promptCount":3,"generatedAt":"2026-01-15T12:00:00.000Z","categories":{"commands":2,"agents":1}}"#
                        + "\n")
                #expect(verify.stderr == Self.keyNotice)

                let list = try await sandbox.run(["--list-prompts", "--category", "commands"])
                #expect(list.status == 0)
                let items = try #require(try JSONValue.parse(list.stdout).arrayValue)
                #expect(items.compactMap { $0["name"]?.stringValue } == ["commands/plan", "commands/build"])
                #expect(items.first?["category"]?.stringValue == "commands")
                #expect(items.first?["hash"]?.stringValue == Watermark.contentHash("commands plan"))
                #expect(items.first?["size"]?.intValue == "commands plan".utf8.count)
                let all = try await sandbox.run(["--list-prompts"])
                #expect(try JSONValue.parse(all.stdout).arrayValue?.count == 3)

                sandbox.server.setManifest(.tampered)
                let tampered = try await sandbox.run(["--verify-manifest"])
                #expect(tampered.status == 1)
                #expect(tampered.stdout.hasPrefix(#"{"signatureValid":false,"promptCount":3,"#))

                sandbox.server.setManifest(.notFound)
                let unavailable = try await sandbox.run(["--verify-manifest"])
                #expect(unavailable.status == 1)
                #expect(unavailable.stdout == #"{"signatureValid":false,"error":"Failed to fetch manifest"}"# + "\n")
                let emptyList = try await sandbox.run(["--list-prompts"])
                #expect(emptyList.status == 0)
                #expect(emptyList.stdout == "[]\n")
                #expect(
                    sandbox.server.http.requests(path: "/api/v1/prompts/manifest").allSatisfy {
                        $0.header("Authorization") == nil
                    })
            }
        }

        @Test func configDirectoryOverrideAppliesToEveryFlag() async throws {
            try await DecryptSandbox.with { sandbox in
                let configDir = sandbox.home + "/elsewhere"
                try sandbox.writeConfig(apiKey: OSSAPIServer.User.standard.apiKey, directory: configDir)
                // The default config points nowhere usable: if any flag read it, the run would fail.
                try sandbox.writeConfig(apiKey: "ak_wrong", apiURL: "http://127.0.0.1:9")
                sandbox.server.addPrompt(type: "commands", name: "plan", text: "from override")
                let env = ["OSS_CONFIG_DIR": configDir]
                let setup = try await sandbox.run(["--setup"], env)
                #expect(setup.status == 0, "\(setup)")
                #expect(FileSystem.exists(configDir + "/credentials.enc"))
                #expect(!FileSystem.exists(sandbox.configDir + "/credentials.enc"))
                let decrypt = try await sandbox.run(["--type", "commands", "--name", "plan"], env)
                #expect(decrypt.stdout == "from override\n")
                #expect(FileSystem.exists(configDir + "/update-state.json"))
                let verify = try await sandbox.run(["--verify-manifest"], env)
                #expect(verify.status == 0, "\(verify)")
                let list = try await sandbox.run(["--list-prompts"], env)
                #expect(try JSONValue.parse(list.stdout).arrayValue?.count == 1)
            }
        }

        @Test func insecureAPIURLIsRefusedWithoutNetwork() async throws {
            try await DecryptSandbox.with { sandbox in
                try sandbox.writeConfig(apiKey: "ak_1", apiURL: "http://example.com")
                for arguments in [["--setup"], ["--verify-manifest"], ["--list-prompts"]] {
                    let result = try await sandbox.run(arguments)
                    #expect(result.status == 1, "\(arguments)")
                    #expect(
                        result.stderr
                            == "Error: Refusing insecure API URL http://example.com: apiUrl must use https (plain http is allowed only for localhost)\n",
                        "\(arguments)")
                }
            }
        }

        @Test func missingConfigurationAndCredentialsUseUpstreamMessages() async throws {
            try await DecryptSandbox.with { sandbox in
                try sandbox.writeConfig(apiKey: nil)
                let noKey = try await sandbox.run(["--setup"])
                #expect(noKey.status == 1)
                #expect(noKey.stderr == "Error: No API key configured. Run /oss:login first.\n")
                try sandbox.writeConfig(apiKey: OSSAPIServer.User.standard.apiKey)
                let noCredentials = try await sandbox.run(["--type", "commands", "--name", "plan"])
                #expect(noCredentials.status == 1)
                #expect(noCredentials.stderr == "Error: Credentials not found. Run setup first.\n")
                #expect(sandbox.server.requests.isEmpty)

                try await sandbox.setup()
                let otherUser = try await sandbox.run(
                    ["--type", "commands", "--name", "plan"], ["USER": "someoneelse"])
                #expect(otherUser.stderr == "Error: Credentials not found. Run setup first.\n")
                try sandbox.writeConfig(apiKey: "ak_rotated")
                let rotated = try await sandbox.run(["--type", "commands", "--name", "plan"])
                #expect(rotated.status == 1)
                #expect(rotated.stderr.hasPrefix("Error: Credentials were created for a different API key."))
            }
        }

        /// D36: with USER unset, setup keys the file to the login name and decrypt finds it, saying so.
        @Test func unsetUserUsesTheLoginName() async throws {
            let login = try #require(MachineIdentity.loginName())
            try await DecryptSandbox.with { sandbox in
                sandbox.server.addPrompt(type: "commands", name: "plan", text: "hello")
                let setup = try await sandbox.run(["--setup"], removing: ["USER"])
                #expect(setup.status == 0, "\(setup)")
                #expect(
                    setup.stderr == "[credentials] USER is not set; credentials.enc is keyed to user \"\(login)\"\n")
                let withoutUser = try await sandbox.run(["--type", "commands", "--name", "plan"], removing: ["USER"])
                #expect(withoutUser.status == 0, "\(withoutUser)")
                #expect(withoutUser.stdout == "hello\n")
                #expect(
                    withoutUser.stderr.hasPrefix(
                        "[credentials] USER is not set; opened credentials.enc as user \"\(login)\"\n"))
                let withUser = try await sandbox.run(["--type", "commands", "--name", "plan"], ["USER": login])
                #expect(withUser.status == 0)
                #expect(withUser.stderr == Self.verifiedStderr)
            }
        }

        @Test func debugOutputIsTimestampedAndRedacted() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                sandbox.server.addPrompt(type: "commands", name: "plan", text: "debug me")
                let result = try await sandbox.run(["--debug", "--no-cache", "--type", "commands", "--name", "plan"])
                #expect(result.status == 0)
                #expect(result.stdout == "debug me\n")
                let user = OSSAPIServer.User.standard
                #expect(!result.stderr.contains(user.apiKey))
                #expect(!result.stderr.contains(user.salt))
                #expect(result.stderr.contains(#""apiKey":"ak_***""#))
                #expect(result.stderr.contains(#""salt":"***""#))
                let debugLines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("[verify]") }
                #expect(debugLines.count >= 5)
                for line in debugLines {
                    let match = line.wholeMatch(
                        of: /\[\d\d:\d\d:\d\d\] \[(FETCH|DERIVE|DECRYPT|CACHE|SECURITY|VERIFY)\] .+/)
                    #expect(match != nil, "\(line)")
                }
                let quiet = try await sandbox.run(["--type", "commands", "--name", "plan"])
                #expect(quiet.stderr == Self.verifiedStderr)
            }
        }

        @Test func versionHelpAndUsage() async throws {
            try await DecryptSandbox.with { sandbox in
                for flag in ["--version", "-v"] {
                    let version = try await sandbox.run([flag])
                    #expect(version.status == 0)
                    #expect(version.stdout == "oss-decrypt v\(ToolVersion.current)\n")
                    let semvers = version.stdout.matches(of: /\d+\.\d+\.\d+/)
                    #expect(semvers.count == 1)
                }
                for flag in ["--help", "-h"] {
                    let help = try await sandbox.run([flag, "--setup"])
                    #expect(help.status == 0)
                    #expect(help.stdout.hasPrefix("oss-decrypt v"))
                    #expect(help.stdout.contains("--verify-manifest"))
                }
                for arguments in [
                    [], ["--type", "commands"], ["--name", "plan"], ["--type", "", "--name", "x"], ["--bogus"],
                    ["--type", "commands", "--name"],
                ] {
                    let usage = try await sandbox.run(arguments)
                    #expect(usage.status == 1, "\(arguments)")
                    #expect(usage.stdout.hasPrefix("oss-decrypt v"), "\(arguments)")
                }
                #expect(sandbox.server.requests.isEmpty)
            }
        }

        private static func inode(_ path: String) -> UInt64? {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            return UInt64(status.st_ino)
        }
    }
}
