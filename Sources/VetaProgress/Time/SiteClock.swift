public import Foundation

/// The one clock and calendar every "today" in Veta comes from: an instant (now) and the site's
/// time zone. "Today" is the date on the site's calendar at that instant, never the UTC date: a
/// supervisor in Zacatecas recording at 21:00 local time (03:00 UTC the next day) records today.
///
/// Stored instants (`recordedAt`, a record's `issuedAt`) stay UTC; only calendar dates are local.
/// The zone is the store's setting (``ProgressService/timeZone()``), else the system's. Tests inject
/// the instant: the environment variable `VETA_NOW` (`YYYY-MM-DDTHH:MM:SSZ`) fixes it for a whole
/// process, so end-to-end checks can record "at 21:00 in Zacatecas" without changing the machine's clock.
public struct SiteClock: Sendable {
    /// The environment variable that fixes the current instant (for tests).
    public static let environmentVariable = "VETA_NOW"

    /// The instant "now".
    public let now: Date
    /// The site's time zone.
    public let timeZone: TimeZone

    /// A clock at `now` in `timeZone`.
    public init(now: Date, timeZone: TimeZone) {
        self.now = now
        self.timeZone = timeZone
    }

    /// Today on the site's calendar.
    ///
    /// - Throws: ``SettingError`` when that date is not one Veta writes (past year 9999).
    public var today: CalendarDate {
        get throws { try CalendarDate(localDateOf: now, in: timeZone) }
    }

    /// The current instant: `VETA_NOW` when set, else the system clock.
    ///
    /// - Throws: ``SettingError`` when `VETA_NOW` is set but is not `YYYY-MM-DDTHH:MM:SSZ`.
    public static func currentInstant(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        guard let text = environment[environmentVariable] else { return Date() }
        guard let date = Instant.parse(text) else {
            throw SettingError(
                "\(environmentVariable)=\(text) is not an instant YYYY-MM-DDTHH:MM:SSZ (UTC) or YYYY-MM-DDTHH:MM:SS±HH:MM",
                fix: "unset \(environmentVariable) to use the system clock")
        }
        return date
    }

    /// The system's time zone (the `TZ` environment variable, else the machine's setting).
    public static var systemTimeZone: TimeZone { TimeZone.current }

    /// The IANA time zone named `identifier` (`America/Mexico_City`, `UTC`), or why it is not one.
    ///
    /// Only names in the IANA database are taken: abbreviations (`CST`) and offsets (`-06:00`) are
    /// refused, because they do not follow a site's daylight-saving rules.
    public static func timeZone(named identifier: String) throws -> TimeZone {
        let known = identifier == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(identifier)
        guard known, let zone = TimeZone(identifier: identifier) else {
            throw SettingError(
                "\(identifier.debugDescription) is not an IANA time zone",
                fix: "name one from the IANA database, such as America/Mexico_City, America/Monterrey or UTC")
        }
        return zone
    }
}

extension CalendarDate {
    /// The date on the calendar of `zone` at the instant `instant`.
    ///
    /// - Throws: ``SettingError`` when that date is outside the years 1–9999 (an instant at the end
    ///   of 9999 UTC is already in 10000 east of Greenwich): refused, never replaced by another date.
    public init(localDateOf instant: Date, in zone: TimeZone) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.era, .year, .month, .day], from: instant)
        guard parts.era == 1, let year = parts.year, let month = parts.month, let day = parts.day,
            let date = CalendarDate(year: year, month: month, day: day)
        else {
            throw SettingError(
                "the instant \(Instant.utcText(instant)) falls outside the years 0001–9999 in the time zone \(zone.identifier)",
                fix: "dates have four-digit years: set \(SiteClock.environmentVariable) (or the clock) to an instant in the years 0001–9999"
            )
        }
        self = date
    }
}

/// Instants as Veta writes and reads them.
public enum Instant {
    /// Parses `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS±HH:MM` (a real date and time).
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), let day = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard bytes[range].allSatisfy({ (48...57).contains($0) }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var offset = 0
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                let hours = number(20..<22), let minutes = number(23..<25), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[19] == UInt8(ascii: "-") ? -1 : 1)
        }
        // Seconds from 1970-01-01 at that wall-clock time, less the offset.
        let days = day.dayNumber - CalendarDate(unchecked: 1970, 1, 1).dayNumber
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, UTC: how `recordedAt` is stored (so stored instants compare as text).
    public static func utcText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// A setting or clock value that cannot be used (a time zone that is not an IANA zone, a bad `VETA_NOW`).
public struct SettingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the value.
    public let message: String
    /// How to fix it.
    public let fix: String

    /// Creates an error.
    public init(_ message: String, fix: String) {
        self.message = message
        self.fix = fix
    }

    public var description: String { "\(message); \(fix)" }
}
