import VetaCurricula

/// Compares two units that share a code, naming the first difference.
enum UnitComparison {
    static func firstDifference(_ a: VetaCurricula.Unit, _ b: VetaCurricula.Unit) -> String? {
        if a.hours != b.hours { return "hours \(a.hours) vs \(b.hours)" }
        let aOccasions = a.occasionRequirements.map { ($0.id.map { "\($0): " } ?? "") + String($0.occasions) }
        let bOccasions = b.occasionRequirements.map { ($0.id.map { "\($0): " } ?? "") + String($0.occasions) }
        if aOccasions != bOccasions {
            return "performance occasions \(aOccasions.joined(separator: ", ")) vs \(bOccasions.joined(separator: ", "))"
        }
        let aElements = a.elements.map(\.number)
        let bElements = b.elements.map(\.number)
        if aElements != bElements { return "elements \(aElements) vs \(bElements)" }
        for (x, y) in zip(a.elements, b.elements) {
            let xc = x.criteria.map(\.number)
            let yc = y.criteria.map(\.number)
            if xc != yc { return "element \(x.number) criteria \(xc.joined(separator: ", ")) vs \(yc.joined(separator: ", "))" }
            for (p, q) in zip(x.criteria, y.criteria) where p.text.en != q.text.en {
                return "criterion \(p.number) reads \"\(p.text.en.prefix(60))\" vs \"\(q.text.en.prefix(60))\""
            }
        }
        let aKnowledge = a.knowledgeIDs
        let bKnowledge = b.knowledgeIDs
        if aKnowledge != bKnowledge { return "knowledge items \(aKnowledge) vs \(bKnowledge)" }
        if Set(a.prerequisites.map(\.code)) != Set(b.prerequisites.map(\.code)) { return "prerequisites differ" }
        return nil
    }
}
