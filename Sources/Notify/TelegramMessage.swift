import Shared

/// The Telegram text of a workflow event (compatibility.md#notify-workflow step 3) and its `sendMessage` request (compatibility.md#telegram).
package enum TelegramMessage {
    /// The default Bot API base URL (tests point `OSS_TELEGRAM_API_URL` at a loopback server).
    package static let defaultBaseURL = "https://api.telegram.org"

    /// `/oss:<cmd> <event>` plus the event's suffixes from the context, in order, for fields that are present,
    /// non-null and non-empty.
    package static func text(command: String, event: String, context: NotifyContext) -> String {
        var text = "/oss:\(command) \(event)"
        switch event {
        case "complete":
            if let tests = context.text("testsPass") { text += " - \(tests) tests passing" }
            if let duration = context.text("duration") { text += " (\(duration))" }
        case "merged":
            if let pr = context.text("prNumber") { text += " - PR #\(pr) merged" }
            if let branch = context.text("branch") { text += " (\(branch))" }
        case "failed":
            if let blocker = context.text("blocker") { text += " - \(blocker)" }
        default:
            break
        }
        return text
    }

    /// `text` with legacy-Markdown markers escaped, so `task_complete` or a `*` in a branch name cannot make
    /// Telegram reject the message (the request keeps `parse_mode: Markdown`).
    package static func escapedMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "_" || character == "*" || character == "`" || character == "[" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Whether a bot token may be placed in a URL path (`<digits>:<letters, digits, _ and ->`).
    package static func isValidToken(_ token: String) -> Bool {
        !token.isEmpty
            && token.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == ":"
                    || $0 == "_" || $0 == "-"
            }
    }

    /// The `sendMessage` request, or nil when the token cannot be used in a URL or the base URL is neither https nor
    /// loopback.
    package static func request(text: String, settings: Settings, baseURL: String) -> OutboxRequest? {
        guard isValidToken(settings.telegramBotToken) else { return nil }
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let body: JSONValue = [
            "chat_id": .string(settings.telegramChatId),
            "text": .string(escapedMarkdown(text)),
            "parse_mode": "Markdown",
        ]
        let url = "\(base)/bot\(settings.telegramBotToken)/sendMessage"
        guard URLPolicy.isAllowed(url) else { return nil }
        return OutboxRequest(
            method: "POST", url: url,
            headers: [HTTPHeader("Content-Type", "application/json")], body: body.compact)
    }
}
