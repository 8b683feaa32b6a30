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
        // One requirement per leaf: a plain item, or each point of an item with points (schema 1.1),
        // covered by evidence naming the point or its item.
        for leaf in unit.knowledgeLeaves {
            knowledgeTotal += 1
            if evidence.wholeUnit || evidence.knowledge.contains(leaf.id) || evidence.knowledge.contains(leaf.item) {
                knowledgeCovered += 1
            } else {
                missing.append("knowledge item \(leaf.id)")
            }
        }
        let requirements = unit.occasionRequirements
        if requirements.count == 1 {
            // One requirement (the 1.0 form, or a single <requirement>): every performance occasion counts.
            // Never negative, so `occasionsRequired - occasions` below cannot overflow.
            occasionsRequired = max(requirements[0].occasions, 0)
            occasions = evidence.performanceDates.count
            if evidence.recognised { occasions = max(occasions, occasionsRequired) }
            appendShort(occasionsRequired - occasions, requirement: nil)
        } else {
            // Several requirements (schema 1.1): each needs its own occasions, from evidence naming it
            // (`performance:P1`); the totals count each requirement's met occasions up to what it needs.
            for requirement in requirements {
                let needed = max(requirement.occasions, 0)
                var met = requirement.id.flatMap { evidence.requirementDates[$0]?.count } ?? 0
                if evidence.recognised { met = max(met, needed) }
                occasionsRequired = occasionsRequired.clampedAdding(needed)
                occasions = occasions.clampedAdding(min(met, needed))
                appendShort(needed - met, requirement: requirement.id)
            }
        }
    }

    private mutating func appendShort(_ short: Int, requirement: String?) {
        let prefix = requirement.map { "performance requirement \($0): " } ?? ""
        let noun = requirement == nil ? "performance occasion" : "occasion"
        if short == 1 {
            missing.append("\(prefix)1 more \(noun) on a different date")
        } else if short > 1 {
            missing.append("\(prefix)\(short) more \(noun)s on different dates")
        }
    }

    /// Whether everything is covered.
    var isComplete: Bool { missing.isEmpty }
}
