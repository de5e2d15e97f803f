import Notify
import Shared
import Testing

/// Telegram texts (suffix rules) and the `sendMessage` request.
struct TelegramMessageTests {
    @Test(arguments: [
        ("build", "complete", "{\"testsPass\":42,\"duration\":\"5m\"}", "/oss:build complete - 42 tests passing (5m)"),
        ("build", "complete", "{\"duration\":\"5m\"}", "/oss:build complete (5m)"),
        ("ship", "merged", "{\"prNumber\":17,\"branch\":\"feat/x\"}", "/oss:ship merged - PR #17 merged (feat/x)"),
        ("build", "failed", "{\"blocker\":\"CI red\"}", "/oss:build failed - CI red"),
        ("integration", "failed", "{\"reason\":\"db down\"}", "/oss:integration failed"),
        ("build", "start", "{\"testsPass\":1}", "/oss:build start"),
        ("build", "complete", "{\"testsPass\":null,\"duration\":\"\"}", "/oss:build complete"),
        ("build", "complete", "not json", "/oss:build complete"),
    ])
    func text(_ command: String, _ event: String, _ context: String, _ expected: String) {
        #expect(TelegramMessage.text(command: command, event: event, context: NotifyContext(context)) == expected)
    }

    @Test func requestIsJSONEncodedWithEscapedMarkdown() throws {
        var settings = Settings()
        settings.telegramBotToken = "123456:AB-c_d"
        settings.telegramChatId = "-100"
        let request = try #require(
            TelegramMessage.request(
                text: "/oss:build task_complete \"q\" *b*", settings: settings, baseURL: "http://127.0.0.1:8/"))
        #expect(request.method == "POST")
        #expect(request.url == "http://127.0.0.1:8/bot123456:AB-c_d/sendMessage")
        #expect(request.headers == [HTTPHeader("Content-Type", "application/json")])
        #expect(
            request.body
                == #"{"chat_id":"-100","text":"/oss:build task\\_complete \"q\" \\*b\\*","parse_mode":"Markdown"}"#)
    }

    @Test func unsafeTokenOrInsecureURLIsNotSent() {
        var settings = Settings()
        settings.telegramChatId = "1"
        settings.telegramBotToken = "12/../x"
        #expect(TelegramMessage.request(text: "t", settings: settings, baseURL: TelegramMessage.defaultBaseURL) == nil)
        settings.telegramBotToken = "12:x"
        #expect(TelegramMessage.request(text: "t", settings: settings, baseURL: "http://example.com") == nil)
        #expect(TelegramMessage.request(text: "t", settings: settings, baseURL: TelegramMessage.defaultBaseURL) != nil)
    }
}
