public import VetaProgress

/// Mexico's statutory rest days (*días de descanso obligatorio*, Ley Federal del Trabajo, art. 74).
///
/// 1 January; the first Monday of February (for 5 February); the third Monday of March (for
/// 21 March); 1 May; 16 September; the third Monday of November (for 20 November); the day the
/// federal executive is handed over every six years (1 December until 2018, 1 October from 2024
/// on, after the 2024 reform moved the inauguration); 25 December. The Monday rules apply from
/// 2006 (the reform of that year); earlier years keep the fixed dates. Election days fall on
/// Sundays, already a weekly rest day (art. 69); an audit policy lists any other holiday.
public enum MexicanRestDays {
    /// Whether `date` is a statutory rest day.
    public static func contains(_ date: CalendarDate) -> Bool {
        days(in: date.year).contains(date)
    }

    /// The statutory rest days of `year`, in date order.
    public static func days(in year: Int) -> [CalendarDate] {
        func day(_ month: Int, _ day: Int) -> CalendarDate? { CalendarDate(year: year, month: month, day: day) }
        var days: [CalendarDate?] = [day(1, 1), day(5, 1), day(9, 16), day(12, 25)]
        if year >= 2006 {
            days += [monday(1, of: 2, in: year), monday(3, of: 3, in: year), monday(3, of: 11, in: year)]
        } else {
            days += [day(2, 5), day(3, 21), day(11, 20)]
        }
        if year >= 2024, (year - 2024) % 6 == 0 {
            days.append(day(10, 1))
        } else if year < 2024, (2024 - year) % 6 == 0 {
            days.append(day(12, 1))
        }
        return days.compactMap { $0 }.sorted()
    }

    /// The `nth` Monday of `month`.
    static func monday(_ nth: Int, of month: Int, in year: Int) -> CalendarDate? {
        guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        // 0 = Monday … 6 = Sunday.
        let offset = (7 - weekday(first)) % 7
        return CalendarDate(year: year, month: month, day: 1 + offset + 7 * (nth - 1))
    }

    /// The day of the week: 0 = Monday … 5 = Saturday, 6 = Sunday.
    static func weekday(_ date: CalendarDate) -> Int {
        // Days since 1970-01-01, a Thursday (3).
        let days = CalendarDate(year: 1970, month: 1, day: 1).map { $0.days(until: date) } ?? 0
        return ((days % 7) + 7 + 3) % 7
    }
}
