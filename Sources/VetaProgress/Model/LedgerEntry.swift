public import VetaCurricula

/// One entry of the append-only evidence ledger.
///
/// Entries are never changed or deleted: a mistake is undone by a ``Kind/correction`` entry that
/// names the entry it voids. Each entry carries the hash of the one before it, so any change to
/// a stored entry breaks the chain (see ``LedgerCanonicalEncoding``).
public struct LedgerEntry: Hashable, Sendable, Codable {
    /// What an entry records.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A trainee starts a curriculum.
        case enrolment
        /// A trainee leaves a curriculum.
        case withdrawal
        /// Something a trainee showed, against a criterion, element, knowledge item or unit.
        case evidence
        /// An authorised assessor signs a unit off; carries the assessor's Ed25519 signature.
        case signOff = "signoff"
        /// Voids an earlier entry, saying why.
        case correction
        /// A completion record was issued; ``LedgerEntry/record`` says which, signed by the issuer.
        case issue
        /// An issued record was revoked (``LedgerEntry/record`` names its serial; the note says why).
        case revocation
        /// An issued record was replaced by newer ones (``RecordDetails/supersededBy``).
        case supersession
        /// An organisation (employer) was registered; ``LedgerEntry/registry`` holds its RFC, name and sites.
        case organisation
        /// A trainee was registered; ``LedgerEntry/registry`` holds the id and identity data.
        case trainee
        /// An assessor was registered; ``LedgerEntry/registry`` holds the id, name, accreditation and public key.
        case assessor
        /// A record issuer was registered; ``LedgerEntry/registry`` holds the id, name, RFC and public key.
        case issuer
        /// An assessor is authorised for ``LedgerEntry/unit`` from ``LedgerEntry/date`` on.
        case authorisation
        /// An assessor's authorisation for ``LedgerEntry/unit`` is withdrawn from ``LedgerEntry/date`` on.
        case deauthorisation
        /// A curriculum version was published: ``LedgerEntry/attachmentSHA256`` is the sha256 of its exact bytes.
        case publication
        /// An organisation's, trainee's or assessor's data changed; the note says why, the details
        /// hold the data as it is from then on (earlier entries keep the history).
        case amendment
        /// A published curriculum version was superseded or withdrawn (``CurriculumLifecycle``):
        /// ``LedgerEntry/registry`` names it and holds its new `status` (and `successor`); the note says why.
        case lifecycle
        /// A store setting changed (``LedgerEntry/registry``: the setting's name as subject, its new
        /// value as `value`; the note says why). `timeZone` is the site's time zone (``SiteClock``):
        /// it decides which day "today" is, so it is in the log like every other change of meaning.
        case setting
        /// `veta import` wrote entries ``RegistryDetails`` `first` through `last` (the subject is the
        /// import id `FIRST-LAST`, ``ImportID``), appended right after them in the same transaction;
        /// ``LedgerEntry/attachmentSHA256`` is the sha256 of the imported file. `veta import --undo`
        /// undoes exactly the batch such an entry marks.
        case importBatch = "import"
        /// `veta sync import` took in a signed bundle of another store's entries (``SyncReceipt``): the
        /// subject is `SITE:FIRST-LAST` (the sender's site id and sequences), ``LedgerEntry/registry``
        /// holds every received entry's canonical bytes and what this store did with it; the entries
        /// it copied follow it, in the same transaction.
        case receipt

        /// Whether the kind is about an issued completion record.
        public var isRecord: Bool { self == .issue || self == .revocation || self == .supersession }

        /// Whether the kind is a registry change (who and what the store knows), about no trainee's
        /// progress; such an entry carries ``LedgerEntry/registry`` and no trainee or curriculum.
        public var isRegistry: Bool {
            switch self {
            case .organisation, .trainee, .assessor, .issuer, .authorisation, .deauthorisation, .publication, .amendment, .lifecycle,
                .setting, .importBatch, .receipt:
                true
            default: false
            }
        }
    }

    /// The entry's position in the ledger, from 1.
    public var sequence: Int64
    /// What the entry records.
    public var kind: Kind
    /// The trainee it concerns.
    public var trainee: TraineeID
    /// The curriculum version it concerns.
    public var curriculum: CurriculumRef
    /// The unit, for evidence and sign-offs.
    public var unit: UnitCode?
    /// What evidence is about.
    public var target: EvidenceTarget?
    /// How evidence was gathered.
    public var method: EvidenceMethod?
    /// The assessor's judgement.
    public var outcome: Outcome?
    /// When it happened (not when it was recorded).
    public var date: CalendarDate
    /// Where it happened.
    public var site: String?
    /// Time spent, in minutes.
    public var minutes: Int?
    /// A note, or the reason for a correction or withdrawal.
    public var note: String?
    /// sha256 (hex) of an attached file.
    public var attachmentSHA256: String?
    /// The assessor who gathered the evidence or signed off.
    public var assessor: AssessorID?
    /// For a correction: the sequence of the entry it voids.
    public var corrects: Int64?
    /// For evidence carried over by a migration: the sequence of the original entry.
    public var derivedFrom: Int64?
    /// When it was recorded, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var recordedAt: String
    /// The hash (hex sha256) of the previous entry; 64 zeros for the first.
    public var previousHash: String
    /// The hash (hex sha256) of this entry's canonical encoding.
    public var hash: String
    /// For a sign-off: the assessor's Ed25519 signature (base64) over the canonical encoding; for
    /// an issue, the issuer's.
    public var signature: String?
    /// For the record kinds: which record, and what the entry says about it.
    public var record: RecordDetails?
    /// For the registry kinds: whom or what the entry is about, and the data registered.
    public var registry: RegistryDetails?

    /// Creates an entry; the ledger fills `sequence`, `recordedAt`, `previousHash` and `hash` when it appends it.
    public init(
        kind: Kind, trainee: TraineeID, curriculum: CurriculumRef, date: CalendarDate, unit: UnitCode? = nil,
        target: EvidenceTarget? = nil, method: EvidenceMethod? = nil, outcome: Outcome? = nil, site: String? = nil,
        minutes: Int? = nil, note: String? = nil, attachmentSHA256: String? = nil, assessor: AssessorID? = nil,
        corrects: Int64? = nil, derivedFrom: Int64? = nil, sequence: Int64 = 0, recordedAt: String = "", previousHash: String = "",
        hash: String = "", signature: String? = nil
    ) {
        self.sequence = sequence
        self.kind = kind
        self.trainee = trainee
        self.curriculum = curriculum
        self.unit = unit
        self.target = target
        self.method = method
        self.outcome = outcome
        self.date = date
        self.site = site
        self.minutes = minutes
        self.note = note
        self.attachmentSHA256 = attachmentSHA256
        self.assessor = assessor
        self.corrects = corrects
        self.derivedFrom = derivedFrom
        self.recordedAt = recordedAt
        self.previousHash = previousHash
        self.hash = hash
        self.signature = signature
    }

    /// The hash of the (absent) entry before the first one.
    public static let genesisHash = String(repeating: "0", count: 64)
}
