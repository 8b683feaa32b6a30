/// The hours a complete curriculum can take under its packaging rules.
public struct VolumeRange: Hashable, Sendable, Codable {
    /// The hours of the core units.
    public let coreHours: Int
    /// The fewest and the most elective hours a valid choice of electives can add.
    public let electiveHours: ClosedRange<Int>
    /// How many electives a complete curriculum takes (totalUnits less the core units).
    public let electives: Int
    /// Whether some electives may come from outside the curriculum (their hours are not known here,
    /// so the lower bound counts them as 0 hours and the upper bound leaves them out).
    public let hasExternalElectives: Bool

    /// Core plus the fewest elective hours ... core plus the most.
    public var hours: ClosedRange<Int> { (coreHours + electiveHours.lowerBound)...(coreHours + electiveHours.upperBound) }
}

extension Curriculum {
    /// The range of total hours the packaging rules allow: core plus the cheapest valid choice of
    /// electives to core plus the dearest; `nil` when the packaging rules cannot be met
    /// (VETA-R007 reports that). Units listed twice count once; unknown codes count nothing.
    public var volumeRange: VolumeRange? {
        let packaging = self.packaging
        var hoursByCode: [UnitCode: Int] = [:]
        for unit in units where hoursByCode[unit.code] == nil { hoursByCode[unit.code] = unit.hours }
        var taken = Set<UnitCode>()
        var coreHours = 0
        for reference in packaging.core where taken.insert(reference.code).inserted {
            coreHours += hoursByCode[reference.code] ?? 0
        }
        let needed = packaging.totalUnits - taken.count
        guard needed >= 0 else { return nil }
        // Each group's hours, without units already taken by the core or an earlier group.
        var groups: [(minimum: Int, maximum: Int, hours: [Int])] = []
        for group in packaging.electiveGroups {
            let hours = group.units.filter { taken.insert($0.code).inserted }.map { hoursByCode[$0.code] ?? 0 }
            let maximum = min(group.maximum ?? hours.count, hours.count)
            guard group.minimum <= maximum else { return nil }
            groups.append((group.minimum, maximum, hours))
        }
        guard let fewest = Self.electiveHours(groups, needed: needed, external: packaging.externalElectives, cheapest: true),
            let most = Self.electiveHours(groups, needed: needed, external: packaging.externalElectives, cheapest: false)
        else { return nil }
        return VolumeRange(
            coreHours: coreHours, electiveHours: fewest...max(fewest, most), electives: needed,
            hasExternalElectives: packaging.externalElectives > 0)
    }

    /// The hours of the cheapest (or dearest) choice of `needed` electives: each group's minimum
    /// first (its cheapest or dearest units), then the cheapest (dearest) of what the groups' maximums
    /// still allow; external electives fill in at 0 hours for the cheapest and are avoided for the
    /// dearest. Each group's choice is a prefix of its sorted hours, so this greedy choice is optimal.
    static func electiveHours(_ groups: [(minimum: Int, maximum: Int, hours: [Int])], needed: Int, external: Int, cheapest: Bool) -> Int? {
        var total = 0
        var chosen = 0
        var rest: [Int] = []
        for group in groups {
            let sorted = cheapest ? group.hours.sorted() : group.hours.sorted(by: >)
            total += sorted.prefix(group.minimum).reduce(0, +)
            chosen += group.minimum
            rest += sorted.dropFirst(group.minimum).prefix(group.maximum - group.minimum)
        }
        guard chosen <= needed else { return nil }
        let remaining = needed - chosen
        rest.sort(by: cheapest ? (<) : (>))
        // Outside units count 0 hours: they go first for the cheapest choice, last for the dearest.
        let fromOutside = cheapest ? min(external, remaining) : max(0, remaining - rest.count)
        let fromGroups = remaining - fromOutside
        guard fromGroups <= rest.count, fromOutside <= external else { return nil }
        return total + rest.prefix(fromGroups).reduce(0, +)
    }
}
