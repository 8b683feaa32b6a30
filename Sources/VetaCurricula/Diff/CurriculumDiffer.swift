extension CurriculumDiff {
    /// Compares two versions of a curriculum. A pure function: nothing is read or printed.
    ///
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
        log.match(
            old.units, new.units, key: \.code, subject: .unit, path: \.rawValue, removed: .major, added: .minor,
            both: { log, before, after in UnitDiffer.compare(before, after, into: &log) })
        PackagingDiffer.compare(old.packaging, new.packaging, into: &log)
        return CurriculumDiff(changes: log.changes)
    }
}
