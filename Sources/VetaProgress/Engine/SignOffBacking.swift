import VetaCurricula

/// Whether a sign-off still rests on evidence.
///
/// A sign-off rests on the evidence of its unit recorded before it (a lower sequence) and dated on
/// or before it. When a correction voids some of that evidence (directly, or along provenance),
/// the sign-off counts only if what is left still covers the unit as the sign-off required
/// (``UnitCoverage``); otherwise it counts nowhere, as if it were voided itself. A sign-off none of
/// whose evidence was voided counts as before.
struct SignOffBacking {
    /// The unit, when the curriculum is known; without it, no sign-off loses its backing.
    let unit: VetaCurricula.Unit?
    /// The unit's evidence that counts.
    let evidence: [LedgerEntry]
    /// The unit's evidence that corrections voided.
    let voidedEvidence: [LedgerEntry]

    /// Whether `signOff` still rests on evidence that covers its unit.
    func isBacked(_ signOff: LedgerEntry) -> Bool {
        guard let unit else { return true }
        let before = { (entry: LedgerEntry) in entry.sequence < signOff.sequence && entry.date <= signOff.date }
        guard voidedEvidence.contains(where: { before($0) && $0.outcome == .satisfactory }) else { return true }
        var left = UnitEvidence()
        for entry in evidence where before(entry) { left.add(entry) }
        return UnitCoverage(unit, evidence: left).isComplete
    }
}
