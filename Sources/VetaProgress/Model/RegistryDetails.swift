public import VetaCurricula

/// What a registry entry (``LedgerEntry/Kind/isRegistry``) says: whom or what it is about (its
/// ``subject``) and the data registered for it, as named text fields.
///
/// The subject is an organisation's RFC, a trainee's, assessor's or issuer's id, or a curriculum's
/// `CODE@x.y.z`. The fields a kind carries (``fieldNames``):
///
/// - organisation: `name`, `sites` (site names separated by line feeds, in ascending order), and
///   when given the DC-3 signatories `legalRepresentative`, `workersRepresentative` and `workers`
///   (a decimal count; these three are version 4 of the encoding, ``extendedFieldNames``)
/// - trainee: `paternalSurname`, `maternalSurname`, `givenNames`, `curp`, `employer`, `occupation`, `jobTitle`, and
///   when given `occupationKey` (the national occupations catalogue key; version 4 of the encoding)
/// - assessor: `name`, `accreditation`, `publicKey`
/// - issuer: `name`, `rfc`, `stpsRegistration` (when it has one), `publicKey`, and once a key is
///   retired `compromisedKeys` (one `KEY DATE REASON` line per retired key; version 4 of the encoding)
/// - amendment: `of` (`organisation`, `trainee` or `assessor`) and the subject's fields as they are from then on
/// - lifecycle: `status` (`superseded` or `withdrawn`) and, when superseded, `successor` (`CODE@x.y.z`)
/// - setting: `value` (the subject is the setting's name, `timeZone`)
/// - import: `first` and `last`, the sequences of the entries the import wrote (the subject is the import id `FIRST-LAST`)
/// - receipt: the fields of ``SyncReceipt/fieldNames`` (the subject is `SITE:FIRST-LAST`)
/// - authorisation, deauthorisation, publication: none (the unit, date and sha256 are the entry's own)
///
/// A registration carried over from the tables that preceded it when a store was migrated also has
/// `migrated` (the table it came from). Every field is part of the canonical encoding
/// (``LedgerCanonicalEncoding``).
public struct RegistryDetails: Hashable, Sendable, Codable {
    /// Whom or what the entry is about.
    public var subject: String
    /// The registered data, by field name.
    public var fields: [String: String]

    /// Creates the details.
    public init(subject: String, fields: [String: String] = [:]) {
        self.subject = subject
        self.fields = fields
    }

    /// Every field name a registry entry may carry; none is a key of the entry's own.
    public static let fieldNames: Set<String> = Set([
        "name", "sites", "paternalSurname", "maternalSurname", "givenNames", "curp", "employer", "occupation", "jobTitle",
        "accreditation", "publicKey", "rfc", "stpsRegistration", "of", "migrated", "value",
        // lifecycle (``CurriculumLifecycle``)
        "status", "successor",
        // import (``ImportID``)
        "first", "last",
    ]).union(extendedFieldNames).union(SyncReceipt.fieldNames)

    /// Fields added after the registry kinds entered the log: an entry that carries one of them
    /// encodes as version 4 (`"v":4`), so an entry without them keeps its version 3 bytes.
    public static let extendedFieldNames: Set<String> = [
        "legalRepresentative", "workersRepresentative", "workers", "occupationKey", "compromisedKeys",
    ]

    /// Whether the registration was carried over from the tables when the store was migrated.
    public var isMigrated: Bool { fields["migrated"] != nil }
}

extension LedgerEntry {
    /// The trainee of an entry that is about no trainee (every registry kind): the empty id. It is
    /// never written: such an entry has no `trainee` key in its canonical encoding and NULL in its row.
    public static let noTrainee = TraineeID("")
    /// The curriculum of an entry that is about no trainee's curriculum (every registry kind), `@0.0.0`:
    /// never written, like ``noTrainee``.
    public static let noCurriculum = CurriculumRef(code: CurriculumCode(""), version: SemanticVersion(major: 0, minor: 0, patch: 0))

    /// A registry entry about `subject`, dated `date`.
    public static func registry(
        _ kind: Kind, subject: String, fields: [String: String] = [:], date: CalendarDate, unit: UnitCode? = nil, note: String? = nil,
        sha256: String? = nil
    ) -> LedgerEntry {
        var entry = LedgerEntry(
            kind: kind, trainee: noTrainee, curriculum: noCurriculum, date: date, unit: unit, note: note, attachmentSHA256: sha256)
        entry.registry = RegistryDetails(subject: subject, fields: fields)
        return entry
    }
}
