public import Foundation

/// A calendar date without time or zone, `YYYY-MM-DD` (ISO 8601), as evidence is dated.
public struct CalendarDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Creates a date, or `nil` when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; returns `nil` for anything else or a day that does not exist.
    public init?(_ text: String) {
        // YYYY-MM-DD in ASCII digits (what is stored and typed), read without splitting.
        if let date = Self.digits(text) {
            self.init(year: date.year, month: date.month, day: date.day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day of text that is exactly `DDDD-DD-DD` in ASCII digits, or nil.
    private static func digits(_ text: String) -> (year: Int, month: Int, day: Int)? {
        var utf8 = text
        return utf8.withUTF8 { bytes -> (year: Int, month: Int, day: Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Built by hand: String(format:) is slow, and dates are written for every ledger entry.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        func append(_ value: Int, digits: Int) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        append(year, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        append(month, digits: 2)
        bytes.append(UInt8(ascii: "-"))
        append(day, digits: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The earliest date there is, 0001-01-01.
    public static let earliest = CalendarDate(unchecked: 1, 1, 1)
    /// The latest date there is, 9999-12-31: where a date moved further stops.
    public static let latest = CalendarDate(unchecked: 9999, 12, 31)

    /// The same day `months` later; the last day of the month when that day does not exist.
    ///
    /// Stops at ``earliest`` or ``latest`` when the result would be outside years 1–9999, whatever
    /// `months` is (a validity of `Int.max` months never ends, rather than trapping).
    public func adding(months: Int) -> CalendarDate {
        let (total, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        if overflow { return months > 0 ? .latest : .earliest }
        let newYear = total / 12
        if newYear > Self.latest.year { return .latest }
        if newYear < Self.earliest.year { return .earliest }
        let newMonth = total % 12 + 1
        return CalendarDate(unchecked: newYear, newMonth, min(day, Self.days(inMonth: newMonth, year: newYear)))
    }

    /// The date `days` later (or earlier, when negative); stops at ``earliest`` or ``latest``.
    public func adding(days: Int) -> CalendarDate {
        let (number, overflow) = dayNumber.addingReportingOverflow(days)
        if overflow { return days > 0 ? .latest : .earliest }
        if number > Self.latest.dayNumber { return .latest }
        if number < Self.earliest.dayNumber { return .earliest }
        return CalendarDate(dayNumber: number)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    init(dayNumber: Int) {
        var y = (10000 * dayNumber + 14780) / 3_652_425
        var dayOfYear = dayNumber - (365 * y + y / 4 - y / 100 + y / 400)
        if dayOfYear < 0 {
            y -= 1
            dayOfYear = dayNumber - (365 * y + y / 4 - y / 100 + y / 400)
        }
        let mi = (100 * dayOfYear + 52) / 3060
        let month = (mi + 2) % 12 + 1
        let year = y + (mi + 2) / 12
        let day = dayOfYear - (mi * 306 + 5) / 10 + 1
        self.init(unchecked: year, month, day)
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Decodes from `"YYYY-MM-DD"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    /// Encodes as `"YYYY-MM-DD"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
