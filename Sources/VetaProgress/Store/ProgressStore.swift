public import VetaCurricula

/// Where trainee progress lives. The embedded default is ``SQLiteProgressStore``; a PostgreSQL
/// store for multi-site use will implement the same protocol with the same (portable) tables.
///
/// Ledger entries are only ever appended; no method changes or removes one.
public protocol ProgressStore: Sendable {
    /// Stores a curriculum's exact XML bytes under its code and version. Publishing the same
    /// bytes again is a no-op; different bytes under a published code and version are refused.
    func publish(_ curriculum: PublishedCurriculum) async throws -> PublishOutcome
    /// The published curriculum with this code and version.
    func publishedCurriculum(_ ref: CurriculumRef) async throws -> PublishedCurriculum?
    /// Every published code and version, in order.
    func publishedCurricula() async throws -> [CurriculumRef]

    /// Moves a published curriculum version to superseded (by `successor`) or withdrawn, with a
    /// ``LedgerEntry/Kind/lifecycle`` entry and its projection in one transaction (``CurriculumLifecycle``).
    func moveCurriculum(
        _ ref: CurriculumRef, to status: CurriculumLifecycle.Status, successor: CurriculumRef?, on date: CalendarDate, reason: String?
    ) async throws

    /// Adds an organisation; its RFC must be new. Its name and sites are cleaned by ``Organisation/validated()``.
    func add(_ organisation: Organisation) async throws
    /// The organisation with this RFC.
    func organisation(_ rfc: RFC) async throws -> Organisation?
    /// Adds a trainee; the id and CURP must be new and the employer known. Text is cleaned by
    /// ``Trainee/validated()`` (a ``Refusal`` when it cannot be).
    func add(_ trainee: Trainee) async throws
    /// Adds trainees all together or none.
    func add(_ trainees: [Trainee]) async throws
    /// The trainee with this id.
    func trainee(_ id: TraineeID) async throws -> Trainee?
    /// Every trainee, by id.
    func trainees() async throws -> [Trainee]
    /// Adds an assessor; the id must be new. Text is cleaned by ``Assessor/validated()``.
    func add(_ assessor: Assessor) async throws
    /// The assessor with this id.
    func assessor(_ id: AssessorID) async throws -> Assessor?

    /// Amends a registered trainee's data (the id stays), saying why: the table row changes and an
    /// ``LedgerEntry/Kind/amendment`` entry is appended in one transaction; earlier entries keep the history.
    func amend(_ trainee: Trainee, reason: String) async throws
    /// Amends a registered organisation's name or adds sites, saying why (as ``amend(_:reason:)-(Trainee,_)``).
    func amend(_ organisation: Organisation, reason: String) async throws
    /// Amends a registered assessor's name, accreditation or public key, saying why (the units are
    /// authorisations: ``authorise(_:for:on:granted:)``).
    func amend(_ assessor: Assessor, reason: String) async throws
    /// Authorises an assessor for a unit from `date` on (`granted`), or withdraws the authorisation from `date` on.
    func authorise(_ assessor: AssessorID, for unit: UnitCode, on date: CalendarDate, granted: Bool) async throws
    /// Who and what the log registers (the state every registry table is a projection of).
    func registry() async throws -> RegistryState
    /// What the log registers about one assessor (its registration, amendments and authorisations):
    /// enough to answer ``RegistryState/isAuthorised(_:for:on:)`` without reading every registration.
    func registry(about assessor: AssessorID) async throws -> RegistryState
    /// The value of store setting `name` (``StoreSetting``) as the newest setting entry of the log left it, or `nil`.
    func setting(_ name: StoreSetting) async throws -> String?
    /// Appends a ``LedgerEntry/Kind/setting`` entry setting `name` to `value` (already checked by the
    /// caller), dated `date`, with an optional reason. Settings have no table: they are read from the log.
    func set(_ name: StoreSetting, to value: String, reason: String?, on date: CalendarDate) async throws
    /// Where the registry's tables differ from what the log registers, each naming the table and key.
    func projectionProblems() async throws -> [String]
    /// Rebuilds the registry's tables from the log in one write transaction, if the log still ends
    /// at `end` (the one that was verified); returns what differed before.
    func rebuildProjections(after end: Int64) async throws -> [String]

    /// Appends entries in one transaction, chaining their hashes; `seal` is called for each entry
    /// once its sequence, time and previous hash are fixed, and may sign it or refuse it.
    /// Each entry's site and note are first cleaned by ``LedgerEntry/validated()``; an entry whose
    /// trainee or assessor id is not already clean (it would have been checked under another id) or
    /// whose text cannot be cleaned is a ``Refusal``, and nothing is appended. Returns the entries as stored.
    ///
    /// With `end`, the entries are appended only if the ledger still ends at that sequence when the
    /// write transaction starts (``StoreError/Kind/changed`` otherwise), so a caller that checked
    /// entries against the ledger as it was at `end` (``ledgerEnd()``) appends nothing the check did
    /// not see: the check holds inside the write.
    func append(
        _ entries: [LedgerEntry], after end: Int64?, seal: @escaping @Sendable (inout LedgerEntry) throws -> Void
    ) async throws -> [LedgerEntry]
    /// Appends a `veta sync import` receipt and its copies in one write transaction, if the ledger
    /// still ends at `end` (``SyncWrite``; a store that cannot refuses, see ``ProgressStore/receive(_:after:)``).
    func receive(_ write: SyncWrite, after end: Int64) async throws -> [LedgerEntry]
    /// The sequence of the last entry in the ledger, 0 when it is empty.
    func ledgerEnd() async throws -> Int64
    /// The entries about one trainee, in sequence order; a ``Refusal`` when one of them, or its link
    /// to the entries before and after it, does not verify.
    func entries(for trainee: TraineeID) async throws -> [LedgerEntry]
    /// The entries about one curriculum version, in sequence order; a ``Refusal`` when one of them,
    /// or its link to the entries before and after it, does not verify.
    func entries(in curriculum: CurriculumRef) async throws -> [LedgerEntry]
    /// The entries of these kinds, in sequence order.
    func entries(ofKinds kinds: Set<LedgerEntry.Kind>) async throws -> [LedgerEntry]
    /// The registry entries of these kinds about `subject` (a trainee, organisation, assessor...), in
    /// sequence order: through the subject index where the store has one (``RegistrySubject``).
    func entries(ofKinds kinds: Set<LedgerEntry.Kind>, about subject: String) async throws -> [LedgerEntry]
    /// The entries from sequence `first` through `last`, in sequence order, with the rows that could not be read as entries.
    func entries(from first: Int64, through last: Int64) async throws -> [Result<LedgerEntry, LedgerRowError>]
    /// Every entry, in sequence order, with the rows that could not be read as entries.
    func allEntries() async throws -> [Result<LedgerEntry, LedgerRowError>]
    /// Hands every entry (of `kinds`, or of every kind when `nil`), in sequence order (with the rows
    /// that could not be read as entries), to `body` one at a time as it is read, threading `state`
    /// through; what `body` does not keep is not kept, so memory stays flat however long the ledger is.
    func scanEntries<State: Sendable>(
        ofKinds kinds: Set<LedgerEntry.Kind>?, into state: State,
        _ body: @escaping @Sendable (inout State, Result<LedgerEntry, LedgerRowError>) throws -> Void
    ) async throws -> State
}

extension ProgressStore {
    /// The entries of `kinds` about `subject`, from every entry of those kinds (a store without a subject index).
    public func entries(ofKinds kinds: Set<LedgerEntry.Kind>, about subject: String) async throws -> [LedgerEntry] {
        try await entries(ofKinds: kinds).filter { $0.registry?.subject == subject }
    }

    /// Appends entries in one transaction, whatever the ledger holds (see ``append(_:after:seal:)``).
    public func append(
        _ entries: [LedgerEntry], seal: @escaping @Sendable (inout LedgerEntry) throws -> Void
    ) async throws -> [LedgerEntry] {
        try await append(entries, after: nil, seal: seal)
    }
}

/// A curriculum as published: its exact bytes and their sha256.
public struct PublishedCurriculum: Hashable, Sendable {
    /// Code and version.
    public let ref: CurriculumRef
    /// The exact XML bytes.
    public let xml: [UInt8]
    /// Lowercase hex sha256 of `xml`.
    public let sha256: String
    /// The earlier version the curriculum declares it supersedes (`<supersedes>`): publishing moves
    /// it to superseded in the same transaction.
    public var supersedes: CurriculumRef?

    /// Creates a published curriculum from its bytes.
    public init(ref: CurriculumRef, xml: [UInt8]) {
        self.ref = ref
        self.xml = xml
        sha256 = SHA256Hex.of(xml)
    }
}

/// What publishing did.
public enum PublishOutcome: Hashable, Sendable {
    /// The version is now published.
    case published
    /// The same bytes were already published under this code and version.
    case alreadyPublished
}

/// A stored ledger row that is not a valid entry (a sign the store was changed outside Veta).
public struct LedgerRowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The row's sequence.
    public let sequence: Int64
    /// What is wrong with it.
    public let reason: String

    public var description: String { "entry \(sequence): \(reason)" }
}

/// A request the store refused or could not carry out.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the store refused.
    public enum Kind: Hashable, Sendable {
        /// The request conflicts with what is stored (a duplicate id, different bytes for a published version).
        case conflict
        /// Something the request names does not exist.
        case notFound
        /// The database could not be opened, read or written.
        case storage
        /// The store changed after the caller read it and before it wrote (another process wrote
        /// first); check again against the store as it is now.
        case changed
    }

    /// Why.
    public let kind: Kind
    /// What happened, without SQL arguments or secrets.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
