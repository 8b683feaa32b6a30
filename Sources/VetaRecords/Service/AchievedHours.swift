public import VetaCurricula
public import VetaProgress

/// The hours a completion record states: those of the units the trainee achieved.
///
/// A curriculum's volume of learning counts every unit it offers, electives not taken included;
/// a record (the DC-3's "Duración en horas", the DC-4 list, `creditsAvailable` of the credential)
/// states only the hours of the units that count for this trainee: signed off and not expired.
public enum AchievedHours {
    /// The units `status` counts as achieved, in curriculum order; the one unit when `unit` is given.
    public static func units(_ status: EnrolmentStatus, in curriculum: Curriculum, unit: UnitCode? = nil) -> [VetaCurricula.Unit] {
        if let unit { return curriculum.unit(unit).map { [$0] } ?? [] }
        let achieved = Set(status.units.filter { $0.state == .signedOff }.map(\.unit))
        return curriculum.units.filter { achieved.contains($0.code) }
    }

    /// The sum of the hours of `units`, saturating instead of overflowing.
    public static func hours(of units: [VetaCurricula.Unit]) -> Int {
        units.reduce(0) { total, unit in
            let (sum, overflow) = total.addingReportingOverflow(max(unit.hours, 0))
            return overflow ? Int.max : sum
        }
    }
}
