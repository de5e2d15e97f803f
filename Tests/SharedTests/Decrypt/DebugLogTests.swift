import PromptDecrypt
import Shared
import Testing

struct DebugLogTests {
    @Test func redactsSecretsRecursively() {
        let value: JSONValue = [
            "apiKey": "ak_live_secret", "userId": "u",
            "nested": [
                "salt": "s", "Password": "p", "clientSecret": "c", "refresh_token": "t", "list": [["token": "x"]],
            ],
            "hardwareId": "hw",
        ]
        #expect(
            DebugLog.redact(value)
                == [
                    "apiKey": "ak_***", "userId": "u",
                    "nested": [
                        "salt": "***", "Password": "***", "clientSecret": "***", "refresh_token": "***",
                        "list": [["token": "***"]],
                    ],
                    "hardwareId": "hw",
                ])
    }

    @Test func writesTimestampedLinesOnlyWhenEnabled() {
        let lines = LockedBox<[String]>([])
        let console = Console(out: { _ in }, err: { text in lines.withLock { $0.append(text) } })
        let clock = WallClock.fixed(Timestamp(seconds: 3_600 + 62))
        DebugLog(enabled: false, console: console, clock: clock).log(.fetch, "quiet")
        #expect(lines.current.isEmpty)
        let log = DebugLog(
            enabled: true, console: console, clock: clock, formatter: TimeFormatter(zone: .fixed(offsetSeconds: 0)))
        log.log(.fetch, "GET x")
        log.log(.derive, "creds", value: ["apiKey": "ak_1", "salt": "s"])
        #expect(
            lines.current == [
                "[01:01:02] [FETCH] GET x\n", #"[01:01:02] [DERIVE] creds {"apiKey":"ak_***","salt":"***"}"# + "\n",
            ])
    }
}
