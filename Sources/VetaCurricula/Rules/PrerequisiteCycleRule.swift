/// VETA-R005: prerequisites form no cycle.
struct PrerequisiteCycleRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R005", name: "prerequisite-cycle", severity: .error,
        summary: "Prerequisites form no cycle: no unit requires itself, directly or through others.",
        fix: "remove one prerequisite on the cycle so that a trainee can start somewhere.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        let units = curriculum.units
        // Each code stands for the first unit with that code (a repeated code is VETA-R001's finding).
        var first: [UnitCode: Int] = [:]
        first.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() where first[unit.code] == nil {
            first[unit.code] = index
        }
        var state = [Visit?](repeating: nil, count: units.count)
        var findings: [Diagnostic] = []
        for unit in units {
            guard let index = first[unit.code], state[index] == nil else { continue }
            var path: [Int] = []
            visit(index, units: units, first: first, state: &state, path: &path, findings: &findings)
        }
        return findings
    }

    private enum Visit { case inProgress, done }

    /// Depth-first search over units by their index in the curriculum; a back edge to a unit on
    /// the current path closes a cycle, reported once at the prerequisite that closes it.
    private func visit(
        _ index: Int, units: [Unit], first: [UnitCode: Int], state: inout [Visit?],
        path: inout [Int], findings: inout [Diagnostic]
    ) {
        state[index] = .inProgress
        path.append(index)
        for reference in units[index].prerequisites {
            guard let next = first[reference.code] else { continue }
            switch state[next] {
            case .inProgress:
                let start = path.firstIndex(of: next) ?? 0
                let cycle = (path[start...] + [next]).map { units[$0].code.rawValue }.joined(separator: " → ")
                findings.append(finding(reference.location, "prerequisites form a cycle: \(cycle)"))
            case .done:
                continue
            case nil:
                visit(next, units: units, first: first, state: &state, path: &path, findings: &findings)
            }
        }
        path.removeLast()
        state[index] = .done
    }
}
