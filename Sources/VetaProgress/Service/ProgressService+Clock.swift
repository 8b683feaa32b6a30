public import Foundation

extension ProgressService {
    /// The site's time zone: the store's `timeZone` setting, else the system's (``SiteClock/systemTimeZone``).
    ///
    /// - Throws: ``SettingError`` when the stored zone is not one this machine's time zone database knows.
    public func timeZone() async throws -> TimeZone {
        guard let identifier = try await store.setting(.timeZone) else { return SiteClock.systemTimeZone }
        return try SiteClock.timeZone(named: identifier)
    }

    /// The clock at `now` (default: ``SiteClock/currentInstant(environment:)``) in the site's time zone.
    public func clock(at now: Date? = nil) async throws -> SiteClock {
        SiteClock(now: try now ?? SiteClock.currentInstant(), timeZone: try await timeZone())
    }

    /// Today on the site's calendar: the date every "default today" of a command is.
    public func today(at now: Date? = nil) async throws -> CalendarDate {
        try await clock(at: now).today
    }

    /// Sets the site's time zone to the IANA zone `identifier`, saying why; returns `false` (and
    /// appends nothing) when it is already the store's setting.
    ///
    /// - Throws: ``SettingError`` when `identifier` is not an IANA zone; nothing is appended.
    public func setTimeZone(_ identifier: String, reason: String?, at now: Date? = nil) async throws -> Bool {
        let zone = try SiteClock.timeZone(named: identifier)
        // The name as given (and checked): Foundation may call a zone otherwise (UTC as "GMT").
        if try await store.setting(.timeZone) == identifier { return false }
        // Dated by the new zone's calendar: the day the site's "today" changes meaning.
        let date = try SiteClock(now: try now ?? SiteClock.currentInstant(), timeZone: zone).today
        try await store.set(.timeZone, to: identifier, reason: reason, on: date)
        return true
    }
}
