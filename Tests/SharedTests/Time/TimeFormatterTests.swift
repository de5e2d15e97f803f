import Shared
import Testing

@testable import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Local and UTC formats, ISO parsing, dates before 1970 and leap years.
struct TimeFormatterTests {
    /// 2026-11-25T21:25:57.123Z.
    private let sample = Timestamp(milliseconds: 1_795_641_957_123)

    @Test func fixedZoneFormats() {
        let utc = TimeFormatter(zone: .fixed(offsetSeconds: 0))
        #expect(utc.clock(sample) == "21:25:57")
        #expect(utc.dateTime(sample) == "2026-11-25 21:25:57")
        #expect(utc.compact(sample) == "20261125-212557")
        let tokyo = TimeFormatter(zone: .fixed(offsetSeconds: 9 * 3600))
        #expect(tokyo.clock(sample) == "06:25:57")
        #expect(tokyo.dateTime(sample) == "2026-11-26 06:25:57")
        #expect(tokyo.compact(sample) == "20261126-062557")
        let newYork = TimeFormatter(zone: .fixed(offsetSeconds: -5 * 3600))
        #expect(newYork.dateTime(sample) == "2026-11-25 16:25:57")
        let india = TimeFormatter(zone: .fixed(offsetSeconds: 5 * 3600 + 1800))
        #expect(india.clock(sample) == "02:55:57")
    }

    @Test func isoUTCHasMilliseconds() {
        #expect(TimeFormatter.isoUTC(sample) == "2026-11-25T21:25:57.123Z")
        #expect(TimeFormatter.isoUTC(Timestamp(milliseconds: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(TimeFormatter.isoUTC(Timestamp(milliseconds: 7)) == "1970-01-01T00:00:00.007Z")
        #expect(TimeFormatter.compactUTC(sample) == "20261125T212557123Z")
    }

    @Test func datesBefore1970() {
        #expect(TimeFormatter.isoUTC(Timestamp(milliseconds: -1)) == "1969-12-31T23:59:59.999Z")
        #expect(TimeFormatter.isoUTC(Timestamp(milliseconds: -1000)) == "1969-12-31T23:59:59.000Z")
        #expect(TimeFormatter.isoUTC(Timestamp(milliseconds: -14_182_939_500)) == "1969-07-20T20:17:40.500Z")
        #expect(TimeFormatter.isoUTC(Timestamp(milliseconds: -2_203_891_200_000)) == "1900-03-01T00:00:00.000Z")
        #expect(Timestamp(milliseconds: -1).seconds == -1)
        #expect(Timestamp(milliseconds: -1000).seconds == -1)
        #expect(Timestamp(milliseconds: -1001).seconds == -2)
        let utc = TimeFormatter(zone: .fixed(offsetSeconds: 0))
        #expect(utc.dateTime(Timestamp(milliseconds: -1)) == "1969-12-31 23:59:59")
    }

    @Test func leapYears() {
        #expect(TimeFormatter.isoUTC(Timestamp(milliseconds: 1_709_208_000_000)) == "2024-02-29T12:00:00.000Z")
        #expect(TimeFormatter.isoUTC(Timestamp(milliseconds: 951_782_400_000)) == "2000-02-29T00:00:00.000Z")
        #expect(TimeFormatter.isoUTC(Timestamp(milliseconds: -11_670_998_400_000)) == "1600-02-29T00:00:00.000Z")
        // 1900 was not a leap year: the day after 1900-02-28 is 1900-03-01.
        #expect(
            TimeFormatter.isoUTC(Timestamp(milliseconds: -2_203_891_200_000 - 86_400_000)) == "1900-02-28T00:00:00.000Z"
        )
        #expect(TimeFormatter.parseISO("2024-02-29T12:00:00Z") == Timestamp(milliseconds: 1_709_208_000_000))
        #expect(days(from: "2024-02-28T00:00:00Z", to: "2024-03-01T00:00:00Z") == 2)
        #expect(days(from: "2023-02-28T00:00:00Z", to: "2023-03-01T00:00:00Z") == 1)
        #expect(days(from: "1900-02-28T00:00:00Z", to: "1900-03-01T00:00:00Z") == 1)
        #expect(days(from: "2000-02-28T00:00:00Z", to: "2000-03-01T00:00:00Z") == 2)
    }

    @Test func parseISORoundTrips() {
        for milliseconds: Int64 in [
            0, 1, 999, 1_795_641_957_123, -1, -14_182_939_500, -11_670_998_400_000, 4_102_444_800_000,
        ] {
            let time = Timestamp(milliseconds: milliseconds)
            #expect(TimeFormatter.parseISO(TimeFormatter.isoUTC(time)) == time)
        }
    }

    @Test func parseISOHonoursOffsetsAndFractions() {
        let expected = Timestamp(milliseconds: 1_767_241_800_000)  // 2026-01-01T04:30:00Z
        #expect(TimeFormatter.parseISO("2026-01-01T04:30:00Z") == expected)
        #expect(TimeFormatter.parseISO("2026-01-01T04:30:00") == expected)
        #expect(TimeFormatter.parseISO("2026-01-01 04:30:00Z") == expected)
        #expect(TimeFormatter.parseISO("2026-01-01T10:00:00+05:30") == expected)
        #expect(TimeFormatter.parseISO("2025-12-31T23:30:00-05:00") == expected)
        #expect(TimeFormatter.parseISO("2026-01-01T04:30:00.5Z") == expected.advanced(500))
        #expect(TimeFormatter.parseISO("2026-01-01T04:30:00.123456Z") == expected.advanced(123))
    }

    @Test func parseISORejectsGarbage() {
        for text in [
            "", "garbage", "2026-01-01", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-32T00:00:00Z",
            "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01T00:00:00X", "2026-01-01T00:00:00.Z",
            "2026-01-01T00:00:00+0530", "2026-01-01T00:00:00Zjunk", "2026/01/01T00:00:00Z", "20a6-01-01T00:00:00Z",
            "2026-01-01T00:00:00+05:30junk",
        ] {
            #expect(TimeFormatter.parseISO(text) == nil, "\(text)")
        }
    }

    @Test func fixedClockStandsStill() {
        let clock = WallClock.fixed(sample)
        #expect(clock.now() == sample)
        #expect(clock.now() == sample)
        let system = WallClock.system.now()
        #expect(system.milliseconds > 1_700_000_000_000)
        #expect(sample.adding(seconds: 60).milliseconds == sample.milliseconds + 60_000)
        #expect(Timestamp(seconds: 2) == Timestamp(milliseconds: 2000))
        #expect(Timestamp(seconds: 1) < Timestamp(seconds: 2))
    }

    @Test func systemZoneFollowsTZ() throws {
        // The process zone is whatever TZ says; compare against localtime_r directly rather than assuming one.
        var seconds = time_t(sample.seconds)
        var parts = tm()
        #expect(localtime_r(&seconds, &parts) != nil)
        let expected = format2(Int(parts.tm_hour)) + ":" + format2(Int(parts.tm_min)) + ":" + format2(Int(parts.tm_sec))
        #expect(TimeFormatter().clock(sample) == expected)
    }

    private func days(from start: String, to end: String) -> Int64? {
        guard let a = TimeFormatter.parseISO(start), let b = TimeFormatter.parseISO(end) else { return nil }
        return (b.milliseconds - a.milliseconds) / 86_400_000
    }

    private func format2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

extension Timestamp {
    fileprivate func advanced(_ milliseconds: Int64) -> Timestamp {
        Timestamp(milliseconds: self.milliseconds + milliseconds)
    }
}
