import VetaCurricula
import VetaProgress

/// The record registry's rules over record entries read inside the write transaction that appends
/// (``RecordLedger/appendRecords(_:serials:trainees:check:seal:artifacts:)``): free of storage, so
/// every engine checks the same.
enum RecordRules {
    /// The entry of `kind` about `serial` among `entries`.
    static func entry(_ kind: LedgerEntry.Kind, _ serial: String, in entries: [LedgerEntry]) -> LedgerEntry? {
        entries.first { $0.kind == kind && $0.record?.serial == serial }
    }

    /// The serial of a curriculum credential (OB3, no unit) of `trainee` in `curriculum` that is
    /// neither revoked nor superseded, among `entries`.
    static func standingCredential(of trainee: TraineeID, in curriculum: CurriculumRef, among entries: [LedgerEntry]) -> String? {
        for issue in entries
        where issue.kind == .issue && issue.trainee == trainee && issue.curriculum == curriculum && issue.unit == nil
            && issue.record?.format == IssuedRecord.Format.ob3.rawValue
        {
            guard let serial = issue.record?.serial else { continue }
            if entry(.revocation, serial, in: entries) == nil, entry(.supersession, serial, in: entries) == nil { return serial }
        }
        return nil
    }
}
