/// VETA-R003: the criteria of element N are numbered N.1, N.2 ... without gaps or repeats.
struct CriterionNumberingRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R003", name: "criterion-numbering", severity: .error,
        summary: "The criteria of element N are numbered N.1, N.2, N.3 ... in order, with no gap or repeat.",
        fix: "number each criterion ELEMENT.N, counting from 1 within its element.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for unit in curriculum.units {
            for element in unit.elements {
                for (index, criterion) in element.criteria.enumerated() {
                    let expected = "\(element.number).\(index + 1)"
                    guard criterion.number != expected else { continue }
                    let parts = criterion.number.split(separator: ".")
                    let reason =
                        parts.first.map(String.init) == String(element.number)
                        ? "criteria are numbered without gaps or repeats"
                        : "its first number must be its element's number, \(element.number)"
                    findings.append(
                        finding(
                            criterion.location,
                            "criterion \(criterion.number) in element \(element.number) of unit \(unit.code) should be \(expected): \(reason)"
                        ))
                }
            }
        }
        return findings
    }
}
