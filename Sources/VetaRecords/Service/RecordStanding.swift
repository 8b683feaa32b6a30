public import VetaProgress

/// Where an issued record stands in the store on a day: the lifecycle part of `veta verify`'s
/// judgement (revocation, the evidence behind it, supersession, validity window), in the same order,
/// for every report that shows a record's state (the DC-4 list, the site).
public enum RecordStanding: Hashable, Sendable {
    /// It, or the record issued with it, was revoked on that date.
    case revoked(CalendarDate)
    /// It was signed with a key its issuer retired as compromised, on or after the day of the compromise.
    case keyCompromised
    /// The evidence behind it was voided since: `veta verify` says NOT VALID.
    case unbacked(RecordBacking)
    /// A re-issue replaced it.
    case superseded
    /// Its validity starts after the day.
    case notYetValid
    /// Its validity ended on or before the day.
    case expired
    /// Valid: `veta verify` on the store says VALID (given an intact log and matching file).
    case valid

    /// The DC-4 list's `estado`: `revocada`, `clave comprometida`, `sin respaldo`, `sustituida`, `no vigente aún`, `vencida`, `vigente`.
    public var dc4State: String {
        switch self {
        case .revoked: "revocada"
        case .keyCompromised: "clave comprometida"
        case .unbacked: "sin respaldo"
        case .superseded: "sustituida"
        case .notYetValid: "no vigente aún"
        case .expired: "vencida"
        case .valid: "vigente"
        }
    }
}

extension RecordService {
    /// Where `record` stands on `date`, judged as `veta verify` judges it on the store (after the
    /// registry and log checks): revoked (it or its issuance partner), signed with a key retired as
    /// compromised on or before its day (``KeyCompromise``), no longer backed by
    /// evidence, superseded, outside its validity window, or valid.
    public func standing(of record: IssuedRecord, on date: CalendarDate) async throws -> RecordStanding {
        let events = try await issuanceEvents(record)
        let revocations = events.filter { $0.kind == .revoked && $0.date <= date }
        if let revoked = revocations.first(where: { $0.serial == record.serial }) ?? revocations.first { return .revoked(revoked.date) }
        if let issuer = try await records.issuer(record.issuer), !issuer.compromisedKeys.isEmpty,
            let entry = try await records.entry(.issue, record.serial),
            Self.compromise(voiding: entry, of: issuer, zone: try await progress.timeZone()) != nil
        {
            return .keyCompromised
        }
        if let backing = try await backing(of: record) { return .unbacked(backing) }
        if events.contains(where: { $0.kind == .superseded && $0.serial == record.serial }) { return .superseded }
        if record.validFrom > date { return .notYetValid }
        if let until = record.validUntil, until <= date { return .expired }
        return .valid
    }
}
