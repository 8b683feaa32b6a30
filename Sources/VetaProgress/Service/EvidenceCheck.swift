public import VetaCurricula

/// The checks an evidence or sign-off entry must pass before it is appended, shared by
/// `veta record`, `veta signoff` and `veta import`.
public enum EvidenceCheck {
    /// Why `entry` may not be recorded, or nothing when it may.
    ///
    /// - Parameters:
    ///   - curriculum: The published curriculum the entry names.
    ///   - assessor: The registered assessor the entry names, if any.
    ///   - enrolled: Whether the trainee is enrolled (and not withdrawn) in that curriculum.
    ///   - today: Today on the site's calendar (``ProgressService/today(at:)``).
    public static func problems(
        with entry: LedgerEntry, curriculum: Curriculum, assessor: Assessor?, enrolled: Bool, today: CalendarDate
    ) -> [String] {
        problems(
            with: entry, curriculum: curriculum, assessor: assessor,
            notEnrolled: enrolled ? nil : "trainee \(entry.trainee) is not enrolled in \(entry.curriculum)", today: today)
    }

    /// Why `entry` may not be recorded; `notEnrolled` is why the trainee is not enrolled on the
    /// entry's date (``EnrolmentState/notEnrolledReason(_:trainee:ref:on:registered:)``), `nil` when enrolled.
    public static func problems(
        with entry: LedgerEntry, curriculum: Curriculum, assessor: Assessor?, notEnrolled: String?, today: CalendarDate
    ) -> [String] {
        var problems: [String] = []
        if let future = NotAfterToday.problem(entry.date, of: entry.kind, today: today) { problems.append(future) }
        if let notEnrolled { problems.append(notEnrolled) }
        guard let code = entry.unit else { return problems + ["no unit given"] }
        guard let unit = curriculum.unit(code) else {
            return problems + ["\(entry.curriculum) has no unit \(code)"]
        }
        if entry.kind == .evidence {
            if entry.method == nil { problems.append("no method given") }
            if entry.outcome == nil { problems.append("no outcome given") }
            if let target = entry.target, let problem = targetProblem(target, unit: unit) { problems.append(problem) }
            if entry.target == nil { problems.append("no target given") }
            if let minutes = entry.minutes, minutes < 0 || minutes > 24 * 60 {
                problems.append("hours must be between 0 and 24 for one entry")
            }
            if let sha = entry.attachmentSHA256, sha.count != 64 || !sha.allSatisfy(\.isHexDigit) {
                problems.append("attachment sha256 must be 64 hex digits")
            }
        }
        if let id = entry.assessor {
            if let assessor {
                if !assessor.units.contains(code) {
                    problems.append(
                        "assessor \(id) is not authorised to assess \(code) (authorised for: \(assessor.units.sorted().map(\.rawValue).joined(separator: ", ")))"
                    )
                }
            } else {
                problems.append("assessor \(id) is not registered (veta assessor add)")
            }
        } else if entry.kind == .signOff {
            problems.append("a sign-off needs an assessor")
        }
        return problems
    }

    /// Why sign-off `entry` repeats one in `entries`, or nil: a sign-off of the same unit for the
    /// same trainee and curriculum version, not voided, dated on or after the new one. A unit
    /// already signed off may be signed off again to renew it, dated after the sign-off it renews;
    /// a second sign-off on the same day (two assessors, or one command run twice at once) is a repeat.
    public static func repeatedSignOff(_ entry: LedgerEntry, in entries: [LedgerEntry]) -> String? {
        let voided = CompetencyEngine.voidedSequences(entries, asOf: .latest)
        let earlier = entries.first {
            $0.kind == .signOff && $0.trainee == entry.trainee && $0.curriculum == entry.curriculum && $0.unit == entry.unit
                && $0.date >= entry.date && !voided.contains($0.sequence)
        }
        guard let earlier, let unit = entry.unit else { return nil }
        return "\(unit) is already signed off for \(entry.trainee) on \(earlier.date) by entry \(earlier.sequence); "
            + "a renewal is dated after the sign-off it renews"
    }

    static func targetProblem(_ target: EvidenceTarget, unit: Unit) -> String? {
        switch target {
        case .unit:
            return nil
        case .element(let number):
            return unit.elements.contains { $0.number == number } ? nil : "unit \(unit.code) has no element \(number)"
        case .criterion(let number):
            return unit.elements.contains { $0.criteria.contains { $0.number == number } }
                ? nil : "unit \(unit.code) has no performance criterion \(number)"
        case .knowledge(let id):
            return unit.knowledgeText(id) != nil ? nil : "unit \(unit.code) has no knowledge item \(id)"
        case .performance(let id):
            return unit.performanceRequirement(id) != nil ? nil : "unit \(unit.code) has no performance requirement \(id)"
        }
    }
}
