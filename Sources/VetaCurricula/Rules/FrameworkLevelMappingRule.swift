/// VETA-R018: the framework levels fit the curriculum's occupational level.
struct FrameworkLevelMappingRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R018", name: "framework-level-mismatch", severity: .warning,
        summary:
            "Framework levels fit the occupational level: operator CONOCER 1–2 / AQF 2–3, technician CONOCER 2–4 / AQF 4–5, supervisor CONOCER 3–5 / AQF 4–10.",
        fix: "check the curriculum's level attribute and its framework levels against each other.")

    /// The usual framework levels for each occupational level.
    static func usual(_ level: Level) -> [String: ClosedRange<Int>] {
        switch level {
        case .operator: ["CONOCER": 1...2, "AQF": 2...3]
        case .technician: ["CONOCER": 2...4, "AQF": 4...5]
        case .supervisor: ["CONOCER": 3...5, "AQF": 4...10]
        }
    }

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        let usual = Self.usual(curriculum.level)
        return curriculum.frameworkLevels.compactMap { entry in
            guard let range = usual[entry.framework], !range.contains(entry.level),
                FrameworkLevelRangeRule.ranges[entry.framework]?.contains(entry.level) ?? false
            else { return nil }
            return finding(
                entry.location,
                "\(entry.framework) level \(entry.level) is unusual at the \(curriculum.level.rawValue) level (usually \(range.lowerBound)–\(range.upperBound))"
            )
        }
    }
}
