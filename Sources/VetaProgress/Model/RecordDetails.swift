/// What a record entry (``LedgerEntry/Kind/issue``, ``LedgerEntry/Kind/revocation``,
/// ``LedgerEntry/Kind/supersession``) says about an issued completion record.
///
/// The trainee, curriculum and unit of the record are the entry's own; the artifact's sha256 is the
/// entry's ``LedgerEntry/attachmentSHA256`` and a revocation's reason its ``LedgerEntry/note``.
/// Every field is part of the canonical encoding (``LedgerCanonicalEncoding``).
public struct RecordDetails: Hashable, Sendable, Codable {
    /// The record's serial, e.g. `VETA-2026-000042`.
    public var serial: String
    /// For an issue: the artifact's format (`ob3`, `dc3`).
    public var format: String?
    /// For an issue: the issuer's id (URL).
    public var issuer: String?
    /// For an issue: the completion date the record states.
    public var validFrom: CalendarDate?
    /// For an issue: the record's expiry, when it has one.
    public var validUntil: CalendarDate?
    /// For an issue: the serial of the record it replaces.
    public var supersedes: String?
    /// For a supersession: the serials of the replacing records, separated by spaces.
    public var supersededBy: String?
    /// For an issue: the log's size (its last sequence) when the record was issued.
    public var checkpointSize: Int64?
    /// For an issue: the hash of that last entry (64 zeros for an empty log).
    public var checkpointHash: String?
    /// Only for an issue migrated from the registry that preceded the log: when it was issued then.
    /// Such an entry has no issuer signature (see the README's ledger section).
    public var issuedAt: String?

    /// Creates the details; unused fields stay `nil`.
    public init(
        serial: String, format: String? = nil, issuer: String? = nil, validFrom: CalendarDate? = nil, validUntil: CalendarDate? = nil,
        supersedes: String? = nil, supersededBy: String? = nil, checkpointSize: Int64? = nil, checkpointHash: String? = nil,
        issuedAt: String? = nil
    ) {
        self.serial = serial
        self.format = format
        self.issuer = issuer
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.supersedes = supersedes
        self.supersededBy = supersededBy
        self.checkpointSize = checkpointSize
        self.checkpointHash = checkpointHash
        self.issuedAt = issuedAt
    }

    /// Whether this issue entry was migrated from the registry that preceded the log (and so is unsigned).
    public var isMigrated: Bool { issuedAt != nil }
}
