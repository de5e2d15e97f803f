import Shared

/// `--debug` output: `[HH:MM:SS] [STEP] message` on stderr in local time, secrets redacted; silent when disabled.
package struct DebugLog: Sendable {
    /// The step tags upstream uses.
    package enum Step: String, Sendable {
        case fetch = "FETCH"
        case derive = "DERIVE"
        case decrypt = "DECRYPT"
        case cache = "CACHE"
        case security = "SECURITY"
        case verify = "VERIFY"
    }

    /// Whether lines are written.
    package var isEnabled: Bool
    private let console: Console
    private let clock: WallClock
    private let formatter: TimeFormatter

    /// A logger writing to `console`'s stderr.
    package init(
        enabled: Bool, console: Console, clock: WallClock = .system, formatter: TimeFormatter = TimeFormatter()
    ) {
        isEnabled = enabled
        self.console = console
        self.clock = clock
        self.formatter = formatter
    }

    /// Writes one line when enabled.
    package func log(_ step: Step, _ message: @autoclosure () -> String) {
        guard isEnabled else { return }
        console.errorLine("[\(formatter.clock(clock.now()))] [\(step.rawValue)] \(message())")
    }

    /// Writes one line with a JSON value, redacted.
    package func log(_ step: Step, _ message: String, value: JSONValue) {
        guard isEnabled else { return }
        log(step, "\(message) \(Self.redact(value).compact)")
    }

    /// The value with secrets replaced, recursively: `apiKey` becomes `ak_***`; keys naming a salt, password,
    /// secret, token or authorization become `***`.
    package static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object {
                let lowered = key.lowercased()
                if lowered == "apikey" || lowered == "api_key" {
                    result[key] = "ak_***"
                } else if ["salt", "password", "secret", "token", "authorization"].contains(where: lowered.contains) {
                    result[key] = "***"
                } else {
                    result[key] = redact(member)
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map(redact))
        default:
            return value
        }
    }
}
