/// VETA-R025: a unit's `<supersedes>` names another unit that this curriculum no longer holds, and no
/// two units supersede the same one.
struct UnitSupersessionRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R025", name: "unit-supersession", severity: .error,
        summary:
            "A unit supersedes an earlier unit that is not in the same curriculum (a curriculum swaps a unit for its successor), never itself, and no two units supersede the same one.",
        fix:
            "name the earlier unit's code in <supersedes unit=\"...\">, and remove the earlier unit from this curriculum (or the <supersedes>)."
    )

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        var firstLine: [UnitCode: Int] = [:]
        return curriculum.units.compactMap { unit -> Diagnostic? in
            guard let supersedes = unit.supersedes else { return nil }
            if supersedes.unit == unit.code {
                return finding(supersedes.location, "unit \(unit.code) supersedes itself")
            }
            if curriculum.unit(supersedes.unit) != nil {
                return finding(
                    supersedes.location,
                    "unit \(unit.code) supersedes \(supersedes.unit), which is still in this curriculum; a curriculum holds one of the two")
            }
            if let line = firstLine[supersedes.unit] {
                return finding(
                    supersedes.location, "unit \(unit.code) supersedes \(supersedes.unit), which another unit supersedes at line \(line)")
            }
            firstLine[supersedes.unit] = supersedes.location.line
            return nil
        }
    }
}
