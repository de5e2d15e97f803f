import Notify
import Shared
import Testing

/// Which player a direct notification uses on each platform.
struct AudioPlayerTests {
    private func which(_ available: Set<String>) -> (String) -> String? {
        { available.contains($0) ? "/bin/\($0)" : nil }
    }

    @Test func macOSUsesSayAndAfplay() {
        var settings = Settings()
        settings.voice = "Alex"
        settings.sound = "Ping"
        #expect(
            AudioPlayer.command(
                style: "audio", message: "Done", settings: settings, platform: .macOS, which: which(["say"]))
                == ["/bin/say", "-v", "Alex", "--", "Done"])
        #expect(
            AudioPlayer.command(
                style: "sound", message: "Done", settings: settings, platform: .macOS, which: which(["afplay"]),
                exists: { $0 == "/System/Library/Sounds/Ping.aiff" })
                == ["/bin/afplay", "/System/Library/Sounds/Ping.aiff"])
        #expect(
            AudioPlayer.command(
                style: "sound", message: "Done", settings: settings, platform: .macOS, which: which(["afplay"]),
                exists: { _ in false }) == nil)
    }

    @Test func linuxPrefersEspeakNgThenSpdSay() {
        #expect(
            AudioPlayer.command(
                style: "audio", message: "Hi", settings: Settings(), platform: .linux,
                which: which(["espeak-ng", "spd-say"])) == ["/bin/espeak-ng", "--", "Hi"])
        #expect(
            AudioPlayer.command(
                style: "audio", message: "Hi", settings: Settings(), platform: .linux, which: which([])) == nil)
    }

    @Test func linuxSoundUsesTheFreedesktopTheme() {
        var settings = Settings()
        settings.sound = "Message"
        let named = "/usr/share/sounds/freedesktop/stereo/message.oga"
        let fallback = "/usr/share/sounds/freedesktop/stereo/complete.oga"
        #expect(
            AudioPlayer.command(
                style: "sound", message: "", settings: settings, platform: .linux, which: which(["pw-play"]),
                exists: { $0 == named || $0 == fallback }) == ["/bin/pw-play", named])
        settings.sound = "Glass"
        #expect(
            AudioPlayer.command(
                style: "sound", message: "", settings: settings, platform: .linux, which: which(["paplay", "pw-play"]),
                exists: { $0 == fallback }) == ["/bin/paplay", fallback])
        #expect(
            AudioPlayer.command(
                style: "visual", message: "", settings: settings, platform: .linux, which: which(["paplay"]),
                exists: { _ in true }) == nil)
    }
}
