extension CurriculumDiff {
    /// Compares two versions of a curriculum. A pure function: nothing is read or printed.
    ///
    /// A unit of `new` whose `<supersedes>` names a unit of `old` gone from `new` (``UnitSwap``) is one
    /// change `supersededBy` of the earlier unit: minor when equivalent, major when not.
    /// Units are matched by code, elements by number, criteria by number, knowledge items by id, and
    /// elective groups by id; a renumbered item is a removal and an addition. The curricula's codes and
    /// versions are not compared here; see ``findings(old:new:)``.
    public static func between(_ old: Curriculum, _ new: Curriculum) -> CurriculumDiff {
        var log = ChangeLog()
        log.text(old.title, new.title, .curriculum, path: "", aspect: "title", englishBump: .patch)
        log.text(old.description, new.description, .curriculum, path: "", aspect: "description", englishBump: .patch)
        if old.level != new.level {
            log.append(
                Change(.changed, .curriculum, path: "", aspect: "level", old: old.level.rawValue, new: new.level.rawValue, bump: .major))
        }
        log.number(
            old.volumeOfLearningHours, new.volumeOfLearningHours, .hours, path: "", aspect: "volumeOfLearning",
            raised: .minor, lowered: .minor)
        // Schema 1.1: a unit swapped for its successor (`<supersedes>`) is one change, not a removal and an addition.
        let swaps = UnitSwap.between(old, new)
        let swapped = Set(swaps.flatMap { [$0.earlier.code, $0.successor.code] })
        log.match(
            old.units.filter { !swapped.contains($0.code) }, new.units.filter { !swapped.contains($0.code) }, key: \.code,
            subject: .unit, path: \.rawValue, removed: .major, added: .minor,
            both: { log, before, after in UnitDiffer.compare(before, after, into: &log) })
        for swap in swaps {
            log.append(
                Change(
                    .changed, .unit, path: swap.earlier.code.rawValue, aspect: "supersededBy", old: swap.earlier.code.rawValue,
                    new: "\(swap.successor.code) (\(swap.equivalent ? "equivalent" : "not equivalent"))",
                    bump: swap.equivalent ? .minor : .major))
        }
        let renamed = Dictionary(swaps.map { ($0.earlier.code, $0.successor.code) }, uniquingKeysWith: { first, _ in first })
        PackagingDiffer.compare(old.packaging, new.packaging, renamed: renamed, into: &log)
        return CurriculumDiff(changes: log.changes)
    }
}
