import Foundation
import Testing
import VetaCurricula
import VetaProgress

/// Schema 1.1 performance requirements: each requirement needs its own occasions, from evidence naming
/// it; a unit with one requirement (the 1.0 form) counts every performance occasion as before.
@Suite struct EnginePerformanceRequirementTests {
    /// `U1` of ``EngineFixture/oneUnit(occasions:recertificationMonths:)`` with its performance evidence
    /// turned into a heading with the given requirements (id, occasions).
    private func curriculum(_ requirements: [(String, Int)]) throws -> Curriculum {
        var xml = EngineCurriculumXML(
            units: [.init(code: "U1", elements: [(1, ["1.1", "1.2"]), (2, ["2.1"])], occasions: 1, knowledgeIDs: ["K1", "K2"])]
        ).text
        let plain = "<performanceEvidence occasions=\"1\"><es>Evidencia</es><en>Evidence</en></performanceEvidence>"
        #expect(xml.contains(plain))
        let listed = requirements.map {
            "<requirement id=\"\($0.0)\" occasions=\"\($0.1)\"><es>Hacer \($0.0)</es><en>Do \($0.0)</en></requirement>"
        }
        xml = xml.replacingOccurrences(
            of: plain,
            with:
                "<performanceEvidence><es>Evidencia, incluyendo:</es><en>Evidence, including:</en>\(listed.joined())</performanceEvidence>")
        let result = EngineFixture.validator.validate(Array(xml.utf8), path: "t.xml")
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return try #require(result.curriculum)
    }

    /// Everything but performance: both elements and both knowledge items, on one day.
    private func coverCriteriaAndKnowledge(_ ledger: inout EngineLedger) {
        ledger.evidence("U1", .element(1), on: "2025-03-01", method: .writtenTest)
        ledger.evidence("U1", .element(2), on: "2025-03-01", method: .writtenTest)
        ledger.evidence("U1", .knowledge("K1"), on: "2025-03-01", method: .writtenTest)
        ledger.evidence("U1", .knowledge("K2"), on: "2025-03-01", method: .writtenTest)
    }

    @Test func theUnitIsCompleteOnlyWhenEveryRequirementHasItsOccasions() throws {
        let curriculum = try curriculum([("P1", 2), ("P2", 1)])
        #expect(curriculum.units[0].occasionRequirements.map(\.occasions) == [2, 1])
        var ledger = EngineLedger(curriculum)
        coverCriteriaAndKnowledge(&ledger)
        ledger.evidence("U1", .performance("P1"), on: "2025-03-02")
        ledger.evidence("U1", .performance("P1"), on: "2025-03-03")
        var unit = try ledger.unit("U1", in: curriculum, asOf: "2025-03-04")
        #expect(unit.occasions == 2 && unit.occasionsRequired == 3)
        #expect(unit.missing == ["performance requirement P2: 1 more occasion on a different date"])
        #expect(unit.state != .evidenceComplete)
        ledger.evidence("U1", .performance("P2"), on: "2025-03-04")
        unit = try ledger.unit("U1", in: curriculum, asOf: "2025-03-04")
        #expect(unit.occasions == 3 && unit.missing.isEmpty)
        #expect(unit.state == .evidenceComplete)
    }

    @Test func occasionsBeyondOneRequirementDoNotMakeUpForAnother() throws {
        let curriculum = try curriculum([("P1", 1), ("P2", 1)])
        var ledger = EngineLedger(curriculum)
        coverCriteriaAndKnowledge(&ledger)
        for day in ["2025-03-02", "2025-03-03", "2025-03-04"] { ledger.evidence("U1", .performance("P1"), on: day) }
        // Evidence naming no requirement (the whole unit) counts for none of several requirements.
        ledger.evidence("U1", .unit, on: "2025-03-05")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-03-06")
        #expect(unit.occasions == 1 && unit.occasionsRequired == 2)
        #expect(unit.missing == ["performance requirement P2: 1 more occasion on a different date"])
    }

    @Test func aSingleRequirementCountsEveryPerformanceOccasionLikeTheOldForm() throws {
        let curriculum = try curriculum([("P1", 2)])
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2025-03-01", occasions: 2)
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-03-03").state == .evidenceComplete)
    }

    @Test func recognitionOfPriorLearningMeetsEveryRequirement() throws {
        let curriculum = try curriculum([("P1", 2), ("P2", 3)])
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .unit, on: "2025-03-01", method: .rpl)
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-03-02")
        #expect(unit.occasions == 5 && unit.missing.isEmpty)
    }

    /// Property: for any occasions per requirement and any number of dated observations per requirement,
    /// the unit's performance is met exactly when every requirement has at least its occasions.
    @Test(arguments: [(1, 1), (2, 1), (1, 3), (3, 2)], 0...3)
    func metExactlyWhenEveryRequirementIsMet(needed: (Int, Int), observed: Int) throws {
        let curriculum = try curriculum([("P1", needed.0), ("P2", needed.1)])
        var ledger = EngineLedger(curriculum)
        coverCriteriaAndKnowledge(&ledger)
        for day in 0..<observed {
            let date = engineDate("2025-04-01").adding(days: day).description
            ledger.evidence("U1", .performance("P1"), on: date)
            ledger.evidence("U1", .performance("P2"), on: date)
        }
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-05-01")
        #expect(unit.missing.isEmpty == (observed >= needed.0 && observed >= needed.1))
        #expect(unit.occasions == min(observed, needed.0) + min(observed, needed.1))
    }
}
