public import VetaCurricula

/// Which entries corrections void, as of a date, and which correction is behind each.
///
/// The rules, all pure and independent of the order of the entries:
///
/// - A correction dated on or before the date voids the entry it names (``LedgerEntry/corrects``),
///   unless the correction is itself voided.
/// - A correction of a correction voids that correction, so the entry it had voided counts again
///   (a reinstatement, with its own reason); the reinstatement can be corrected in turn, and so on.
///   A correction names an earlier entry: one that names itself or a later entry voids nothing.
/// - Voiding is transitive along provenance: an entry derived from another (``LedgerEntry/derivedFrom``,
///   evidence carried to a new version by `veta migrate`) is voided when that one is, whatever the
///   length of the chain. (A sign-off rests on the unit's evidence rather than on one entry; the
///   engine stops counting one whose evidence no longer covers the unit, see ``CompetencyEngine``.)
public struct Voiding: Hashable, Sendable {
    /// Why an entry is voided: the entry a correction named (the start of the provenance chain) and that correction.
    public struct Cause: Hashable, Sendable {
        /// The entry the correction named; for an entry voided along provenance, the original it derives from.
        public let entry: Int64
        /// The correction that voided ``entry``.
        public let correction: Int64
        /// The correction's date.
        public let date: CalendarDate
    }

    /// The cause of each voided entry, by sequence.
    public let causes: [Int64: Cause]

    /// The sequences of the voided entries.
    public var voided: Set<Int64> { Set(causes.keys) }

    /// Reads which of `entries` are voided by the corrections among them dated on or before `asOf`.
    public init(_ entries: [LedgerEntry], asOf: CalendarDate) {
        var causes: [Int64: Cause] = [:]
        // A correction's own standing depends only on later corrections (those naming it): newest first.
        let corrections = entries.filter { $0.kind == .correction && $0.date <= asOf }.sorted { $0.sequence > $1.sequence }
        for correction in corrections where causes[correction.sequence] == nil {
            guard let target = correction.corrects, target < correction.sequence else { continue }
            let cause = Cause(entry: target, correction: correction.sequence, date: correction.date)
            if let existing = causes[target], (existing.date, existing.correction) <= (cause.date, cause.correction) { continue }
            causes[target] = cause
        }
        // Provenance: an entry derives from an earlier one, so oldest first carries voiding down any chain.
        for entry in entries.sorted(by: { $0.sequence < $1.sequence }) where causes[entry.sequence] == nil {
            if let origin = entry.derivedFrom, origin < entry.sequence, let cause = causes[origin] {
                causes[entry.sequence] = cause
            }
        }
        self.causes = causes
    }
}
