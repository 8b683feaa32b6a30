/// VETA-R019: performance evidence asks for a number of occasions no assessor could observe.
struct ImplausibleOccasionsRule: CurriculumRule {
    /// The most occasions a unit may plausibly ask for: about three years of daily observations.
    static let plausibleMaximum = 1000

    let descriptor = RuleDescriptor(
        id: "VETA-R019", name: "implausible-occasions", severity: .warning,
        summary: "Performance evidence asks for at most \(ImplausibleOccasionsRule.plausibleMaximum) occasions.",
        fix: "set occasions to the number of satisfactory observations an assessor really needs, usually 1 to 5.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.units.flatMap { unit in
            unit.occasionRequirements.filter { $0.occasions > Self.plausibleMaximum }.map { requirement in
                finding(
                    requirement.location,
                    (requirement.id.map { "performance requirement \($0) of unit \(unit.code) requires evidence" }
                        ?? "unit \(unit.code) requires performance evidence")
                        + " on \(requirement.occasions) occasions, each on a different date; no trainee could complete it"
                )
            }
        }
    }
}
