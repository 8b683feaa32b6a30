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
        // Never negative, so `occasionsRequired - occasions` below cannot overflow.
        occasionsRequired = max(unit.performanceEvidence.occasions, 0)
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
