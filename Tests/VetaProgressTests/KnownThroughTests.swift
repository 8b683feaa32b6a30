import Foundation
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// What the store knew when an entry was appended is the log before it, by position: entries
/// recorded in the same second (one-second recording times) are told apart exactly.
@Suite struct KnownThroughTests {
    @Test(arguments: Engine.all) func aCutByPositionSeesExactlyTheEntriesUpToItWhateverTheirSecond(engine: Engine) async throws {
        await propertyCheck(count: 10, input: Gen.int(in: 1...12)) { count in
            do {
                let world = try await TestWorld.make(engine: engine)
                let clock = ManualClock()  // never moves: every entry below is recorded in one second
                let service = ProgressService(
                    store: try engine.open(world.storePath, clock: { clock.now() }), validator: world.service.validator)
                for index in 0..<count {
                    var entry = world.evidence("RIIWHS201E", .element(1 + index % 2), date: "2026-02-01")
                    entry.date = TestWorld.day("2026-01-05").adding(days: index)
                    _ = try await service.record(entry)
                }
                let all = try await service.store.allEntries().map { try $0.get() }
                for cut in all.map(\.sequence) {
                    let view = KnownAtStore(service.store, through: cut, at: all[0].recordedAt)
                    #expect(try await view.allEntries().map { try $0.get().sequence } == all.map(\.sequence).filter { $0 <= cut })
                    #expect(try await view.entries(for: world.trainee).allSatisfy { $0.sequence <= cut })
                    #expect(try await view.ledgerEnd() == cut)
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
