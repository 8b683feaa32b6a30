import Foundation
public import VetaCurricula
public import VetaProgress

/// The record registry: issuers, and the issued records, which live in the store's one
/// hash-chained log as ``LedgerEntry/Kind/issue``, ``LedgerEntry/Kind/revocation`` and
/// ``LedgerEntry/Kind/supersession`` entries (read back by serial through an index).
///
/// It works on any store that keeps records (``RecordLedger``: the SQLite store, whose connection
/// pool and migrator it shares, or the PostgreSQL store). Every rule about records ("already
/// revoked", "already superseded", a serial used once) is checked here, free of storage
/// (``RecordRules``), inside the write transaction that appends the entry.
public final class RecordStore: Sendable {
    /// The progress store whose log the records share.
    public let store: any RecordLedger

    /// The registry in `store`.
    public init(store: any RecordLedger) {
        self.store = store
    }

    // MARK: issuers

    /// Registers an issuer; the id must be new. The `issuer` row and an ``LedgerEntry/Kind/issuer``
    /// entry of the log are written in one transaction; the row is a projection of the entry.
    /// The URL's record page must fit the DC-3's verification code (``VerificationCodeFit``), or
    /// ``RecordError`` refuses it before anything is written.
    public func add(_ issuer: Issuer) async throws {
        try VerificationCodeFit.require(issuerURL: issuer.id)
        // Two issuers with one did:web (a case or trailing-slash variant) would share a DID document and kids.
        let did = try DIDWeb.did(issuerURL: issuer.id)
        try await store.addIssuer(issuer.id, fields: issuer.registryFields) { existing in
            for other in existing where (try? DIDWeb.did(issuerURL: other)) == did {
                throw StoreError(.conflict, "issuer \(other) is already registered with the did:web \(did) that \(issuer.id) derives")
            }
        }
    }

    /// The issuer with this id, as the log registers it (never the `issuer` table, which anyone who
    /// can write the file could change).
    public func issuer(_ id: String) async throws -> Issuer? {
        let state = try await store.registry(of: [.issuer, .amendment], subject: id)
        return Self.issuer(id, state.issuers[id], keys: state.issuerKeys[id])
    }

    /// Every issuer the log registers.
    public func issuers() async throws -> [Issuer] {
        let state = try await store.registry(of: [.issuer, .amendment], subject: nil)
        return state.issuers.sorted { $0.key < $1.key }.compactMap { Self.issuer($0.key, $0.value, keys: state.issuerKeys[$0.key]) }
    }

    static func issuer(_ id: String, _ fields: [String: String]?, keys: [String]?) -> Issuer? {
        guard let fields, let rfc = try? RFC(fields["rfc"] ?? "") else { return nil }
        var issuer = Issuer(
            id: id, name: fields["name"] ?? "", rfc: rfc, stpsRegistration: fields["stpsRegistration"], publicKey: fields["publicKey"] ?? ""
        )
        issuer.keyHistory = keys ?? []
        issuer.compromisedKeys = KeyCompromise.parse(fields[KeyCompromise.field])
        return issuer
    }

    /// Rotates an issuer's key: an amendment entry of the log with the new key, saying why. The
    /// old keys stay the issuer's (its DID document lists them), so what they signed still verifies.
    public func rotateKey(of id: String, to key: PublicSigningKey, reason: String) async throws {
        guard let issuer = try await issuer(id) else { throw Refusal("issuer \(id) is not registered (veta issuer add)") }
        guard !issuer.keys.contains(key) else {
            throw Refusal(
                issuer.publicKey == key.base64URL
                    ? "issuer \(id) already has this key: nothing to rotate" : "issuer \(id) had this key before: rotate to a new key")
        }
        var fields = issuer.registryFields
        fields["publicKey"] = key.base64URL
        try await store.amendIssuer(id, fields: fields, reason: reason)
    }

    // MARK: issuing

    /// Reserves `count` new serials for `year` and commits the reservation at once, before anything
    /// is signed: the counter never goes back, so a serial is never given twice, even when the issue
    /// that reserved it is killed before it registers anything.
    public func reserveSerials(count: Int, year: Int) async throws -> [String] {
        try await store.reserveSerials(count: count, year: year)
    }

    /// The log's size (its last sequence) and head hash now: the checkpoint a record is issued at.
    public func checkpoint() async throws -> (size: Int64, hash: String) {
        try await store.head()
    }

    /// Registers issued records in one write transaction: an issue entry per record, signed by the
    /// issuer's `key`, the artifact's bytes beside it (so its file can be exported again), and a
    /// supersession entry for each record in `superseding`. Refused, with nothing written, when a
    /// serial is already registered or a superseded record is unknown or already superseded.
    public func register(
        _ records: [(record: IssuedRecord, checkpoint: (size: Int64, hash: String), artifact: [UInt8])], key: SigningKey,
        superseding: [IssuedRecord] = [], on date: CalendarDate, onlyIfNoneStanding: Bool = false
    ) async throws -> [IssuedRecord] {
        var entries = records.map { Self.entry($0.record, checkpoint: $0.checkpoint, date: date) }
        let replacements = records.map(\.record.serial).joined(separator: " ")
        for old in superseding {
            var entry = LedgerEntry(kind: .supersession, trainee: old.trainee, curriculum: old.curriculum, date: date, unit: old.unit)
            entry.record = RecordDetails(serial: old.serial, supersededBy: replacements)
            entries.append(entry)
        }
        let serials = records.map(\.record.serial)
        let oldSerials = superseding.map(\.serial)
        let artifacts = Dictionary(records.map { ($0.record.serial, $0.artifact) }, uniquingKeysWith: { first, _ in first })
        let trainees = Set(records.map(\.record.trainee))
        let stored = try await store.appendRecords(
            entries, serials: Set(serials + oldSerials), trainees: onlyIfNoneStanding ? trainees : [],
            check: { stored in
                for serial in serials where RecordRules.entry(.issue, serial, in: stored) != nil {
                    throw Refusal("serial \(serial) is already registered; serials are never given twice")
                }
                // "Not yet issued" (issue --cohort) holds inside the write: of two cohort issues racing,
                // a trainee gets one standing curriculum credential.
                if onlyIfNoneStanding {
                    for item in records where item.record.format == .ob3 && item.record.unit == nil {
                        if let standing = RecordRules.standingCredential(of: item.record.trainee, in: item.record.curriculum, among: stored)
                        {
                            throw AlreadyIssued(trainee: item.record.trainee, serial: standing)
                        }
                    }
                }
                for serial in oldSerials {
                    guard RecordRules.entry(.issue, serial, in: stored) != nil else { throw Refusal("no record \(serial)") }
                    if let earlier = RecordRules.entry(.supersession, serial, in: stored) {
                        throw SupersededRefusal.refusal(serial, by: SupersededRefusal.successors(earlier), own: nil)
                    }
                }
            },
            seal: { entry in if entry.kind == .issue { try entry.sign(with: key) } }, artifacts: artifacts)
        return stored.compactMap(IssuedRecord.init(entry:))
    }

    static func entry(_ record: IssuedRecord, checkpoint: (size: Int64, hash: String), date: CalendarDate) -> LedgerEntry {
        var entry = LedgerEntry(
            kind: .issue, trainee: record.trainee, curriculum: record.curriculum, date: date, unit: record.unit,
            attachmentSHA256: record.sha256)
        entry.record = RecordDetails(
            serial: record.serial, format: record.format.rawValue, issuer: record.issuer, validFrom: record.validFrom,
            validUntil: record.validUntil, supersedes: record.supersedes, checkpointSize: checkpoint.size,
            checkpointHash: checkpoint.hash)
        return entry
    }

    /// Revokes a record, checking inside the write transaction that it exists and is not already
    /// revoked: of two revocations racing, exactly one is appended and the other is refused.
    public func revoke(_ serial: String, reason: String, on date: CalendarDate) async throws {
        try await revoke([serial], reason: reason, on: date)
    }

    /// Revokes records together (the credential and the DC-3 of one issuance): one revocation entry
    /// each, appended in one write transaction, or none when any is missing or already revoked.
    public func revoke(_ serials: [String], reason: String, on date: CalendarDate) async throws {
        var entries: [LedgerEntry] = []
        for serial in serials {
            guard let issue = try await entry(.issue, serial) else { throw Refusal("no record \(serial)") }
            var entry = LedgerEntry(
                kind: .revocation, trainee: issue.trainee, curriculum: issue.curriculum, date: date, unit: issue.unit, note: reason)
            entry.record = RecordDetails(serial: serial)
            entries.append(entry)
        }
        _ = try await store.appendRecords(
            entries, serials: Set(serials), trainees: [],
            check: { stored in
                for serial in serials {
                    if let earlier = RecordRules.entry(.revocation, serial, in: stored) {
                        throw Refusal("\(serial) is already revoked (on \(earlier.date), entry \(earlier.sequence))")
                    }
                }
            }, seal: { _ in }, artifacts: [:])
    }

    // MARK: reading

    /// The entry of `kind` about `serial`, if the log has one.
    public func entry(_ kind: LedgerEntry.Kind, _ serial: String) async throws -> LedgerEntry? {
        try await store.recordEntries([kind], serial: serial).first
    }

    /// The issue entry of the record whose artifact has this sha256 (a DC-3 is found by its bytes).
    public func issueEntry(sha256: String) async throws -> LedgerEntry? {
        try await store.issueEntries(sha256: sha256).first
    }

    /// The record with this serial.
    public func record(_ serial: String) async throws -> IssuedRecord? {
        try await entry(.issue, serial).flatMap(IssuedRecord.init(entry:))
    }

    /// Every record, by serial.
    public func records() async throws -> [IssuedRecord] {
        try await store.recordEntries([.issue], serial: nil).compactMap(IssuedRecord.init(entry:)).sorted { $0.serial < $1.serial }
    }

    /// Every record entry of the log (issues, revocations, supersessions) that reads as an entry, in
    /// sequence order, through the serial index; a row that does not read is left to ``LedgerVerifier``.
    public func recordEntries() async throws -> [LedgerEntry] {
        try await store.readableRecordEntries()
    }

    /// The hashes of the entries at these sequences (those that exist).
    public func hashes(at sequences: Set<Int64>) async throws -> [Int64: String] {
        try await store.hashes(at: sequences)
    }

    /// The events of a record, oldest first.
    public func events(_ serial: String) async throws -> [RecordEvent] {
        try await store.recordEntries([.revocation, .supersession], serial: serial).map(RecordEvent.init(entry:))
    }

    /// The artifact's bytes as registered, for records issued since records entered the log.
    public func artifact(_ serial: String) async throws -> [UInt8]? {
        try await store.artifact(serial)
    }

    /// Every stored artifact's serial and sha256.
    public func artifactHashes() async throws -> [(serial: String, sha256: String)] {
        try await store.artifactHashes()
    }
}

/// A cohort issue found, inside the write, that another issue gave the trainee a standing credential first.
public struct AlreadyIssued: Error, Sendable {
    /// The trainee.
    public let trainee: TraineeID
    /// The standing credential's serial.
    public let serial: String
}
