import VetaCurricula

extension CompetencyEngine {
    /// One unit's status from the entries that count.
    static func unitStatus(_ unit: Unit, in curriculum: Curriculum, ledger: EnrolmentLedger, asOf: CalendarDate) -> UnitStatus {
        let evidence = ledger.evidence[unit.code]
        let coverage = UnitCoverage(unit, evidence: evidence)
        let signedOffOn = ledger.signOffs[unit.code]?.date
        let expiresOn = signedOffOn.flatMap { expiry(ofSignOffOn: $0, in: curriculum) }
        var status = UnitStatus(
            unit: unit.code, state: .notStarted, criteriaCovered: coverage.criteriaCovered,
            criteriaTotal: coverage.criteriaTotal, knowledgeCovered: coverage.knowledgeCovered,
            knowledgeTotal: coverage.knowledgeTotal, occasions: coverage.occasions,
            occasionsRequired: coverage.occasionsRequired, minutes: evidence?.minutes ?? 0, signedOffOn: signedOffOn,
            expiresOn: expiresOn)
        if let expiresOn, expiresOn <= asOf {
            status.state = .expired
        } else if signedOffOn != nil {
            status.state = .signedOff
            return status
        } else if coverage.isComplete {
            status.state = .evidenceComplete
        } else if evidence?.recorded == true {
            status.state = .inProgress
        }
        status.missing = coverage.missing + prerequisiteGaps(of: unit, in: curriculum, ledger: ledger, asOf: asOf)
        if status.state == .expired, let expiresOn {
            status.missing.append("a new sign-off (the last one expired on \(expiresOn))")
        }
        return status
    }

    /// The prerequisites of `unit` without a sign-off that is valid on `asOf`, as readable gaps.
    static func prerequisiteGaps(
        of unit: Unit, in curriculum: Curriculum, ledger: EnrolmentLedger, asOf: CalendarDate
    ) -> [String] {
        unit.prerequisites.compactMap { prerequisite in
            guard let signedOn = ledger.signOffs[prerequisite.code]?.date else {
                return "sign-off of prerequisite \(prerequisite.code)"
            }
            if let expiresOn = expiry(ofSignOffOn: signedOn, in: curriculum), expiresOn <= asOf {
                return "sign-off of prerequisite \(prerequisite.code) (expired on \(expiresOn))"
            }
            return nil
        }
    }

    /// When a sign-off on `date` expires, if the curriculum requires recertification.
    static func expiry(ofSignOffOn date: CalendarDate, in curriculum: Curriculum) -> CalendarDate? {
        curriculum.recertification.map { date.adding(months: $0.validityMonths) }
    }
}
