import Foundation
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// A clock the test moves by hand: the instants entries are recorded at.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant = Date(timeIntervalSince1970: 1_795_000_000)

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }

    func advance(seconds: Int) {
        lock.lock()
        defer { lock.unlock() }
        instant += TimeInterval(seconds)
    }
}

/// `--known-at T` answers "what did the store know at T": on random histories (evidence, corrections
/// and withdrawals recorded at random instants, refused steps included), no read through
/// ``KnownAtStore`` ever sees an entry recorded after T, and it sees every entry recorded by T.
@Suite struct KnownAtPropertyTests {
    static let units = ["RIIWHS201E", "RIIERR302D"]

    /// Applies step `code` of a random history after `gap` seconds; a refused step changes nothing.
    static func step(_ code: Int, gap: Int, world: TestWorld, service: ProgressService, clock: ManualClock) async throws {
        clock.advance(seconds: gap)
        let k = code / 10
        do {
            switch code % 10 {
            case 0...5:
                let targets: [EvidenceTarget] = [.element(1), .element(2), .knowledge("K1"), .knowledge("K2")]
                var entry = world.evidence(Self.units[k % 2], targets[k % 4], date: "2026-02-01")
                entry.date = TestWorld.day("2026-01-05").adding(days: k % 60)
                _ = try await service.record(entry)
            case 6, 7:
                let end = try await service.store.ledgerEnd()
                _ = try await service.correct(Int64(1 + k % Int(max(end, 1))), reason: "error \(k)", on: TestWorld.day("2026-03-01"))
            case 8: _ = try await service.withdraw(world.trainee, from: world.ref, on: TestWorld.day("2026-03-02"), reason: "left")
            default: _ = try await service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-03-03"))
            }
        } catch is Refusal {
        } catch is StoreError {
        }
    }

    @Test(arguments: Engine.all) func knownAtNeverSeesALaterEntryAndSeesEveryEarlierOne(engine: Engine) async throws {
        // Each step: its kind (the last two digits) and the seconds before it (the rest, up to an hour).
        await propertyCheck(count: 25, input: Gen.int(in: 0...360_099).array(of: 1...30), Gen.int(in: 0...100)) { history, cut in
            do {
                let world = try await TestWorld.make(engine: engine)
                let clock = ManualClock()
                let service = ProgressService(
                    store: try engine.open(world.storePath, clock: { clock.now() }), validator: world.service.validator)
                for step in history { try await Self.step(step % 100, gap: step / 100, world: world, service: service, clock: clock) }
                let all = try await service.store.allEntries().map { try $0.get() }
                // T anywhere from before the first entry to after the last, often exactly on an entry's instant.
                let instants = all.compactMap { Instant.parse($0.recordedAt) }
                let first = try instants.min().unwrap("entries")
                let last = try instants.max().unwrap("entries")
                let t = first.addingTimeInterval(-60 + (last.timeIntervalSince(first) + 120) * Double(cut) / 100)
                let knownAt = cut % 3 == 0 ? instants[cut % instants.count] : Date(timeIntervalSince1970: t.timeIntervalSince1970.rounded())
                let view = KnownAtStore(service.store, knownAt: knownAt)
                let limit = Instant.utcText(knownAt)
                let expected = all.filter { $0.recordedAt <= limit }.map(\.sequence)
                let seen = try await view.allEntries().map { try $0.get() }
                #expect(seen.allSatisfy { $0.recordedAt <= limit }, "history \(history), T \(limit)")
                #expect(seen.map(\.sequence) == expected, "history \(history), T \(limit)")
                let own = try await view.entries(for: world.trainee)
                #expect(
                    own.allSatisfy { $0.recordedAt <= limit }
                        && own.count == all.filter { $0.trainee == world.trainee && $0.recordedAt <= limit }.count)
                #expect(try await view.entries(in: world.ref).allSatisfy { $0.recordedAt <= limit })
                #expect(try await view.entries(ofKinds: [.evidence, .correction]).allSatisfy { $0.recordedAt <= limit })
                #expect(try await view.ledgerEnd() == expected.last ?? 0)
                // A status through the view is the engine's status on those entries alone.
                let through = try await ProgressService(store: view, validator: service.validator)
                    .status(of: world.trainee, asOf: TestWorld.day("2026-12-31"))
                let curriculum = try await service.curriculum(world.ref)
                let direct = CompetencyEngine.status(
                    of: world.trainee, in: curriculum, ref: world.ref, entries: own, asOf: TestWorld.day("2026-12-31"))
                // A status is reported for a curriculum the trainee is enrolled in (as far as the view knows).
                let statusThrough = through.first { $0.curriculum == world.ref }
                if own.contains(where: { $0.kind == .enrolment && $0.curriculum == world.ref }) || statusThrough != nil {
                    #expect(statusThrough?.units == direct.units, "history \(history)")
                }
                // Writing through the view is refused.
                await #expect(throws: Refusal.self) { try await view.append([world.evidence("RIIWHS201E", .element(1))]) { _ in } }
            } catch {
                Issue.record("history \(history): \(error)")
            }
        }
    }
}
