import Foundation
import VetaCurricula
import VetaProgress

/// A store that lets another writer go first: before each of its first `times` appends it runs
/// `interloper`, as a second process that checked at the same moment and wrote first would. Reads
/// and writes go to the real store underneath, so the rule is shown on the interleaving that
/// matters, every time, without depending on timing.
final class InterleavingStore: ProgressStore, @unchecked Sendable {
    let base: any ProgressStore
    private let interloper: @Sendable () async throws -> Void
    private let lock = NSLock()
    private var remaining: Int

    init(_ base: any ProgressStore, times: Int = 1, interloper: @escaping @Sendable () async throws -> Void) {
        self.base = base
        self.interloper = interloper
        remaining = times
    }

    private func takeTurn() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }

    func append(
        _ entries: [LedgerEntry], after end: Int64?, seal: @escaping @Sendable (inout LedgerEntry) throws -> Void
    ) async throws -> [LedgerEntry] {
        if takeTurn() { try await interloper() }
        return try await base.append(entries, after: end, seal: seal)
    }

    func publish(_ curriculum: PublishedCurriculum) async throws -> PublishOutcome { try await base.publish(curriculum) }
    func publishedCurriculum(_ ref: CurriculumRef) async throws -> PublishedCurriculum? { try await base.publishedCurriculum(ref) }
    func publishedCurricula() async throws -> [CurriculumRef] { try await base.publishedCurricula() }
    func moveCurriculum(
        _ ref: CurriculumRef, to status: CurriculumLifecycle.Status, successor: CurriculumRef?, on date: CalendarDate, reason: String?
    ) async throws { try await base.moveCurriculum(ref, to: status, successor: successor, on: date, reason: reason) }
    func add(_ organisation: Organisation) async throws { try await base.add(organisation) }
    func amend(_ trainee: Trainee, reason: String) async throws { try await base.amend(trainee, reason: reason) }
    func amend(_ organisation: Organisation, reason: String) async throws { try await base.amend(organisation, reason: reason) }
    func amend(_ assessor: Assessor, reason: String) async throws { try await base.amend(assessor, reason: reason) }
    func authorise(_ assessor: AssessorID, for unit: UnitCode, on date: CalendarDate, granted: Bool) async throws {
        try await base.authorise(assessor, for: unit, on: date, granted: granted)
    }
    func registry() async throws -> RegistryState { try await base.registry() }
    func registry(about assessor: AssessorID) async throws -> RegistryState { try await base.registry(about: assessor) }
    func projectionProblems() async throws -> [String] { try await base.projectionProblems() }
    func rebuildProjections(after end: Int64) async throws -> [String] { try await base.rebuildProjections(after: end) }
    func organisation(_ rfc: RFC) async throws -> Organisation? { try await base.organisation(rfc) }
    func add(_ trainee: Trainee) async throws { try await base.add(trainee) }
    func add(_ trainees: [Trainee]) async throws { try await base.add(trainees) }
    func trainee(_ id: TraineeID) async throws -> Trainee? { try await base.trainee(id) }
    func trainees() async throws -> [Trainee] { try await base.trainees() }
    func add(_ assessor: Assessor) async throws { try await base.add(assessor) }
    func assessor(_ id: AssessorID) async throws -> Assessor? { try await base.assessor(id) }
    func ledgerEnd() async throws -> Int64 { try await base.ledgerEnd() }
    func entries(for trainee: TraineeID) async throws -> [LedgerEntry] { try await base.entries(for: trainee) }
    func entries(in curriculum: CurriculumRef) async throws -> [LedgerEntry] { try await base.entries(in: curriculum) }
    func entries(ofKinds kinds: Set<LedgerEntry.Kind>) async throws -> [LedgerEntry] { try await base.entries(ofKinds: kinds) }
    func entries(from first: Int64, through last: Int64) async throws -> [Result<LedgerEntry, LedgerRowError>] {
        try await base.entries(from: first, through: last)
    }
    func allEntries() async throws -> [Result<LedgerEntry, LedgerRowError>] { try await base.allEntries() }
}

extension TestWorld {
    /// A second service on the same store file through a store instance of its own, as another process has.
    func otherProcess() throws -> ProgressService {
        ProgressService(store: try engine.open(storePath), validator: service.validator)
    }

    /// A service on the same store file whose appends let `interloper` write first.
    func losingRace(times: Int = 1, to interloper: @escaping @Sendable () async throws -> Void) throws -> ProgressService {
        ProgressService(
            store: InterleavingStore(try engine.open(storePath), times: times, interloper: interloper),
            validator: service.validator)
    }
}
