public import Foundation
public import VetaCurricula
public import VetaProgress

/// Why an issued record no longer rests on evidence.
public struct RecordBacking: Hashable, Sendable {
    /// What the engine, re-run as of the issue date with every correction known now, finds missing.
    public let missing: [String]
    /// The voided entries behind it: for each, the entry a correction named and that correction's date.
    public let voided: [Voiding.Cause]

    /// `no longer backed by evidence: entry N voided on D`, one per voided entry (or what is missing).
    public var summary: String {
        let causes = voided.map { "entry \($0.entry) voided on \($0.date)" }
        return "no longer backed by evidence: " + (causes.isEmpty ? missing : causes).joined(separator: "; ")
    }
}

extension RecordService {
    /// Whether `record` is still backed by evidence: `nil` when the engine, re-run as of the day it
    /// was issued on the log as it is now (every correction applied, whenever it was made, and
    /// voiding carried along provenance, ``Voiding``), would still issue it; otherwise what is
    /// missing and which voided entries took it away.
    ///
    /// With `knownAt`, only the entries the store had recorded by that instant are read
    /// (``KnownAtStore``): the decision as it could be made then. With `knownThrough`, only the
    /// entries up to that log position (those before the record's issue entry):
    /// exactly what the store knew, whatever was recorded in the same second.
    public func backing(of record: IssuedRecord, knownAt: Date? = nil, knownThrough: Int64? = nil) async throws -> RecordBacking? {
        let curriculum = try await progress.curriculum(record.curriculum)
        var store = progress.store
        if let knownThrough {
            store = KnownAtStore(store, through: knownThrough, at: record.issuedAt)
        } else if let knownAt {
            store = KnownAtStore(store, knownAt: knownAt)
        }
        let all = try await store.entries(for: record.trainee)
        let issuedOn = CalendarDate(String(record.issuedAt.prefix(10))) ?? record.validFrom
        let voiding = Voiding(all, asOf: .latest)
        // Every correction applied, whenever it was made.
        let entries = CompetencyEngine.everyCorrectionApplied(all)
        let status = CompetencyEngine.status(of: record.trainee, in: curriculum, ref: record.curriculum, entries: entries, asOf: issuedOn)
        var missing: [String]
        if let unit = record.unit {
            guard let unitStatus = status.units.first(where: { $0.unit == unit }) else {
                return RecordBacking(missing: ["no unit \(unit)"], voided: [])
            }
            missing = unitStatus.state == .signedOff ? [] : ["\(unit) is \(unitStatus.state.rawValue)"] + unitStatus.missing
        } else {
            missing = status.packagingSatisfied ? [] : status.missing
            if missing.isEmpty && status.completedOn == nil { missing = ["no completion"] }
        }
        guard !missing.isEmpty else { return nil }
        var seen: Set<Int64> = []
        let causes = all.filter { entry in
            entry.curriculum == record.curriculum && entry.date <= issuedOn
                && [.enrolment, .evidence, .signOff].contains(entry.kind)
                && (record.unit == nil || entry.unit == nil || entry.unit == record.unit)
        }.compactMap { voiding.causes[$0.sequence] }
            .filter { seen.insert($0.entry).inserted }
            .sorted { $0.entry < $1.entry }
        return RecordBacking(missing: missing, voided: causes)
    }
}
