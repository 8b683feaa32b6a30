import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// The supervisor's operations check everything before writing, and refuse with reasons.
@Suite struct ServiceTests {
    @Test(arguments: Engine.all) func evidenceForATraineeNotEnrolledIsRefused(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        await #expect(throws: Refusal.self) { try await world.service.record(world.evidence("RIIWHS201E", .criterion("1.1"))) }
        #expect(try await world.service.store.entries(for: world.trainee).isEmpty)
    }

    @Test(arguments: Engine.all) func evidenceByAnAssessorNotAuthorisedForTheUnitIsRefusedWithTheReason(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.service.store.add(
            Assessor(
                id: AssessorID("A02"), name: "Otro", accreditation: "EV-2", units: [UnitCode("RIIERR302D")],
                publicKey: SigningKey().publicKey.base64URL))
        var entry = world.evidence("RIIWHS201E", .criterion("1.1"))
        entry.assessor = AssessorID("A02")
        do {
            _ = try await world.service.record(entry)
            Issue.record("an unauthorised assessor's evidence was accepted")
        } catch let refusal as Refusal {
            #expect(refusal.reasons.contains { $0.contains("A02 is not authorised to assess RIIWHS201E") })
        }
    }

    @Test(
        arguments: Engine.all,
        [
            EvidenceTarget.criterion("9.9"), .element(7), .knowledge("K42"),
        ])
    func evidenceAgainstSomethingTheUnitDoesNotHaveIsRefused(engine: Engine, _ target: EvidenceTarget) async throws {
        let world = try await TestWorld.make(engine: engine)
        await #expect(throws: Refusal.self) { try await world.service.record(world.evidence("RIIWHS201E", target)) }
    }

    @Test(arguments: Engine.all) func signOffIsRefusedUntilTheEvidenceIsComplete(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        _ = try await world.service.record(world.evidence("RIIWHS201E", .element(1)))
        do {
            _ = try await world.service.signOff(
                world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"),
                key: world.key)
            Issue.record("an incomplete unit was signed off")
        } catch let refusal as Refusal {
            #expect(!refusal.reasons.isEmpty)
        }
        try await world.completeSafetyUnit()
        let entry = try await world.service.signOff(
            world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"), key: world.key)
        #expect(entry.kind == .signOff)
        let signature = try #require(entry.signature.flatMap(Base64URL.decode))
        #expect(world.key.publicKey.isValidSignature(signature, for: LedgerCanonicalEncoding.bytes(of: entry)))
    }

    @Test(arguments: Engine.all) func signOffWithAKeyThatIsNotTheAssessorsIsRefused(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        do {
            _ = try await world.service.signOff(
                world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"),
                key: SigningKey())
            Issue.record("a sign-off with a stranger's key was accepted")
        } catch let refusal as Refusal {
            #expect(refusal.reasons.contains { $0.contains("not the one registered") })
        }
    }

    @Test(arguments: Engine.all) func correctionVoidsAnEntryOnceAndACorrectionOfItReinstatesIt(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let wrong = try await world.service.record(world.evidence("RIIWHS201E", .element(1)))
        let correction = try await world.service.correct(wrong.sequence, reason: "wrong trainee", on: TestWorld.day("2026-02-02"))
        #expect(correction.corrects == wrong.sequence)
        await #expect(throws: Refusal.self) {
            try await world.service.correct(wrong.sequence, reason: "again", on: TestWorld.day("2026-02-02"))
        }
        let status = try #require(try await world.service.status(of: world.trainee, asOf: TestWorld.day("2026-03-01")).first)
        #expect(status.units.first { $0.unit == UnitCode("RIIWHS201E") }?.criteriaCovered == 0)
        let reinstatement = try await world.service.correct(
            correction.sequence, reason: "the trainee was right", on: TestWorld.day("2026-02-03"))
        #expect(reinstatement.corrects == correction.sequence)
        let reinstated = try #require(try await world.service.status(of: world.trainee, asOf: TestWorld.day("2026-03-01")).first)
        #expect(reinstated.units.first { $0.unit == UnitCode("RIIWHS201E") }?.criteriaCovered ?? 0 > 0)
    }

    @Test(arguments: Engine.all) func publishingDifferentBytesUnderAPublishedVersionIsRefused(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let changed = try String(contentsOfFile: TestWorld.examplePath, encoding: .utf8)
            .replacingOccurrences(of: "Veta examples", with: "Veta examples, edited")
        let path = world.folder + "/changed.xml"
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try await world.service.publish(fileAt: path)
            Issue.record("different bytes were published under the same version")
        } catch let error as StoreError {
            #expect(error.kind == .conflict)
            #expect(error.message.contains("immutable"))
        }
        let (_, again) = try await world.service.publish(fileAt: TestWorld.examplePath)
        #expect(again == .alreadyPublished)
    }

    @Test(arguments: Engine.all) func aFileWithErrorsIsNotPublished(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let invalid = TestWorld.packageRoot.appendingPathComponent("Examples/VETA-R001-duplicate-unit-code.xml").path
        let (result, outcome) = try await world.service.publish(fileAt: invalid)
        #expect(result.hasErrors)
        #expect(outcome == nil)
        #expect(try await world.service.store.publishedCurricula() == [world.ref])
    }
}
