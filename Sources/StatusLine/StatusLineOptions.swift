import Shared

/// The opt-in part of the status line, from `statusLine` in `~/.oss/settings.json`:
///
/// ```json
/// { "statusLine": { "segments": ["context", "cost"], "thresholds": { "context": [70, 90], "cost": [2, 10] } } }
/// ```
///
/// `segments` lists extra segments, shown after the usual ones in the order given; `thresholds` colours a segment
/// yellow from the first value and red from the second (no colour below, none at all under `NO_COLOR`). Without the
/// key the line is exactly the default one.
package struct StatusLineOptions: Equatable, Sendable {
    /// An extra segment.
    package enum Segment: String, CaseIterable, Sendable {
        /// `🧠 42%`: context window in use.
        case context
        /// `$1.27`: the session's cost so far.
        case cost
        /// `⏱ 12m`: the session's duration.
        case duration
        /// `+120 -30`: lines added and removed.
        case lines
        /// `✒ <name>`: the output style, when not the default one.
        case style
        /// `CC <version>`: Claude Code's version.
        case version
    }

    /// Warn and critical levels for a coloured segment.
    package struct Thresholds: Equatable, Sendable {
        package var warn: Double
        package var critical: Double

        package init(warn: Double, critical: Double) {
            self.warn = warn
            self.critical = critical
        }
    }

    package var segments: [Segment] = []
    package var thresholds: [Segment: Thresholds] = [:]

    package init(segments: [Segment] = [], thresholds: [Segment: Thresholds] = [:]) {
        self.segments = segments
        self.thresholds = thresholds
    }

    /// The options in a parsed `settings.json`; unknown names and malformed values are ignored.
    package init(settings: JSONValue) {
        guard let statusLine = settings["statusLine"] else { return }
        var seen = Set<Segment>()
        for name in statusLine["segments"]?.arrayValue ?? [] {
            guard let segment = name.stringValue.flatMap(Segment.init(rawValue:)), seen.insert(segment).inserted
            else { continue }
            segments.append(segment)
        }
        for (name, value) in statusLine["thresholds"]?.objectValue ?? JSONObject() {
            guard let segment = Segment(rawValue: name), let levels = value.arrayValue, levels.count == 2,
                let warn = levels[0].doubleValue, let critical = levels[1].doubleValue
            else { continue }
            thresholds[segment] = Thresholds(warn: warn, critical: max(warn, critical))
        }
    }

    /// Reads `path` (capped at 1 MiB); a missing or unparsable file gives no options.
    package static func load(path: String) -> StatusLineOptions {
        guard let bytes = SmallFile.read(path, limit: 1 << 20), let json = try? JSONValue.parse(bytes: bytes) else {
            return StatusLineOptions()
        }
        return StatusLineOptions(settings: json)
    }
}
