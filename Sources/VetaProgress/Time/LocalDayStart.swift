public import Foundation

extension CalendarDate {
    /// The first instant of this date on the calendar of `zone`: local midnight, or the first
    /// instant the day has where a daylight-saving change skips midnight.
    ///
    /// A credential's validity window is written with it (``SiteClock``): `validUntil` is the first
    /// instant of the first day it is no longer valid, so the instant it expires is the end of its
    /// last valid local day, and an instant is past it exactly when the site's date then is on or
    /// after that day, in every zone. `validFrom` likewise is the first instant of its first day.
    public func firstInstant(in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        if let noon = calendar.date(from: DateComponents(era: 1, year: year, month: month, day: day, hour: 12)) {
            return calendar.startOfDay(for: noon)
        }
        // Not reached for the years 1–9999; UTC midnight less the offset at that time is the same day's start.
        let utcMidnight = Date(timeIntervalSince1970: TimeInterval((dayNumber - CalendarDate(unchecked: 1970, 1, 1).dayNumber) * 86_400))
        return utcMidnight.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: utcMidnight)))
    }
}
