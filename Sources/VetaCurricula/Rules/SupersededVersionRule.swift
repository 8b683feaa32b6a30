/// VETA-R012: a current curriculum that supersedes an earlier version of itself has a higher version.
struct SupersededVersionRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R012", name: "supersedes-higher-version", severity: .error,
        summary: "A current curriculum that supersedes a version of the same code has a higher version than it.",
        fix: "raise this curriculum's version above the one it supersedes, or correct <supersedes version>.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        guard curriculum.status == .current, let old = curriculum.supersedes, old.code == curriculum.code,
            old.version >= curriculum.version
        else { return [] }
        return [
            finding(
                old.location,
                "\(curriculum.code) \(curriculum.version) supersedes version \(old.version), which is not lower")
        ]
    }
}
