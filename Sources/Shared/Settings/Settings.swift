#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `~/.oss/settings.json`, with the original's defaults for every key a tool reads (compatibility.md#settings).
///
/// Like the shell readers' `jq -r '.path // default'`, a `null` or `false` value falls back to the default for string
/// keys; a wrong type is ignored. A file that does not parse never aborts a call (contract D6): defaults apply and
/// `load` returns a one-line warning.
package struct Settings: Sendable, Equatable {
    /// `notifications.style`: visual, audio, sound, none or telegram.
    package var style = "visual"
    /// `notifications.verbosity`: all, important or errors-only.
    package var verbosity = "important"
    /// `notifications.voice` (macOS `say`).
    package var voice = "Samantha"
    /// `notifications.sound` (macOS system sound name).
    package var sound = "Glass"
    /// `notifications.updates`: only a literal `false` disables.
    package var updatesEnabled = true
    /// `notifications.telegram.enabled` (gate 1 of 2).
    package var notificationsTelegramEnabled = false
    /// `telegram.enabled` (gate 2 of 2).
    package var telegramEnabled = false
    /// `telegram.botToken`.
    package var telegramBotToken = ""
    /// `telegram.chatId`.
    package var telegramChatId = ""
    /// `logs.maxSessionSizeMB`.
    package var maxSessionSizeMB: Double = 10
    /// `logs.maxCommandLogSizeKB`.
    package var maxCommandLogSizeKB: Double = 500
    /// `logs.maxArchiveCount`.
    package var maxArchiveCount = 5
    /// `logs.maxArchiveAgeDays`.
    package var maxArchiveAgeDays = 7

    /// The largest accepted value of each numeric `logs.*` key: bigger numbers are clamped to it (with a warning),
    /// so no size or count can overflow an integer (a `Double` → `Int` conversion out of range traps).
    package static let maximums: [(key: String, limit: Double)] = [
        ("maxSessionSizeMB", 1_048_576), ("maxCommandLogSizeKB", 1_073_741_824), ("maxArchiveCount", 100_000),
        ("maxArchiveAgeDays", 36_500),
    ]

    /// All defaults.
    package init() {}

    /// Settings read from a parsed document; `clamped` names each value that was out of range.
    package init(json: JSONValue) {
        var clamped: [String] = []
        self.init(json: json, clamped: &clamped)
    }

    /// Settings read from a parsed document; each `logs.*` number above its maximum is clamped and described in
    /// `clamped`.
    package init(json: JSONValue, clamped: inout [String]) {
        let notifications = json["notifications"]
        style = Settings.string(notifications?["style"]) ?? style
        verbosity = Settings.string(notifications?["verbosity"]) ?? verbosity
        voice = Settings.string(notifications?["voice"]) ?? voice
        sound = Settings.string(notifications?["sound"]) ?? sound
        updatesEnabled = notifications?["updates"] != .bool(false)
        notificationsTelegramEnabled = notifications?["telegram"]?["enabled"] == .bool(true)
        let telegram = json["telegram"]
        telegramEnabled = telegram?["enabled"] == .bool(true)
        telegramBotToken = telegram?["botToken"]?.stringValue ?? ""
        telegramChatId = telegram?["chatId"]?.stringValue ?? telegram?["chatId"]?.intValue.map(String.init) ?? ""
        let logs = json["logs"]
        var values: [String: Double] = [:]
        for (key, limit) in Settings.maximums {
            guard let number = Settings.positive(logs?[key]) else { continue }
            if number > limit {
                clamped.append(
                    "logs.\(key) \(JSONValue.javaScriptNumber(number)) is too large; using \(JSONValue.javaScriptNumber(limit))"
                )
            }
            values[key] = min(number, limit)
        }
        maxSessionSizeMB = values["maxSessionSizeMB"] ?? maxSessionSizeMB
        maxCommandLogSizeKB = values["maxCommandLogSizeKB"] ?? maxCommandLogSizeKB
        maxArchiveCount = values["maxArchiveCount"].map { Int($0) } ?? maxArchiveCount
        maxArchiveAgeDays = values["maxArchiveAgeDays"].map { Int($0) } ?? maxArchiveAgeDays
    }

    /// Loads the file; a missing file gives the defaults silently, an unreadable or invalid one gives the defaults and
    /// a warning naming the file.
    package static func load(path: String) -> (settings: Settings, warning: String?) {
        guard FileSystem.exists(path) else { return (Settings(), nil) }
        do {
            let bytes = try FileSystem.read(path)
            var clamped: [String] = []
            let settings = Settings(json: try JSONValue.parse(bytes: bytes), clamped: &clamped)
            guard !clamped.isEmpty else { return (settings, nil) }
            return (settings, "warning: \(path): \(clamped.joined(separator: "; "))")
        } catch {
            return (Settings(), "warning: ignoring \(path): \(error); using default settings")
        }
    }

    private static func string(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    private static func positive(_ value: JSONValue?) -> Double? {
        guard let number = value?.doubleValue ?? value?.stringValue.flatMap(Double.init), number.isFinite,
            number >= 0
        else { return nil }
        return number
    }
}
