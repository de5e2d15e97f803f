#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Formats timestamps the way the original's `date` calls and `Date.toISOString()` do, without Foundation.
package struct TimeFormatter: Sendable {
    /// How local time is computed.
    package enum Zone: Sendable, Equatable {
        /// The process's local time zone (`TZ`, `/etc/localtime`), via `localtime_r`.
        case system
        /// A fixed offset east of UTC, in seconds (tests).
        case fixed(offsetSeconds: Int)
    }

    /// The zone local times are shown in.
    package var zone: Zone

    /// A formatter for `zone` (the system zone by default).
    package init(zone: Zone = .system) {
        self.zone = zone
    }

    /// `HH:MM:SS`, local.
    package func clock(_ time: Timestamp) -> String {
        let c = local(time)
        return "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }

    /// `YYYY-MM-DD HH:MM:SS`, local.
    package func dateTime(_ time: Timestamp) -> String {
        let c = local(time)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }

    /// `YYYYMMDD-HHMMSS`, local (archive names).
    package func compact(_ time: Timestamp) -> String {
        let c = local(time)
        return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))-\(pad(c.hour))\(pad(c.minute))\(pad(c.second))"
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC, as JavaScript's `Date.toISOString()`.
    package static func isoUTC(_ time: Timestamp) -> String {
        let c = CivilTime(utc: time)
        let millis = Int(((time.milliseconds % 1000) + 1000) % 1000)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))."
            + "\(pad(millis, 3))Z"
    }

    /// `YYYYMMDDTHHMMSSmmmZ` in UTC (names of files moved aside).
    package static func compactUTC(_ time: Timestamp) -> String {
        let c = CivilTime(utc: time)
        let millis = Int(((time.milliseconds % 1000) + 1000) % 1000)
        return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))\(pad(c.second))"
            + "\(pad(millis, 3))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff…][Z|±HH:MM]` (no zone means UTC); nil when malformed.
    package static func parseISO(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
            bytes[13] == 0x3A, bytes[16] == 0x3A,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var millis = 0
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            var scale = 100
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                millis += Int(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            if index == start { return nil }
        }
        var offset = 0
        if index < bytes.count {
            if bytes[index] == 0x5A, index + 1 == bytes.count {
                offset = 0
            } else if bytes[index] == 0x2B || bytes[index] == 0x2D, index + 6 == bytes.count, bytes[index + 3] == 0x3A,
                let h = number(index + 1, 2), let m = number(index + 4, 2)
            {
                offset = (h * 3600 + m * 60) * (bytes[index] == 0x2D ? -1 : 1)
            } else {
                return nil
            }
        }
        let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return Timestamp(milliseconds: seconds * 1000 + Int64(millis))
    }

    private func local(_ time: Timestamp) -> CivilTime {
        switch zone {
        case .fixed(let offset):
            return CivilTime(utc: time.adding(seconds: Int64(offset)))
        case .system:
            var seconds = time_t(time.seconds)
            var parts = tm()
            guard localtime_r(&seconds, &parts) != nil else { return CivilTime(utc: time) }
            return CivilTime(
                year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
        }
    }
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
