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
        var byCode: [UnitCode: UnitStatus] = [:]
        for unit in units where byCode[unit.unit] == nil {
            byCode[unit.unit] = unit
        }
        var listed: Set<UnitCode> = []
        let core = rules.core.map(\.code).filter { listed.insert($0).inserted }
        let groups = rules.electiveGroups.map { group in
            (group: group, codes: group.units.map(\.code).filter { listed.insert($0).inserted })
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
        for (group, codes) in groups {
            let inGroup = codes.filter(counts).count
            let capped = group.maximum.map { min(inGroup, $0) } ?? inGroup
            counted += capped
            let short = group.minimum - capped
            if short > 0 {
                missing.append(short == 1 ? "1 more elective from group \(group.id)" : "\(short) more electives from group \(group.id)")
                listedShortfall += short
            }
        }
        let beyond = rules.totalUnits - counted - listedShortfall
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
        let minimums = groups.reduce(0) { $0 + max($1.group.minimum, 0) }
        let slots = max(rules.totalUnits, core.count + minimums)
        guard slots > 0 else { return }
        var done = core.reduce(0) { $0 + fraction($1) }
        var spare: [Double] = []
        for (group, codes) in groups {
            let fractions = codes.map(fraction).sorted(by: >)
            let required = min(max(group.minimum, 0), fractions.count)
            done += fractions[..<required].reduce(0, +)
            let allowed = group.maximum.map { max($0 - required, 0) } ?? fractions.count
            spare += fractions[required...].prefix(allowed)
        }
        done += spare.sorted(by: >).prefix(max(slots - core.count - minimums, 0)).reduce(0, +)
        percentComplete = min((done / Double(slots) * 1000).rounded() / 10, 99)
    }
}
