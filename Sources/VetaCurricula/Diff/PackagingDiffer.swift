/// Compares two versions of the packaging rules. Stricter rules and removals are major; additions
/// of electives and relaxed numbers are minor.
enum PackagingDiffer {
    static func compare(_ old: PackagingRules, _ new: PackagingRules, into log: inout ChangeLog) {
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
