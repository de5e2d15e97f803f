import Foundation
import Shared
import SharedCrypto
import TestSupport
import Testing

extension DecryptEndToEndSuite {
    /// The two internal flags oss-notify relies on: `--workflow-config` and `--deliver`.
    struct OSSDecryptHiddenFlagsEndToEndTests {
        @Test func workflowConfigPrintsTheDecryptedJSON() async throws {
            try await DecryptSandbox.with { sandbox in
                try await sandbox.setup()
                let config = #"{"chain":["plan","build","ship"],"notify":{"telegram":true}}"#
                sandbox.server.addWorkflow(name: "build", json: config)
                let result = try await sandbox.run(["--workflow-config", "build"])
                #expect(result.status == 0, "\(result)")
                #expect(result.stdout == config + "\n")
                #expect(result.stderr == "")
                let request = try #require(sandbox.server.http.requests(path: "/api/v1/workflows/build").first)
                #expect(request.header("Authorization") == "Bearer \(OSSAPIServer.User.standard.apiKey)")
                #expect(request.header("Content-Type") == "application/json")
                #expect(sandbox.server.http.requests(path: "/api/v1/prompts/manifest").isEmpty)

                let missing = try await sandbox.run(["--workflow-config", "nope"])
                #expect(missing.status == ExitStatus.noInput.rawValue)
                #expect(missing.stdout == "")
                #expect(missing.stderr == "Error: Prompt not found\n")

                sandbox.server.override(path: "/api/v1/workflows/slow", with: .hang)
                let slow = try await sandbox.run(["--workflow-config", "slow"], ["OSS_HTTP_TIMEOUT": "1"])
                #expect(slow.status == ExitStatus.tempFailure.rawValue)
                #expect(slow.stderr.hasPrefix("Error: Request timed out after 1 s"))
            }
        }

        @Test func workflowConfigNeedsCredentials() async throws {
            try await DecryptSandbox.with { sandbox in
                let result = try await sandbox.run(["--workflow-config", "build"])
                #expect(result.status == ExitStatus.noPermission.rawValue)
                #expect(result.stderr == "Error: Credentials not found. Run setup first.\n")
                #expect(sandbox.server.requests.isEmpty)
            }
        }

        @Test func deliverSendsTheOutboxAndLogsFailuresWithoutSecrets() async throws {
            try await DecryptSandbox.with { sandbox in
                let base = sandbox.server.baseURL
                let token = "123456:SECRET-bot-token"
                sandbox.server.override(path: "/api/v1/broken", with: .json(["error": "boom"], status: 500))
                let requests = [
                    OutboxRequest(
                        method: "POST", url: base + "/api/v1/analytics/track",
                        headers: [
                            HTTPHeader("Authorization", "Bearer ak_secret"),
                            HTTPHeader("Content-Type", "application/json"),
                        ],
                        body: #"{"event":"workflow_start","command":"build"}"#),
                    OutboxRequest(
                        method: "POST", url: base + "/bot\(token)/sendMessage",
                        headers: [HTTPHeader("Content-Type", "application/json")],
                        body: #"{"chat_id":"42","text":"Build started"}"#),
                    OutboxRequest(method: "POST", url: base + "/api/v1/broken", body: "secret body"),
                    OutboxRequest(method: "POST", url: "http://example.com/bot\(token)/sendMessage", body: "x"),
                ]
                let outbox = try Outbox.write(requests, directory: sandbox.home + "/.oss/outbox")
                #expect(DecryptSandbox.mode(outbox) == 0o600)
                #expect(DecryptSandbox.mode(sandbox.home + "/.oss/outbox") == 0o700)

                let result = try await sandbox.run(["--deliver", outbox])
                #expect(result.status == 0)
                #expect(result.stdout == "")
                #expect(result.stderr == "")
                #expect(!FileSystem.exists(outbox))

                let analytics = try #require(sandbox.server.analyticsRequests.first)
                #expect(analytics.header("Authorization") == "Bearer ak_secret")
                #expect(analytics.bodyText == #"{"event":"workflow_start","command":"build"}"#)
                let telegram = try #require(sandbox.server.telegramRequests.first)
                #expect(telegram.bodyText == #"{"chat_id":"42","text":"Build started"}"#)

                let log = try #require(readFile(sandbox.home + "/.oss/logs/delivery.log"))
                let lines = log.split(separator: "\n")
                #expect(lines.count == 2, "\(log)")
                #expect(lines.contains { $0.hasSuffix("deliver failed: POST \(base): HTTP 500") })
                #expect(
                    lines.contains {
                        $0.hasSuffix("deliver failed: POST http://example.com: refused: not https and not loopback")
                    })
                #expect(!log.contains("SECRET") && !log.contains("secret body") && !log.contains("ak_secret"))
                #expect(DecryptSandbox.mode(sandbox.home + "/.oss/logs/delivery.log") == 0o600)
            }
        }

        @Test func deliverGivesUpOnAHangingServerWithinItsBudget() async throws {
            try await DecryptSandbox.with { sandbox in
                sandbox.server.override(path: "/api/v1/analytics/track", with: .hang)
                let outbox = try Outbox.write(
                    [
                        OutboxRequest(
                            method: "POST", url: sandbox.server.baseURL + "/api/v1/analytics/track", body: "{}")
                    ],
                    directory: sandbox.home + "/.oss/outbox")
                let result = try await sandbox.run(["--deliver", outbox])
                #expect(result.status == 0)
                #expect(result.stdout == "" && result.stderr == "")
                #expect(result.seconds < 5 + 4, "took \(result.seconds) s; each request has 5 s")
                let log = try #require(readFile(sandbox.home + "/.oss/logs/delivery.log"))
                #expect(log.hasSuffix("deliver failed: POST \(sandbox.server.baseURL): timed out after 5 s\n"))

                let missing = try await sandbox.run(["--deliver", sandbox.home + "/nothing.json"])
                #expect(missing.status == 0)
                #expect(missing.stdout == "" && missing.stderr == "")
            }
        }
    }
}
