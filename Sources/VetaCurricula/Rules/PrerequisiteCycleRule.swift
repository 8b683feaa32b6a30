/// VETA-R005: prerequisites form no cycle.
struct PrerequisiteCycleRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R005", name: "prerequisite-cycle", severity: .error,
        summary: "Prerequisites form no cycle: no unit requires itself, directly or through others.",
        fix: "remove one prerequisite on the cycle so that a trainee can start somewhere.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        var edges: [UnitCode: [UnitReference]] = [:]
        for unit in curriculum.units where edges[unit.code] == nil {
            edges[unit.code] = unit.prerequisites
        }
        var state: [UnitCode: Visit] = [:]
        var findings: [Diagnostic] = []
        for unit in curriculum.units where state[unit.code] == nil {
            var path: [UnitCode] = []
            visit(unit.code, edges: edges, state: &state, path: &path, findings: &findings)
        }
        return findings
    }

    private enum Visit { case inProgress, done }

    /// Depth-first search; a back edge to a unit on the current path closes a cycle, reported
    /// once at the prerequisite that closes it.
    private func visit(
        _ code: UnitCode, edges: [UnitCode: [UnitReference]], state: inout [UnitCode: Visit],
        path: inout [UnitCode], findings: inout [Diagnostic]
    ) {
        state[code] = .inProgress
        path.append(code)
        for reference in edges[code] ?? [] where edges[reference.code] != nil {
            switch state[reference.code] {
            case .inProgress:
                let start = path.firstIndex(of: reference.code) ?? 0
                let cycle = (path[start...] + [reference.code]).map(\.rawValue).joined(separator: " → ")
                findings.append(finding(reference.location, "prerequisites form a cycle: \(cycle)"))
            case .done:
                continue
            case nil:
                visit(reference.code, edges: edges, state: &state, path: &path, findings: &findings)
            }
        }
        path.removeLast()
        state[code] = .done
    }
}
