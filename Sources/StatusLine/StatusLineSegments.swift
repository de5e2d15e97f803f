import Shared

/// Renders the opt-in segments of `StatusLineOptions` from Claude Code's session data. Pure.
package struct StatusLineSegments: Sendable {
    package var options: StatusLineOptions
    /// Whether threshold colours may be used (false under `NO_COLOR`).
    package var colour: Bool

    package init(options: StatusLineOptions, colour: Bool) {
        self.options = options
        self.colour = colour
    }

    /// The segments that have data, in the configured order.
    package func render(_ session: StatusLineSession) -> [String] {
        options.segments.compactMap { segment in
            switch segment {
            case .context:
                return session.contextPercent.map {
                    paint("🧠 \(Int(min(max($0, 0), 999).rounded()))%", value: $0, segment)
                }
            case .cost:
                return session.costUSD.map { paint("$" + Self.dollars($0), value: $0, segment) }
            case .duration:
                return session.durationMilliseconds.map {
                    paint("⏱ " + Self.duration(milliseconds: $0), value: $0 / 60_000, segment)
                }
            case .lines:
                guard session.linesAdded != nil || session.linesRemoved != nil else { return nil }
                return "+\(session.linesAdded ?? 0) -\(session.linesRemoved ?? 0)"
            case .style:
                guard let style = session.outputStyle, !style.isEmpty, style.lowercased() != "default" else {
                    return nil
                }
                return "✒ " + style
            case .version:
                return session.version.flatMap { $0.isEmpty ? nil : "CC " + $0 }
            }
        }
    }

    /// `text` in yellow at or above the warn level, red at or above the critical one, when colour is allowed and
    /// thresholds are configured for the segment (duration thresholds are in minutes).
    private func paint(_ text: String, value: Double, _ segment: StatusLineOptions.Segment) -> String {
        guard colour, let levels = options.thresholds[segment] else { return text }
        if value >= levels.critical { return "\u{1B}[31m" + text + "\u{1B}[0m" }
        if value >= levels.warn { return "\u{1B}[33m" + text + "\u{1B}[0m" }
        return text
    }

    /// Dollars with two decimals (`0.05`, `12.30`).
    static func dollars(_ value: Double) -> String {
        let cents = Int((max(value, 0) * 100).rounded())
        let fraction = cents % 100
        return "\(cents / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// `45s`, `12m`, `1h05m`.
    static func duration(milliseconds: Double) -> String {
        let seconds = Int(max(milliseconds, 0) / 1000)
        if seconds < 60 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes)m" }
        let rest = minutes % 60
        return "\(minutes / 60)h" + (rest < 10 ? "0" : "") + "\(rest)m"
    }
}
