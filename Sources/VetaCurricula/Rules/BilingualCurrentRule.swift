/// VETA-R020: a current or superseded curriculum has every text in Spanish and English.
struct BilingualCurrentRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R020", name: "current-not-bilingual", severity: .error,
        summary: "A current or superseded curriculum has every text in Spanish (<es>) and English (<en>); only a draft may leave one out.",
        fix: "add the missing translation, or set status=\"draft\" until the translation is done.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        guard curriculum.status != .draft else { return [] }
        return curriculum.untranslatedTexts.map {
            finding(
                $0.location,
                "<\($0.element)> has no \($0.missing.name) text (<\($0.missing.rawValue)>); a \(curriculum.status.rawValue) curriculum must be bilingual"
            )
        }
    }
}
