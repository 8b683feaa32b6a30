import VetaCurricula

/// How much of a unit's criteria, knowledge and performance occasions the evidence covers.
struct UnitCoverage {
    var criteriaCovered = 0
    var criteriaTotal = 0
    var knowledgeCovered = 0
    var knowledgeTotal = 0
    var occasions = 0
    var occasionsRequired = 0
    /// What the evidence does not cover yet, readable and in order.
    var missing: [String] = []

    init(_ unit: Unit, evidence: UnitEvidence?) {
        let evidence = evidence ?? UnitEvidence()
        for element in unit.elements {
            let wholeElement = evidence.wholeUnit || evidence.elements.contains(element.number)
            for criterion in element.criteria {
                criteriaTotal += 1
                if wholeElement || evidence.criteria.contains(criterion.number) {
                    criteriaCovered += 1
                } else {
                    missing.append("criterion \(criterion.number)")
                }
            }
        }
        for item in unit.knowledgeEvidence {
            knowledgeTotal += 1
            if evidence.wholeUnit || evidence.knowledge.contains(item.id) {
                knowledgeCovered += 1
            } else {
                missing.append("knowledge item \(item.id)")
            }
        }
        occasionsRequired = unit.performanceEvidence.occasions
        occasions = evidence.performanceDates.count
        if evidence.recognised { occasions = max(occasions, occasionsRequired) }
        let short = occasionsRequired - occasions
        if short == 1 {
            missing.append("1 more performance occasion on a different date")
        } else if short > 1 {
            missing.append("\(short) more performance occasions on different dates")
        }
    }

    /// Whether everything is covered.
    var isComplete: Bool { missing.isEmpty }
}

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
