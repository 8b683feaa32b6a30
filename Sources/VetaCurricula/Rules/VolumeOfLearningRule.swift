/// VETA-R008: the declared volume of learning lies in the range the packaging rules allow.
struct VolumeOfLearningRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R008", name: "volume-hours-mismatch", severity: .error,
        summary:
            "The declared volume of learning lies between the core units' hours plus the fewest elective hours a valid choice can add and the core plus the most (electives from outside the curriculum count as 0 hours).",
        fix: "set <volumeOfLearning hours> within the range the packaging rules allow, or correct a unit's hours or the packaging rules.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        // Unmet packaging rules are VETA-R007's finding; there is no range to check against.
        guard let range = curriculum.volumeRange else { return [] }
        let hours = curriculum.volumeOfLearningHours
        guard !range.hours.contains(hours) else { return [] }
        let side = hours < range.hours.lowerBound ? "below" : "above"
        let allowed =
            range.hours.count == 1 ? "the \(range.hours.lowerBound) hours" : "the \(range.hours.lowerBound)–\(range.hours.upperBound) hours"
        let electiveHours =
            range.electiveHours.count == 1
            ? "\(range.electiveHours.lowerBound) h" : "\(range.electiveHours.lowerBound)–\(range.electiveHours.upperBound) h"
        let electives =
            switch range.electives {
            case 0: "no electives"
            case 1: "1 elective of \(electiveHours)"
            default: "\(range.electives) electives of \(electiveHours) in all"
            }
        return [
            finding(
                curriculum.volumeOfLearningLocation,
                "volume of learning is \(hours) hours, \(side) \(allowed) the packaging rules allow (core \(range.coreHours) h, \(electives))"
            )
        ]
    }
}
