/// VETA-R015: knowledge item ids are unique within their unit.
struct DuplicateKnowledgeItemRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R015", name: "duplicate-knowledge-item", severity: .error,
        summary: "Knowledge evidence item ids are unique within their unit, so evidence can name one item.",
        fix: "give each <item> in the unit a unique id (K1, K2 ...).")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.units.flatMap { unit in
            var seen: [String: Int] = [:]
            return unit.knowledgeEvidence.compactMap { item -> Diagnostic? in
                if let line = seen[item.id] {
                    return finding(item.location, "knowledge item \(item.id) of unit \(unit.code) is already used at line \(line)")
                }
                seen[item.id] = item.location.line
                return nil
            }
        }
    }
}
