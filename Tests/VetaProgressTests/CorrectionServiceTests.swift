import Foundation
import Testing
import VetaCurricula
import VetaProgress

/// The rules of corrections as the service enforces them, inside the write.
@Suite struct CorrectionServiceTests {
    static let unit = UnitCode("RIIWHS201E")

    @Test(arguments: Engine.all) func afterVoidingAnEnrolmentTheTraineeCanBeEnrolledAgainAndRecorded(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let enrolment = try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-01-05"))
        _ = try await world.service.correct(enrolment.sequence, reason: "wrong curriculum date", on: TestWorld.day("2026-01-06"))
        _ = try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-01-06"))
        let recorded = try await world.service.record(world.evidence(Self.unit.rawValue, .element(1), date: "2026-02-01"))
        #expect(recorded.kind == .evidence)
    }

    @Test(arguments: Engine.all) func reinstatingAnEnrolmentWhileEnrolledAgainIsRefused(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let enrolment = try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-01-05"))
        let correction = try await world.service.correct(enrolment.sequence, reason: "mistake", on: TestWorld.day("2026-01-06"))
        _ = try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-01-06"))
        do {
            _ = try await world.service.correct(correction.sequence, reason: "it was right", on: TestWorld.day("2026-01-07"))
            Issue.record("an enrolment was reinstated while the trainee was enrolled again")
        } catch let refusal as Refusal {
            #expect(refusal.summary.contains("enrol \(world.trainee) twice"))
        }
    }

    @Test(arguments: Engine.all) func aUnitSignedOffCannotBeSignedOffAgain(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        _ = try await world.service.signOff(
            world.trainee, unit: Self.unit, in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"), key: world.key)
        do {
            _ = try await world.service.signOff(
                world.trainee, unit: Self.unit, in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-06"), key: world.key)
            Issue.record("a unit signed off and not expired was signed off again")
        } catch let refusal as Refusal {
            #expect(refusal.reasons.contains { $0.contains("already signed off on 2026-02-05") })
        }
    }

    @Test(arguments: Engine.all) func entriesDatedAfterTodayAreRefused(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let tomorrow = try await world.service.today().adding(days: 1)
        await #expect(throws: Refusal.self) { try await world.service.enrol(world.trainee, in: world.ref, on: tomorrow) }
        _ = try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-01-05"))
        var evidence = world.evidence(Self.unit.rawValue, .element(1))
        evidence.date = tomorrow
        do {
            _ = try await world.service.record(evidence)
            Issue.record("evidence dated after today was recorded")
        } catch let refusal as Refusal {
            #expect(refusal.reasons.contains { $0.contains("after today") })
        }
        try await world.completeSafetyUnit()
        do {
            _ = try await world.service.signOff(
                world.trainee, unit: Self.unit, in: world.ref, by: world.assessor, on: tomorrow, key: world.key)
            Issue.record("a sign-off dated after today was stored")
        } catch let refusal as Refusal {
            #expect(refusal.reasons.contains { $0.contains("after today") })
        }
    }
}
