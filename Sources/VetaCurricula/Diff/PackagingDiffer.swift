/// Compares two versions of the packaging rules. Stricter rules and removals are major; additions
/// of electives and relaxed numbers are minor.
enum PackagingDiffer {
    /// `renamed` maps an earlier unit to its successor (``UnitSwap``): the old rules are read with the
    /// successor in the earlier unit's place, so a swap alone changes no packaging.
    static func compare(_ old: PackagingRules, _ new: PackagingRules, renamed: [UnitCode: UnitCode] = [:], into log: inout ChangeLog) {
        let rename = { (reference: UnitReference) in
            renamed[reference.code].map { UnitReference(code: $0, location: reference.location) } ?? reference
        }
        let old = PackagingRules(
            totalUnits: old.totalUnits, externalElectives: old.externalElectives, core: old.core.map(rename),
            electiveGroups: old.electiveGroups.map {
                ElectiveGroup(id: $0.id, minimum: $0.minimum, maximum: $0.maximum, units: $0.units.map(rename), location: $0.location)
            },
            location: old.location)
        log.number(old.totalUnits, new.totalUnits, .packaging, path: "", aspect: "totalUnits", raised: .major, lowered: .minor)
        log.number(
            old.externalElectives, new.externalElectives, .packaging, path: "", aspect: "externalElectives",
            raised: .minor, lowered: .major)
        log.match(
            old.core, new.core, key: \.code, subject: .packaging, path: { "core/\($0)" }, removed: .major, added: .major)
        let oldGroups = Dictionary(old.electiveGroups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.electiveGroups.map(\.id))
        for group in old.electiveGroups where !newIDs.contains(group.id) {
            log.append(Change(.removed, .packaging, path: group.id, bump: .major))
        }
        for group in new.electiveGroups {
            guard let before = oldGroups[group.id] else {
                log.append(Change(.added, .packaging, path: group.id, bump: group.minimum > 0 ? .major : .minor))
                continue
            }
            log.number(before.minimum, group.minimum, .packaging, path: group.id, aspect: "min", raised: .major, lowered: .minor)
            // No maximum is the loosest limit: going from a maximum to none is a raise.
            log.number(before.maximum, group.maximum, .packaging, path: group.id, aspect: "max", raised: .minor, lowered: .major)
            log.match(
                before.units, group.units, key: \.code, subject: .packaging, path: { "\(group.id)/\($0)" },
                removed: .major, added: .minor)
        }
    }
}
