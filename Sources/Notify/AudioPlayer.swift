import Shared

/// Direct mode's audible notification (compatibility.md#notify-direct): speech for style `audio`, a sound for style `sound`.
///
/// macOS uses `say -v <voice>` and `afplay /System/Library/Sounds/<sound>.aiff`, as upstream. Linux uses the first
/// of `espeak-ng`, `spd-say`, `espeak` for speech and `paplay`/`pw-play` with the freedesktop sound theme
/// (`<sound>.oga` when the theme has it, else `complete.oga`). The player runs detached (D24: upstream blocked).
package enum AudioPlayer {
    /// The platform whose tools are looked up.
    package enum Platform: Sendable {
        case macOS
        case linux

        /// The platform this binary was built for.
        package static var current: Platform {
            #if os(macOS)
                return .macOS
            #else
                return .linux
            #endif
        }
    }

    /// The freedesktop sound theme directory.
    package static let freedesktopSounds = "/usr/share/sounds/freedesktop/stereo"

    /// The argv that plays the notification, or nil when the style is silent or no player exists.
    /// - Parameters:
    ///   - which: finds an executable on PATH.
    ///   - exists: tells whether a sound file exists.
    package static func command(
        style: String, message: String, settings: Settings, platform: Platform = .current,
        which: (String) -> String?, exists: (String) -> Bool = FileSystem.exists
    ) -> [String]? {
        switch (style, platform) {
        case ("audio", .macOS):
            // `--` ends the options: a message starting with `-` must not be read as one.
            return which("say").map { [$0, "-v", settings.voice, "--", message] }
        case ("audio", .linux):
            for speaker in ["espeak-ng", "spd-say", "espeak"] {
                if let path = which(speaker) { return [path, "--", message] }
            }
            return nil
        case ("sound", .macOS):
            let file = "/System/Library/Sounds/\(settings.sound).aiff"
            guard !settings.sound.contains("/"), exists(file), let player = which("afplay") else { return nil }
            return [player, file]
        case ("sound", .linux):
            let named = freedesktopSounds.appendingPathComponent("\(settings.sound.lowercased()).oga")
            let fallback = freedesktopSounds.appendingPathComponent("complete.oga")
            let file = !settings.sound.contains("/") && exists(named) ? named : fallback
            guard exists(file) else { return nil }
            for player in ["paplay", "pw-play"] {
                if let path = which(player) { return [path, file] }
            }
            return nil
        default:
            return nil
        }
    }
}
