import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// Schema 1.1 unit supersession in `veta migrate`: a curriculum that swaps RIIERR302D for RIIERR302E
/// carries the earlier unit's evidence over when the successor is equivalent, and names the successor
/// as needing reassessment when it is not.
@Suite struct UnitSwapMigrationTests {
    static let swapPath = TestWorld.packageRoot.appendingPathComponent("Examples/valid-unit-supersession.xml").path

    /// Publishes the swap example as it is, or (not equivalent) as version 2.0.0 with equivalent="no".
    private func publishSwap(_ world: TestWorld, equivalent: Bool) async throws -> CurriculumRef {
        var path = Self.swapPath
        if !equivalent {
            let text = try String(contentsOfFile: Self.swapPath, encoding: .utf8)
                .replacingOccurrences(of: "equivalent=\"yes\"", with: "equivalent=\"no\"")
                .replacingOccurrences(of: "code=\"EXWSAFE\" version=\"1.2.0\"", with: "code=\"EXWSAFE\" version=\"2.0.0\"")
            path = world.folder + "/swap-not-equivalent.xml"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let (result, _) = try await world.service.publish(fileAt: path)
        let curriculum = try result.curriculum.unwrap("the swap curriculum is valid: \(result.diagnostics)")
        return CurriculumRef(code: curriculum.code, version: curriculum.version)
    }

    @Test(arguments: Engine.all) func anEquivalentSuccessorTakesTheEarlierUnitsEvidence(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let newer = try await publishSwap(world, equivalent: true)
        let recorded = try await world.service.record(world.evidence("RIIERR302D", .unit, date: "2026-02-01"))
        let plan = try await world.service.migrate(from: world.ref, to: newer, on: TestWorld.day("2026-03-01"), dryRun: false)
        let trainee = try #require(plan.trainees.first)
        #expect(trainee.carriedOver.contains(recorded.sequence))
        #expect(trainee.reassess.isEmpty)
        let entries = try await world.service.store.entries(for: world.trainee)
        let copy = try #require(entries.first { $0.derivedFrom == recorded.sequence })
        #expect(copy.unit == UnitCode("RIIERR302E") && copy.curriculum == newer && copy.target == .unit)
    }

    @Test(arguments: Engine.all) func aSuccessorThatIsNotEquivalentIsNamedForReassessment(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let newer = try await publishSwap(world, equivalent: false)
        let recorded = try await world.service.record(world.evidence("RIIERR302D", .unit, date: "2026-02-01"))
        let plan = try await world.service.migrate(from: world.ref, to: newer, on: TestWorld.day("2026-03-01"), dryRun: true)
        let trainee = try #require(plan.trainees.first)
        #expect(trainee.notCarried.contains(recorded.sequence))
        #expect(trainee.reassess == ["RIIERR302E supersedes RIIERR302D, not equivalent: reassess"])
        #expect(trainee.toAssess.contains { $0.hasPrefix("RIIERR302E:") })
    }
}
