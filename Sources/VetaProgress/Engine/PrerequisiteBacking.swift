import VetaCurricula

/// Whether a sign-off still rests on the sign-offs of its unit's prerequisites.
///
/// A sign-off of a unit with prerequisites was given while each prerequisite had a sign-off in
/// force, recorded before it (a lower sequence) and dated on or before it. Voiding is transitive
/// along prerequisites: when such a prerequisite sign-off stops counting (voided by a correction,
/// left without evidence, see ``SignOffBacking``, or itself left without its own prerequisites,
/// whatever the length of the chain), the sign-off counts only if a prerequisite sign-off that
/// still counts remains, recorded before it, dated on or before it and not expired on its date;
/// otherwise it counts nowhere, as if it were voided itself. A sign-off none of whose prerequisite
/// sign-offs stopped counting counts as before.
struct PrerequisiteBacking {
    /// The curriculum, when known; without it, no sign-off loses its backing through prerequisites.
    let curriculum: Curriculum?
    /// The sign-offs per unit that are not voided and rest on their evidence.
    let backedByEvidence: [UnitCode: [LedgerEntry]]
    /// The sign-offs per unit that do not count: voided, or no longer resting on their evidence.
    let lost: [UnitCode: [LedgerEntry]]

    /// The sign-offs per unit that count: resting on their evidence and, transitively, on their prerequisites.
    func counting() -> [UnitCode: [LedgerEntry]] {
        var settled: [UnitCode: (counting: [LedgerEntry], lost: [LedgerEntry])] = [:]
        var visiting: Set<UnitCode> = []
        func settle(_ code: UnitCode) -> (counting: [LedgerEntry], lost: [LedgerEntry]) {
            if let done = settled[code] { return done }
            let candidates = backedByEvidence[code] ?? []
            // A prerequisite cycle (refused when a curriculum is validated) takes nothing away.
            guard let unit = curriculum?.unit(code), !unit.prerequisites.isEmpty, !visiting.contains(code) else {
                return (candidates, lost[code] ?? [])
            }
            visiting.insert(code)
            var result = (counting: [LedgerEntry](), lost: lost[code] ?? [])
            for signOff in candidates {
                if unit.prerequisites.allSatisfy({ rests(signOff, on: settle($0.code)) }) {
                    result.counting.append(signOff)
                } else {
                    result.lost.append(signOff)
                }
            }
            visiting.remove(code)
            settled[code] = result
            return result
        }
        var counting: [UnitCode: [LedgerEntry]] = [:]
        for code in backedByEvidence.keys { counting[code] = settle(code).counting }
        return counting
    }

    /// Whether `signOff` still rests on one prerequisite's sign-offs.
    private func rests(_ signOff: LedgerEntry, on prerequisite: (counting: [LedgerEntry], lost: [LedgerEntry])) -> Bool {
        let before = { (entry: LedgerEntry) in entry.sequence < signOff.sequence && entry.date <= signOff.date }
        guard prerequisite.lost.contains(where: before) else { return true }
        return prerequisite.counting.contains { entry in
            guard before(entry) else { return false }
            guard let curriculum, let expiresOn = CompetencyEngine.expiry(ofSignOffOn: entry.date, in: curriculum) else { return true }
            return expiresOn > signOff.date
        }
    }
}
