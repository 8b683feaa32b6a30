/// VETA-R015: knowledge item and point ids are unique within their unit.
struct DuplicateKnowledgeItemRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R015", name: "duplicate-knowledge-item", severity: .error,
        summary:
            "Knowledge evidence item and point ids are unique within their unit (points share the items' ids), so evidence can name one item or point.",
        fix: "give each <item> and <point> in the unit a unique id (K1, K2, K2a ...).")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.units.flatMap { unit in
            // Items and their points in document order.
            var ids: [(id: String, what: String, location: SourceLocation)] = []
            for item in unit.knowledgeEvidence {
                ids.append((id: item.id, what: "knowledge item", location: item.location))
                for point in item.points { ids.append((id: point.id, what: "knowledge point", location: point.location)) }
            }
            // A unit usually lists a handful of items, where looking back is cheaper than hashing
            // every id; a long list is hashed so that the rule stays linear.
            var firstLine: [String: Int] = [:]
            return ids.indices.compactMap { index -> Diagnostic? in
                let entry = ids[index]
                let line: Int?
                if ids.count <= 16 {
                    line = ids[..<index].first { $0.id == entry.id }?.location.line
                } else {
                    line = firstLine[entry.id]
                    if line == nil { firstLine[entry.id] = entry.location.line }
                }
                guard let line else { return nil }
                return finding(entry.location, "\(entry.what) \(entry.id) of unit \(unit.code) is already used at line \(line)")
            }
        }
    }
}
