import VetaCurricula

extension CompetencyEngine {
    /// What falls due within `days` of `asOf`, and what has already lapsed, across enrolments.
    ///
    /// Withdrawn enrolments are skipped. For each other enrolment:
    /// - each unit with an expiry date whose sign-off is still valid or has expired gives
    ///   ``DueItem/Kind/expired`` when that date is on or before `asOf`, or ``DueItem/Kind/expiring``
    ///   when it is at most `days` days after `asOf`;
    /// - when the curriculum sets refresher hours, the enrolment's ``EnrolmentStatus/expiresOn`` gives one
    ///   ``DueItem/Kind/refresherDue`` item (with no unit) when it is at most `days` days after `asOf`.
    ///
    /// - Returns: The items sorted by date, then trainee, curriculum, unit and kind.
    public static func due(_ statuses: [EnrolmentStatus], asOf: CalendarDate, within days: Int) -> [DueItem] {
        let horizon = asOf.adding(days: days)
        var items: [DueItem] = []
        for status in statuses where !status.isWithdrawn {
            func item(_ unit: UnitCode?, _ kind: DueItem.Kind, _ date: CalendarDate) -> DueItem {
                DueItem(trainee: status.trainee, curriculum: status.curriculum, unit: unit, kind: kind, date: date)
            }
            for unit in status.units where unit.state >= .signedOff {
                guard let expiresOn = unit.expiresOn, expiresOn <= horizon else { continue }
                items.append(item(unit.unit, expiresOn <= asOf ? .expired : .expiring, expiresOn))
            }
            if status.refresherHours != nil, let expiresOn = status.expiresOn, expiresOn <= horizon {
                items.append(item(nil, .refresherDue, expiresOn))
            }
        }
        return items.sorted(by: dueOrder)
    }

    /// Date, then trainee, curriculum, unit (none first) and kind: a total order, so the result never depends on input order.
    private static func dueOrder(_ lhs: DueItem, _ rhs: DueItem) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        if lhs.trainee != rhs.trainee { return lhs.trainee < rhs.trainee }
        if lhs.curriculum.code != rhs.curriculum.code { return lhs.curriculum.code < rhs.curriculum.code }
        if lhs.curriculum.version != rhs.curriculum.version { return lhs.curriculum.version < rhs.curriculum.version }
        if lhs.unit != rhs.unit { return (lhs.unit?.rawValue ?? "") < (rhs.unit?.rawValue ?? "") }
        return lhs.kind.rawValue < rhs.kind.rawValue
    }
}
