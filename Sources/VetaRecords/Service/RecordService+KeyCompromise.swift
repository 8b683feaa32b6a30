import Foundation
public import VetaProgress

extension RecordService {
    /// Retires issuer `id`'s `n`th key as compromised since `since` (``RecordStore/retireKey(of:keyNumber:since:reason:)``),
    /// refusing a date after the site's today. Returns the compromise, the key's id and the records it
    /// makes NOT VALID that still stand (neither revoked nor superseded): those to re-issue.
    public func retireKey(issuer id: String, keyNumber n: Int, since: CalendarDate, reason: String) async throws -> (
        compromise: KeyCompromise, keyID: String, affected: [IssuedRecord]
    ) {
        let today = try await progress.today()
        guard since <= today else {
            throw Refusal(
                "the compromise date \(since) is after today (\(today)): a key is retired as compromised from a day that has come, "
                    + "when the compromise was found or is believed to have begun; nothing was retired",
                reasons: [
                    "give today or an earlier day; to stop signing with the key from now on, rotate to a new key (veta issuer rotate-key)"
                ])
        }
        let (compromise, kid) = try await records.retireKey(of: id, keyNumber: n, since: since, reason: reason)
        return (compromise, kid, try await recordsVoidedByCompromise(issuer: id))
    }

    /// The standing records (neither revoked nor superseded) of issuer `id` that a retired key makes
    /// NOT VALID: their issue entry is signed with a key retired as compromised on or before its date.
    /// `veta reissue` replaces each with a record signed with the current key.
    public func recordsVoidedByCompromise(issuer id: String) async throws -> [IssuedRecord] {
        guard let issuer = try await records.issuer(id), !issuer.compromisedKeys.isEmpty else { return [] }
        let zone = try await progress.timeZone()
        var voided: [IssuedRecord] = []
        for record in try await records.records() where record.issuer == id {
            guard let entry = try await records.entry(.issue, record.serial), Self.compromise(voiding: entry, of: issuer, zone: zone) != nil
            else {
                continue
            }
            let events = try await issuanceEvents(record)
            if !events.contains(where: { $0.kind == .revoked || ($0.kind == .superseded && $0.serial == record.serial) }) {
                voided.append(record)
            }
        }
        return voided
    }

    /// Whether a retired key voids the issuance `batch` (a record and the one issued with it).
    func compromised(_ batch: [IssuedRecord], of issuer: Issuer) async throws -> Bool {
        guard !issuer.compromisedKeys.isEmpty else { return false }
        let zone = try await progress.timeZone()
        for record in batch {
            if let entry = try await records.entry(.issue, record.serial), Self.compromise(voiding: entry, of: issuer, zone: zone) != nil {
                return true
            }
        }
        return false
    }

    /// The day a record's issue `entry` was signed, on the site's calendar (`zone`): the day it was
    /// appended to the log (its `recordedAt`; for a record migrated from the registry, when it was
    /// issued then), not the date it was issued "as of", which the issuer chooses.
    static func signedDay(_ entry: LedgerEntry, zone: TimeZone) -> CalendarDate {
        let instant = Instant.parse(entry.record?.issuedAt ?? entry.recordedAt)
        return instant.flatMap { try? CalendarDate(localDateOf: $0, in: zone) } ?? entry.date
    }

    /// The compromise that voids a record's issue `entry`: the entry is signed with a key the issuer
    /// retired as compromised on or before the day it was signed (``Issuer/compromise(voiding:signedOn:)``).
    static func compromise(voiding entry: LedgerEntry, of issuer: Issuer, zone: TimeZone) -> KeyCompromise? {
        for retired in issuer.compromisedKeys {
            guard let key = try? PublicSigningKey(retired.key), entry.isSigned(by: key) else { continue }
            return issuer.compromise(voiding: key, signedOn: signedDay(entry, zone: zone))
        }
        return nil
    }

    /// The `key compromise` check of a record: its issue `entry` and, for a credential, the key its
    /// JWT verified with (`credentialKey`) must not be a key retired as compromised on or before the
    /// day the log says it was signed. Nil when the issuer retired no key.
    static func compromiseCheck(entry: LedgerEntry, issuer: Issuer, credentialKey: PublicSigningKey?, zone: TimeZone)
        -> VerificationReport.Check?
    {
        guard !issuer.compromisedKeys.isEmpty else { return nil }
        let day = signedDay(entry, zone: zone)
        let voiding =
            credentialKey.flatMap { issuer.compromise(voiding: $0, signedOn: day) } ?? compromise(voiding: entry, of: issuer, zone: zone)
        if let voiding {
            return .init(
                name: VerificationReport.keyCompromised, passed: false,
                detail: "KEY COMPROMISED: signed with \(issuer.keyID(of: voiding)), which the issuer retired as compromised since "
                    + "\(voiding.since) (\(voiding.reason)), on \(day) (entry \(entry.sequence) of the log): the issuer can re-issue it "
                    + "with its current key (veta reissue \(entry.record?.serial ?? "SERIAL"))")
        }
        // The retired key it was signed with, if any: the credential's, or the one that signed the entry (a DC-3).
        let used =
            credentialKey.flatMap { issuer.compromise(of: $0) }
            ?? issuer.compromisedKeys.first { retired in (try? PublicSigningKey(retired.key)).map(entry.isSigned(by:)) ?? false }
        return .init(
            name: "key", passed: true,
            detail: used.map {
                "signed with \(issuer.keyID(of: $0)) on \(day), before its compromise on \($0.since): the log dates it earlier, so it stands"
            } ?? "not signed with a key the issuer retired as compromised")
    }
}
