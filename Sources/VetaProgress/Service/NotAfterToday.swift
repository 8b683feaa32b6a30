/// The rule every write with a date meets: nothing is dated after today on the site's calendar
/// (``ProgressService/today(at:)``: the store's time zone, at `VETA_NOW` when set). Evidence,
/// sign-offs, enrolments, withdrawals, corrections, retirements, authorisations, revocations and issues
/// record what has happened; nothing has happened after today yet.
public enum NotAfterToday {
    /// Why `what` (`"a correction"`) may not be dated `date` when today is `today`, or nil.
    public static func problem(_ date: CalendarDate, what: String, today: CalendarDate) -> String? {
        guard date > today else { return nil }
        return "the date \(date) is after today (\(today)): \(what) records what has happened, so it cannot be dated in the future"
    }

    /// Why an entry of `kind` (evidence, a sign-off, an enrolment) may not be dated `date`, or nil:
    /// the same rule, naming the entry.
    public static func problem(_ date: CalendarDate, of kind: LedgerEntry.Kind, today: CalendarDate) -> String? {
        problem(date, what: kind == .signOff ? "a sign-off" : kind == .enrolment ? "an enrolment" : "evidence", today: today)
    }
}

extension ProgressService {
    /// Refuses `date` for `what` (`"a correction"`) when it is after the site's today.
    ///
    /// - Throws: ``Refusal`` naming the date and today; ``SettingError`` when today cannot be told.
    public func requireNotAfterToday(_ date: CalendarDate, for what: String) async throws {
        if let problem = NotAfterToday.problem(date, what: what, today: try await today()) {
            throw Refusal("\(what) dated \(date) refused", reasons: [problem])
        }
    }
}
