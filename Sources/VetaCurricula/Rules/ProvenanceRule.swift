/// VETA-R024: a unit's provenance is consistent: no part is both verbatim and written by the
/// institution, none is named twice, and a training-package unit or a standard names its code.
struct ProvenanceRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R024", name: "provenance", severity: .error,
        summary:
            "A unit's <provenance> names each part once, as verbatim or as written by the institution, and a trainingPackage or standard names the unit's code in the source.",
        fix:
            "name each part in one <verbatim> or one <written>, and give code=\"...\" (and package, release) for a trainingPackage or standard."
    )

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.units.flatMap { unit -> [Diagnostic] in
            guard let provenance = unit.provenance else { return [] }
            var found: [Diagnostic] = []
            if provenance.kind != .institution && provenance.code == nil {
                found.append(
                    finding(
                        provenance.location,
                        "the provenance of unit \(unit.code) is a \(provenance.kind.name) but names no code in it"))
            }
            var seen: [UnitProvenance.Part: (line: Int, verbatim: Bool)] = [:]
            for (named, verbatim) in provenance.verbatim.map({ ($0, true) }) + provenance.written.map({ ($0, false) }) {
                if let first = seen[named.part] {
                    let how = first.verbatim == verbatim ? "named again" : "named both verbatim and written by the institution"
                    found.append(
                        finding(
                            named.location,
                            "part \(named.part.rawValue) of unit \(unit.code) is \(how) (first at line \(first.line))"))
                } else {
                    seen[named.part] = (named.location.line, verbatim)
                }
            }
            return found
        }
    }
}
