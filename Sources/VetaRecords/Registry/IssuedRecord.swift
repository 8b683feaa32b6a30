public import VetaCurricula
public import VetaProgress

/// A completion record in the registry: what was issued, to whom, and the hash of what was issued.
public struct IssuedRecord: Hashable, Sendable, Codable {
    /// What kind of artifact.
    public enum Format: String, Hashable, Sendable, Codable, CaseIterable {
        /// An Open Badges 3.0 credential (VC-JWT).
        case ob3
        /// A DC-3 constancia (PDF).
        case dc3
    }

    /// The serial number, e.g. `VETA-2026-000042`.
    public let serial: String
    /// The artifact's format.
    public let format: Format
    /// The trainee.
    public let trainee: TraineeID
    /// The curriculum version.
    public let curriculum: CurriculumRef
    /// The unit, for a unit record; `nil` for a whole curriculum.
    public let unit: UnitCode?
    /// The issuer's id.
    public let issuer: String
    /// When it was issued, UTC.
    public let issuedAt: String
    /// The completion (sign-off) date.
    public let validFrom: CalendarDate
    /// The expiry, if the curriculum has a validity period.
    public let validUntil: CalendarDate?
    /// Lowercase hex sha256 of the issued artifact's bytes.
    public let sha256: String
    /// The serial this record replaces, for a re-issue.
    public let supersedes: String?
}

extension IssuedRecord {
    /// The record an issue entry of the log registers (`nil` for another kind of entry). Its
    /// `issuedAt` is when the entry was recorded, or for a record migrated from the registry that
    /// preceded the log, when it was issued then.
    public init?(entry: LedgerEntry) {
        guard entry.kind == .issue, let record = entry.record, let format = record.format.flatMap(Format.init(rawValue:)),
            let issuer = record.issuer, let validFrom = record.validFrom
        else { return nil }
        self.init(
            serial: record.serial, format: format, trainee: entry.trainee, curriculum: entry.curriculum, unit: entry.unit, issuer: issuer,
            issuedAt: record.issuedAt ?? entry.recordedAt, validFrom: validFrom, validUntil: record.validUntil,
            sha256: entry.attachmentSHA256 ?? "", supersedes: record.supersedes)
    }
}

/// Something that happened to a record after it was issued (append-only, like the ledger).
public struct RecordEvent: Hashable, Sendable, Codable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The record no longer stands.
        case revoked
        /// A newer record replaces it.
        case superseded
    }

    /// The record's serial.
    public let serial: String
    /// What happened.
    public let kind: Kind
    /// When.
    public let date: CalendarDate
    /// Why, or the serial of the replacing record.
    public let note: String
}

extension RecordEvent {
    /// The event a revocation or supersession entry of the log records.
    init(entry: LedgerEntry) {
        let superseded = entry.kind == .supersession
        self.init(
            serial: entry.record?.serial ?? "", kind: superseded ? .superseded : .revoked, date: entry.date,
            note: superseded ? entry.record?.supersededBy ?? "" : entry.note ?? "")
    }
}
