import VetaCurricula

/// How a trainee's units measure up against a curriculum's packaging rules.
///
/// A unit counts when it is signed off and its sign-off has not expired. External electives cannot
/// be earned inside Veta yet, so they are ignored: every unit in ``PackagingRules/totalUnits`` must
/// come from the curriculum. A unit listed twice (core and a group, or two groups) counts once, where it is first listed.
struct PackagingEvaluation {
    /// Whether every core unit counts, each group has its minimum and the total is reached.
    private(set) var isSatisfied = false
    /// The gaps in order: each core unit, then each group's shortfall, then the units still needed
    /// in total beyond those already listed.
    private(set) var missing: [String] = []
    /// 100 when satisfied; otherwise the completion of the best units that could fill the packaging, below 100.
    private(set) var percentComplete: Double = 0

    init(_ rules: PackagingRules, units: [UnitStatus]) {
        // Counts from the curriculum may be anything an `Int` holds: read below zero as zero, and
        // add the ones that can be large with ``Swift/Int/clampedAdding(_:)``, so nothing here traps.
        let totalUnits = max(rules.totalUnits, 0)
        var byCode: [UnitCode: UnitStatus] = [:]
        for unit in units where byCode[unit.unit] == nil {
            byCode[unit.unit] = unit
        }
        var listed: Set<UnitCode> = []
        let core = rules.core.map(\.code).filter { listed.insert($0).inserted }
        let groups = rules.electiveGroups.map { group in
            (
                id: group.id, minimum: max(group.minimum, 0), maximum: group.maximum.map { max($0, 0) },
                codes: group.units.map(\.code).filter { listed.insert($0).inserted }
            )
        }
        func counts(_ code: UnitCode) -> Bool { byCode[code]?.counts ?? false }
        func fraction(_ code: UnitCode) -> Double { byCode[code]?.fractionComplete ?? 0 }

        var counted = 0
        var listedShortfall = 0
        for code in core {
            if counts(code) {
                counted += 1
            } else {
                missing.append("core unit \(code)")
                listedShortfall += 1
            }
        }
        for (id, minimum, maximum, codes) in groups {
            let inGroup = codes.filter(counts).count
            let capped = maximum.map { min(inGroup, $0) } ?? inGroup
            counted += capped
            let short = minimum - capped
            if short > 0 {
                missing.append(short == 1 ? "1 more elective from group \(id)" : "\(short) more electives from group \(id)")
                listedShortfall = listedShortfall.clampedAdding(short)
            }
        }
        let beyond = (totalUnits - counted).clampedSubtracting(listedShortfall)
        if beyond > 0 {
            missing.append(beyond == 1 ? "1 more unit in total" : "\(beyond) more units in total")
        }
        isSatisfied = missing.isEmpty
        if isSatisfied {
            percentComplete = 100
            return
        }

        // Fill the slots the packaging needs with the most complete units allowed: core units, each
        // group's minimum, then the best of what the groups' maximums leave for the total.
        let minimums = groups.reduce(0) { $0.clampedAdding($1.minimum) }
        let slots = max(totalUnits, core.count.clampedAdding(minimums))
        guard slots > 0 else { return }
        var done = core.reduce(0) { $0 + fraction($1) }
        var spare: [Double] = []
        for (_, minimum, maximum, codes) in groups {
            let fractions = codes.map(fraction).sorted(by: >)
            let required = min(minimum, fractions.count)
            done += fractions[..<required].reduce(0, +)
            let allowed = maximum.map { max($0 - required, 0) } ?? fractions.count
            spare += fractions[required...].prefix(allowed)
        }
        done += spare.sorted(by: >).prefix(max(slots - core.count - minimums, 0)).reduce(0, +)
        percentComplete = min((done / Double(slots) * 1000).rounded() / 10, 99)
    }
}
