public import Foundation
public import VetaCurricula

/// The store as it stood at an instant: every read sees only the entries recorded up to `knownAt`
/// (their `recordedAt` is at or before it), so a report over it answers "what did the store know at
/// T" (`--known-at T`); `--as-of D` then answers "what was true on D" by the entries' own dates.
///
/// It reads only: every write is refused. No entry recorded after `knownAt` (an enrolment,
/// evidence, a sign-off, a correction, a record, a registration or an amendment) is seen: a
/// trainee's, an organisation's or an assessor's name and CURP are those the store knew then
/// (``RegistryState/trainee(_:)``), not as amended since. Published curricula are read as the
/// store holds them now (a version's bytes never change once published).
public struct KnownAtStore: ProgressStore {
    /// The store underneath.
    public let base: any ProgressStore
    /// The instant, as stored instants are written (`YYYY-MM-DDTHH:MM:SSZ`, UTC).
    public let knownAt: String
    /// The last log position known, when the cut is by position (``init(_:through:at:)``), not by time.
    public let through: Int64?

    /// The store `base` as it stood at `instant`.
    public init(_ base: any ProgressStore, knownAt instant: Date) {
        self.base = base
        knownAt = Instant.utcText(instant)
        through = nil
    }

    /// The store `base` as it stood when entry `sequence + 1` was appended: the entries before it in
    /// the chain, exactly (recording times have one-second resolution, log positions do not).
    /// `instant` is that entry's recording time, for messages.
    public init(_ base: any ProgressStore, through sequence: Int64, at instant: String) {
        self.base = base
        knownAt = instant
        through = sequence
    }

    /// Whether the store had recorded `entry` by ``knownAt`` (instants in one form compare as text),
    /// or, with ``through``, whether it comes at or before that position in the log.
    public func knew(_ entry: LedgerEntry) -> Bool {
        if let through { return entry.sequence <= through }
        return entry.recordedAt <= knownAt
    }

    private func refuse() -> Refusal {
        Refusal("the store as known at \(knownAt) is read-only: leave out --known-at to change it")
    }

    public func publish(_ curriculum: PublishedCurriculum) async throws -> PublishOutcome { throw refuse() }
    public func publishedCurriculum(_ ref: CurriculumRef) async throws -> PublishedCurriculum? {
        try await base.publishedCurriculum(ref)
    }
    public func publishedCurricula() async throws -> [CurriculumRef] { try await base.publishedCurricula() }
    public func moveCurriculum(
        _ ref: CurriculumRef, to status: CurriculumLifecycle.Status, successor: CurriculumRef?, on date: CalendarDate, reason: String?
    ) async throws { throw refuse() }
    public func add(_ organisation: Organisation) async throws { throw refuse() }
    public func organisation(_ rfc: RFC) async throws -> Organisation? {
        try await known([.organisation, .amendment], about: rfc.rawValue).organisation(rfc)
    }
    public func add(_ trainee: Trainee) async throws { throw refuse() }
    public func add(_ trainees: [Trainee]) async throws { throw refuse() }
    public func trainee(_ id: TraineeID) async throws -> Trainee? {
        try await known([.trainee, .amendment], about: id.rawValue).trainee(id)
    }
    public func trainees() async throws -> [Trainee] {
        RegistryState(try await entries(ofKinds: [.trainee, .amendment])).allTrainees()
    }
    public func add(_ assessor: Assessor) async throws { throw refuse() }
    public func assessor(_ id: AssessorID) async throws -> Assessor? { try await registry(about: id).assessor(id) }
    public func amend(_ trainee: Trainee, reason: String) async throws { throw refuse() }
    public func amend(_ organisation: Organisation, reason: String) async throws { throw refuse() }
    public func amend(_ assessor: Assessor, reason: String) async throws { throw refuse() }
    public func authorise(_ assessor: AssessorID, for unit: UnitCode, on date: CalendarDate, granted: Bool) async throws {
        throw refuse()
    }
    public func setting(_ name: StoreSetting) async throws -> String? {
        try await entries(ofKinds: [.setting]).last { $0.registry?.subject == name.rawValue }?.registry?.fields["value"]
    }
    public func set(_ name: StoreSetting, to value: String, reason: String?, on date: CalendarDate) async throws { throw refuse() }

    /// The registry the entries known at ``knownAt`` build.
    public func registry() async throws -> RegistryState {
        RegistryState(try await entries(ofKinds: Set(LedgerEntry.Kind.allCases.filter(\.isRegistry))))
    }
    /// The registry the known entries of `kinds` about `subject` build.
    private func known(_ kinds: Set<LedgerEntry.Kind>, about subject: String) async throws -> RegistryState {
        RegistryState(try await entries(ofKinds: kinds).filter { $0.registry?.subject == subject })
    }
    public func registry(about assessor: AssessorID) async throws -> RegistryState {
        RegistryState(
            try await entries(ofKinds: [.assessor, .authorisation, .deauthorisation, .amendment]).filter {
                $0.registry?.subject == assessor.rawValue
            })
    }
    public func projectionProblems() async throws -> [String] { try await base.projectionProblems() }
    public func rebuildProjections(after end: Int64) async throws -> [String] { throw refuse() }

    public func append(
        _ entries: [LedgerEntry], after end: Int64?, seal: @escaping @Sendable (inout LedgerEntry) throws -> Void
    ) async throws -> [LedgerEntry] { throw refuse() }

    /// The sequence of the last entry recorded by ``knownAt``, 0 when there is none.
    public func ledgerEnd() async throws -> Int64 {
        if let through { return min(through, try await base.ledgerEnd()) }
        return try await allEntries().last { (try? $0.get()) != nil }.flatMap { try? $0.get().sequence } ?? 0
    }
    public func entries(for trainee: TraineeID) async throws -> [LedgerEntry] { try await base.entries(for: trainee).filter(knew) }
    public func entries(in curriculum: CurriculumRef) async throws -> [LedgerEntry] {
        try await base.entries(in: curriculum).filter(knew)
    }
    public func entries(ofKinds kinds: Set<LedgerEntry.Kind>) async throws -> [LedgerEntry] {
        try await base.entries(ofKinds: kinds).filter(knew)
    }
    public func entries(from first: Int64, through last: Int64) async throws -> [Result<LedgerEntry, LedgerRowError>] {
        try await base.entries(from: first, through: last).filter(knewOrUnreadable)
    }
    public func allEntries() async throws -> [Result<LedgerEntry, LedgerRowError>] {
        try await base.allEntries().filter(knewOrUnreadable)
    }

    /// Rows that are not entries stay in view (what is wrong with them is reported, not hidden).
    private func knewOrUnreadable(_ result: Result<LedgerEntry, LedgerRowError>) -> Bool {
        guard case .success(let entry) = result else { return true }
        return knew(entry)
    }
}
