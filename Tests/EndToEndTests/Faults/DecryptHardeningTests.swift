import Foundation
import Shared
import TestSupport
import Testing

extension DecryptEndToEndSuite {
    /// Issue 10 against the built `oss-decrypt`: compact `--list-prompts`, no URL globbing, HTTPS proxies, a curl
    /// that dies before reading its config, and caps on JSON from the network.
    struct DecryptHardeningTests {
        @Test func listPromptsPrintsOneCompactLine() async throws {
            try await DecryptSandbox.with { sandbox in
                for (type, name) in [("commands", "plan"), ("agents", "reviewer")] {
                    sandbox.server.addPrompt(type: type, name: name, text: "\(type) \(name)")
                }
                let list = try await sandbox.run(["--list-prompts"])
                #expect(list.status == 0, "\(list)")
                #expect(list.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 2)
                let parsed = try JSONValue.parse(list.stdout)
                #expect(list.stdout == parsed.compact + "\n", "JSON.stringify(entries): one compact line")
            }
        }

        @Test func redirectToABracketedPathIsOneRequest() async throws {
            let raw = try RawTCPServer(
                .respond(
                    Array(
                        "HTTP/1.1 302 Found\r\nLocation: /g/x[1-40]\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .utf8)))
            defer { raw.stop() }
            try await DecryptSandbox.with { sandbox in
                try sandbox.writeConfig(apiKey: "ak_test", apiURL: raw.baseURL)
                let result = try await sandbox.run(["--verify-manifest"], ["OSS_HTTP_TIMEOUT": "3"])
                #expect(result.status == 1)
                // One connection per hop: the first request and at most five redirects (globbing made it 41+).
                #expect(raw.acceptedConnections <= 6, "\(raw.acceptedConnections) connections")
            }
        }

        /// The prompt, the manifest and `--setup` through an HTTPS proxy (`CONNECT`), with `https_proxy` and
        /// `HTTPS_PROXY`; `NO_PROXY` sends the same requests directly.
        @Test(.enabled(if: TLSRelay.unavailableReason == nil, Comment(rawValue: TLSRelay.unavailableReason ?? "")))
        func everyRequestWorksThroughAnHTTPSProxy() async throws {
            try await DecryptSandbox.with { sandbox in
                sandbox.server.addPrompt(type: "commands", name: "plan", text: "planned through the proxy")
                let port = try #require(UInt16(sandbox.server.baseURL.split(separator: ":").last ?? ""))
                let relay = try TLSRelay(upstream: port, directory: sandbox.home)
                defer { relay.stop() }
                let proxy = try ConnectProxy()
                defer { proxy.stop() }
                try sandbox.writeConfig(apiKey: OSSAPIServer.User.standard.apiKey, apiURL: relay.baseURL)
                let tls = ["CURL_CA_BUNDLE": relay.certificate]
                let lower = tls.merging(["https_proxy": proxy.url]) { $1 }

                let setup = try await sandbox.run(["--setup"], lower)
                #expect(setup.status == 0, "\(setup)")
                let prompt = try await sandbox.run(["--type", "commands", "--name", "plan"], lower)
                #expect(prompt.status == 0, "\(prompt)")
                #expect(prompt.stdout == "planned through the proxy\n")
                let manifest = try await sandbox.run(["--verify-manifest"], lower)
                #expect(manifest.status == 0, "\(manifest)")
                #expect(manifest.stdout.hasPrefix(#"{"signatureValid":true,"#))
                let throughProxy = proxy.connectTargets.count
                #expect(throughProxy >= 4, "setup, prompt + manifest, manifest: \(proxy.connectTargets)")
                #expect(proxy.connectTargets.allSatisfy { $0 == "127.0.0.1:\(relay.port)" })

                let upper = try await sandbox.run(
                    ["--type", "commands", "--name", "plan"], tls.merging(["HTTPS_PROXY": proxy.url]) { $1 })
                #expect(upper.stdout == "planned through the proxy\n", "\(upper)")
                #expect(proxy.connectTargets.count > throughProxy)

                let before = proxy.connectTargets.count
                let direct = try await sandbox.run(
                    ["--type", "commands", "--name", "plan"], lower.merging(["NO_PROXY": "127.0.0.1"]) { $1 })
                #expect(direct.stdout == "planned through the proxy\n", "\(direct)")
                #expect(proxy.connectTargets.count == before, "NO_PROXY must bypass the proxy")
            }
        }

        /// A curl that dies before reading its config (here: a fake bound over /usr/bin/curl that closes stdin and
        /// kills itself) must give the `Error:` line; writing the 200 KB config used to kill oss-decrypt with
        /// SIGPIPE (exit 141).
        @Test(
            .enabled(if: MountNamespace.isAvailable, Comment(rawValue: MountNamespace.unavailableReason ?? "")),
            .enabled(if: FileSystem.isExecutable("/usr/bin/env")))
        func killedCurlGivesAnErrorLineNotSIGPIPE() throws {
            try withTemporaryDirectory { root in
                let home = root + "/home"
                let key = "ak_" + String(repeating: "k", count: 200_000)
                try writeFile(
                    home + "/.oss/config.json", #"{"apiKey": "\#(key)", "apiUrl": "http://127.0.0.1:9"}"#)
                let fake = root + "/curl"
                try writeFile(fake, "#!/bin/sh\nexec 0<&-\nsleep 0.2\nkill -9 $$\n", mode: 0o755)
                // The test process ignores SIGPIPE (its servers do) and children inherit that: `env` restores the
                // default disposition, as a hook started by Claude Code has it.
                let result = try MountNamespace.runWithBind(
                    fake, over: "/usr/bin/curl", "/usr/bin/env",
                    ["--default-signal=PIPE", ToolRunner.path(of: "oss-decrypt"), "--setup"],
                    environment: ToolRunner.environment(home: home, extra: ["TMPDIR": root]))
                #expect(result.status == 1, "\(result)")
                #expect(result.stderr.hasPrefix("Error: "), "\(result)")
            }
        }

        @Test func manifestWithTooManyValuesOrTooDeepIsUnavailable() async throws {
            try await DecryptSandbox.with { sandbox in
                sandbox.server.addPrompt(type: "commands", name: "plan", text: "x")
                let signed = try sandbox.server.manifest().compact
                let many =
                    String(signed.dropLast()) + #","padding":["# + String(repeating: "0,", count: 1_100_000) + "0]}"
                sandbox.server.override(path: "/api/v1/prompts/manifest", with: .text(many))
                let wide = try await sandbox.run(["--verify-manifest"])
                #expect(
                    wide.stdout == #"{"signatureValid":false,"error":"Failed to fetch manifest"}"# + "\n", "\(wide)")

                let deep =
                    String(signed.dropLast()) + #","padding":"# + String(repeating: "[", count: 100)
                    + String(repeating: "]", count: 100) + "}"
                sandbox.server.override(path: "/api/v1/prompts/manifest", with: .text(deep))
                let nested = try await sandbox.run(["--verify-manifest"])
                #expect(nested.stdout == #"{"signatureValid":false,"error":"Failed to fetch manifest"}"# + "\n")
            }
        }
    }
}
