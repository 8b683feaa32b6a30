/// A date as XSD 1.0 `xs:date` defines it: a year (never 0; negative before year 1, more than
/// four digits after 9999), a month, a day valid in that month and year, and an optional
/// timezone offset.
///
/// It is encoded as its canonical text: the year with at least four digits (`-` before a
/// negative year), `-MM-DD`, then `Z` for a zero offset or `±hh:mm` for any other, e.g.
/// `2024-03-01`, `2024-03-01Z`, `2024-03-01-06:00`, `12024-01-01`, `-0044-03-15`.
public struct XSDDate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The year; never 0.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to the month's last day.
    public let day: Int
    /// The timezone offset from UTC in minutes (−840 to 840), when the date has one.
    public let timezoneOffsetMinutes: Int?

    /// Creates a date from its parts; `nil` when they do not make an `xs:date`.
    public init?(year: Int, month: Int, day: Int, timezoneOffsetMinutes: Int? = nil) {
        guard year != 0, (1...12).contains(month), day >= 1, day <= Self.lastDay(month: month, year: year) else { return nil }
        if let offset = timezoneOffsetMinutes, !(-840...840).contains(offset) { return nil }
        self.init(uncheckedYear: year, month: month, day: day, timezoneOffsetMinutes: timezoneOffsetMinutes)
    }

    /// A date whose parts the caller has checked.
    init(uncheckedYear year: Int, month: Int, day: Int, timezoneOffsetMinutes: Int?) {
        self.year = year
        self.month = month
        self.day = day
        self.timezoneOffsetMinutes = timezoneOffsetMinutes
    }

    /// The last day of `month` in `year`, with the Gregorian leap rule applied to the year as
    /// written (as libxml2 and Python `xmlschema` do for negative years).
    static func lastDay(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The date without its timezone, `YYYY-MM-DD` (at least four year digits).
    public var dateText: String {
        let digits = String(year.magnitude)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return (year < 0 ? "-" : "") + padded + "-" + Self.twoDigits(month) + "-" + Self.twoDigits(day)
    }

    /// The offset as `±hh:mm` (`+00:00` for UTC), or `nil` when the date has no timezone.
    public var offsetText: String? {
        timezoneOffsetMinutes.map { offset in
            (offset < 0 ? "-" : "+") + Self.twoDigits(abs(offset) / 60) + ":" + Self.twoDigits(abs(offset) % 60)
        }
    }

    /// The canonical text: ``dateText`` then `Z` or `±hh:mm` when the date has a timezone.
    public var description: String {
        guard let offset = timezoneOffsetMinutes else { return dateText }
        return dateText + (offset == 0 ? "Z" : offsetText ?? "")
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// Decodes a date from its `xs:date` text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard case .success(let date) = XSDValueReader.date(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an xs:date: \(text)")
        }
        self = date
    }

    /// Encodes the date as its canonical text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
