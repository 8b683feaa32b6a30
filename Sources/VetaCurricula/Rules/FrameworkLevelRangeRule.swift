/// VETA-R017: a framework level exists in its framework.
struct FrameworkLevelRangeRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R017", name: "framework-level-range", severity: .error,
        summary: "A framework level exists in its framework: CONOCER 1–5, AQF 1–10.",
        fix: "use a level the framework defines.")

    /// The levels each framework defines.
    static let ranges: [String: ClosedRange<Int>] = ["CONOCER": 1...5, "AQF": 1...10]

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.frameworkLevels.compactMap { entry in
            guard let range = Self.ranges[entry.framework], !range.contains(entry.level) else { return nil }
            return finding(
                entry.location,
                "\(entry.framework) has levels \(range.lowerBound)–\(range.upperBound); level \(entry.level) does not exist")
        }
    }
}
