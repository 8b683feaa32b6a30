import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// `veta correct` with several entries follows exactly the rules of one entry: a correction of a
/// correction reinstates, an enrolment is not reinstated while enrolled again, records and registry
/// entries are refused, and an entry is corrected once. Both paths answer the same for every case.
@Suite struct BatchCorrectionRuleTests {
    enum Case: String, CaseIterable, Sendable {
        case evidence, reinstatement, reinstatingAnEnrolmentWhileEnrolledAgain, registry, alreadyCorrected, missing
    }

    /// A world and the entry the case names.
    static func setUp(_ kind: Case, engine: Engine) async throws -> (TestWorld, Int64) {
        let world = try await TestWorld.make(engine: engine)
        let evidence = try await world.service.record(world.evidence("RIIWHS201E", .element(1)))
        switch kind {
        case .evidence: return (world, evidence.sequence)
        case .reinstatement:
            return (world, try await world.service.correct(evidence.sequence, reason: "mistake", on: TestWorld.day("2026-02-02")).sequence)
        case .reinstatingAnEnrolmentWhileEnrolledAgain:
            return (world, try await AdministrationTests.voidedEnrolmentWhileEnrolledAgain(world))
        case .registry: return (world, 1)
        case .alreadyCorrected:
            _ = try await world.service.correct(evidence.sequence, reason: "mistake", on: TestWorld.day("2026-02-02"))
            return (world, evidence.sequence)
        case .missing: return (world, 9_999)
        }
    }

    /// What a path did: the entries it wrote, or that it was refused.
    static func outcome(_ body: () async throws -> [LedgerEntry]) async -> [Int64?]? {
        do {
            return try await body().map(\.corrects)
        } catch is Refusal {
            return nil
        } catch {
            Issue.record("not a refusal: \(error)")
            return nil
        }
    }

    @Test(arguments: Engine.all, Case.allCases)
    func severalEntriesFollowTheRulesOfOne(engine: Engine, _ kind: Case) async throws {
        let (single, target) = try await Self.setUp(kind, engine: engine)
        let (batch, sameTarget) = try await Self.setUp(kind, engine: engine)
        #expect(target == sameTarget)
        let one = await Self.outcome { [try await single.service.correct(target, reason: "r", on: TestWorld.day("2026-02-03"))] }
        let several = await Self.outcome { try await batch.service.correct([target], reason: "r", on: TestWorld.day("2026-02-03")) }
        #expect(one == several, "\(kind)")
        #expect((one != nil) == [.evidence, .reinstatement].contains(kind), "\(kind)")
        // Several at once: all written, or none.
        let other = try await batch.service.record(batch.evidence("RIIWHS201E", .element(2)))
        let before = try await batch.service.store.ledgerEnd()
        let both = await Self.outcome {
            try await batch.service.correct([other.sequence, target], reason: "r", on: TestWorld.day("2026-02-03"))
        }
        let after = try await batch.service.store.ledgerEnd()
        if one == nil { #expect(both == nil && after == before, "\(kind)") }
    }

    /// A reinstatement in a batch counts the batch's other corrections: voiding the enrolment in force
    /// and reinstating the earlier one together is allowed; reinstating two enrolments of one curriculum is not.
    @Test(arguments: Engine.all) func aReinstatementCountsTheOtherCorrectionsOfItsBatch(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let voidFirst = try await AdministrationTests.voidedEnrolmentWhileEnrolledAgain(world)
        let current = try #require(try await world.service.store.entries(ofKinds: [.enrolment]).last)
        let written = try await world.service.correct(
            [voidFirst, current.sequence], reason: "the first was right", on: TestWorld.day("2026-02-03"))
        #expect(written.count == 2)
        let state = try await world.service.enrolment(of: world.trainee, in: world.ref, asOf: .latest)
        #expect(state.isActive && state.enrolledOn == TestWorld.day("2026-01-05"))
        // Undo both reinstatement-wise: reinstating the second while the first is in force is refused.
        let secondCorrection = try #require(written.first { $0.corrects == current.sequence })
        await #expect(throws: Refusal.self) {
            try await world.service.correct([secondCorrection.sequence], reason: "no", on: TestWorld.day("2026-02-04"))
        }
    }
}
