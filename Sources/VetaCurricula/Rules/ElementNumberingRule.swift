/// VETA-R002: a unit's elements are numbered 1, 2, 3 ... in order, without gaps or repeats.
struct ElementNumberingRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R002", name: "element-numbering", severity: .error,
        summary: "A unit's elements are numbered 1, 2, 3 ... in order, with no gap or repeat.",
        fix: "renumber the unit's elements consecutively from 1.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.units.flatMap { unit in
            unit.elements.enumerated().compactMap { index, element in
                let expected = index + 1
                guard element.number != expected else { return nil }
                return finding(
                    element.location,
                    "element \(element.number) of unit \(unit.code) should be numbered \(expected): elements are numbered 1, 2, 3 ... in order"
                )
            }
        }
    }
}
