/// VETA-R015: knowledge item ids are unique within their unit.
struct DuplicateKnowledgeItemRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R015", name: "duplicate-knowledge-item", severity: .error,
        summary: "Knowledge evidence item ids are unique within their unit, so evidence can name one item.",
        fix: "give each <item> in the unit a unique id (K1, K2 ...).")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.units.flatMap { unit in
            let items = unit.knowledgeEvidence
            // A unit usually lists a handful of items, where looking back is cheaper than hashing
            // every id; a long list is hashed so that the rule stays linear.
            var firstLine: [String: Int] = [:]
            return items.indices.compactMap { index -> Diagnostic? in
                let item = items[index]
                let line: Int?
                if items.count <= 16 {
                    line = items[..<index].first { $0.id == item.id }?.location.line
                } else {
                    line = firstLine[item.id]
                    if line == nil { firstLine[item.id] = item.location.line }
                }
                guard let line else { return nil }
                return finding(item.location, "knowledge item \(item.id) of unit \(unit.code) is already used at line \(line)")
            }
        }
    }
}
