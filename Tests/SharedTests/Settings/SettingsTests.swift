import Shared
import TestSupport
import Testing

@testable import Shared

/// `~/.oss/settings.json` (compatibility.md#settings, D6).
struct SettingsTests {
    private func load(_ text: String) throws -> (settings: Settings, warning: String?) {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("settings.json")
            try writeFile(path, text)
            return Settings.load(path: path)
        }
    }

    @Test func missingFileGivesDefaultsSilently() throws {
        try withTemporaryDirectory { root in
            let (settings, warning) = Settings.load(path: root.appendingPathComponent("settings.json"))
            #expect(warning == nil)
            #expect(settings == Settings())
            #expect(settings.style == "visual")
            #expect(settings.verbosity == "important")
            #expect(settings.voice == "Samantha")
            #expect(settings.sound == "Glass")
            #expect(settings.updatesEnabled)
            #expect(!settings.notificationsTelegramEnabled)
            #expect(!settings.telegramEnabled)
            #expect(settings.telegramBotToken == "")
            #expect(settings.telegramChatId == "")
            #expect(settings.maxSessionSizeMB == 10)
            #expect(settings.maxCommandLogSizeKB == 500)
            #expect(settings.maxArchiveCount == 5)
            #expect(settings.maxArchiveAgeDays == 7)
        }
    }

    @Test func everyKeyCanBeOverridden() throws {
        let (settings, warning) = try load(
            """
            {"version": 2,
             "notifications": {"style": "audio", "verbosity": "errors-only", "voice": "Alex", "sound": "Ping",
                               "updates": false, "telegram": {"enabled": true, "linked": true}},
             "telegram": {"enabled": true, "botToken": "123:abc", "chatId": "-100"},
             "logs": {"maxSessionSizeMB": 0.002, "maxCommandLogSizeKB": 1.5, "maxArchiveCount": 2,
                      "maxArchiveAgeDays": 30},
             "unknown": {"kept": "ignored"}}
            """)
        #expect(warning == nil)
        #expect(settings.style == "audio")
        #expect(settings.verbosity == "errors-only")
        #expect(settings.voice == "Alex")
        #expect(settings.sound == "Ping")
        #expect(!settings.updatesEnabled)
        #expect(settings.notificationsTelegramEnabled)
        #expect(settings.telegramEnabled)
        #expect(settings.telegramBotToken == "123:abc")
        #expect(settings.telegramChatId == "-100")
        #expect(settings.maxSessionSizeMB == 0.002)
        #expect(settings.maxCommandLogSizeKB == 1.5)
        #expect(settings.maxArchiveCount == 2)
        #expect(settings.maxArchiveAgeDays == 30)
    }

    @Test func invalidJSONGivesDefaultsAndAWarningNamingTheFile() throws {
        try withTemporaryDirectory { root in
            let path = root.appendingPathComponent("settings.json")
            try writeFile(path, #"{"logs": {"maxArchiveCount": 2,}}"#)
            let (settings, warning) = Settings.load(path: path)
            #expect(settings == Settings())
            let text = try #require(warning)
            #expect(text.contains(path))
            #expect(text.contains("invalid JSON at byte"))
            #expect(!text.contains("\n"))
        }
    }

    @Test func unreadableSettingsGiveDefaultsAndAWarning() throws {
        try withTemporaryDirectory { root in
            // A directory where the file should be cannot be read as a file.
            let path = root.appendingPathComponent("settings.json")
            try FileSystem.createDirectories(path)
            let (settings, warning) = Settings.load(path: path)
            #expect(settings == Settings())
            #expect(warning?.contains(path) == true)
        }
    }

    @Test func wrongTypesAreIgnored() throws {
        let (settings, warning) = try load(
            """
            {"notifications": {"style": 3, "verbosity": ["all"], "voice": {}, "sound": true, "updates": "no",
                               "telegram": {"enabled": "true"}},
             "telegram": {"enabled": 1, "botToken": 42, "chatId": 12345},
             "logs": {"maxSessionSizeMB": "big", "maxCommandLogSizeKB": true, "maxArchiveCount": -1,
                      "maxArchiveAgeDays": null}}
            """)
        #expect(warning == nil)
        #expect(settings.style == "visual")
        #expect(settings.verbosity == "important")
        #expect(settings.voice == "Samantha")
        #expect(settings.sound == "Glass")
        #expect(settings.updatesEnabled, "only a literal false disables updates")
        #expect(!settings.notificationsTelegramEnabled, "only a literal true enables")
        #expect(!settings.telegramEnabled)
        #expect(settings.telegramBotToken == "")
        #expect(settings.telegramChatId == "12345", "a numeric chat id is accepted as its digits")
        #expect(settings.maxSessionSizeMB == 10)
        #expect(settings.maxCommandLogSizeKB == 500)
        #expect(settings.maxArchiveCount == 5)
        #expect(settings.maxArchiveAgeDays == 7)
    }

    @Test func falseAndNullFallBackToDefaults() throws {
        let (settings, _) = try load(
            """
            {"notifications": {"style": null, "verbosity": false, "voice": null, "sound": false},
             "logs": {"maxSessionSizeMB": null, "maxCommandLogSizeKB": false, "maxArchiveCount": null,
                      "maxArchiveAgeDays": false}}
            """)
        #expect(settings == Settings())
    }

    @Test func nonObjectDocumentsGiveDefaults() throws {
        for text in ["[]", "null", "42", #""text""#, #"{"notifications": "loud", "logs": []}"#] {
            let (settings, warning) = try load(text)
            #expect(settings == Settings())
            #expect(warning == nil)
        }
    }

    @Test func numericStringsAreAcceptedForLogLimits() throws {
        let (settings, _) = try load(#"{"logs": {"maxSessionSizeMB": "2", "maxArchiveCount": "3"}}"#)
        #expect(settings.maxSessionSizeMB == 2)
        #expect(settings.maxArchiveCount == 3)
    }
}
