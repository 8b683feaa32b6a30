import Testing
import VetaCurricula
import VetaProgress

@Suite struct EngineUnitCoverageTests {
    @Test func unitWithoutEntriesIsNotStartedAndMissesEverything() throws {
        let curriculum = try EngineFixture.oneUnit()
        let unit = try EngineLedger(curriculum).unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.state == .notStarted)
        #expect(unit.criteriaTotal == 3 && unit.knowledgeTotal == 2 && unit.occasionsRequired == 2)
        #expect(
            unit.missing == [
                "criterion 1.1", "criterion 1.2", "criterion 2.1", "knowledge item K1", "knowledge item K2",
                "2 more performance occasions on different dates",
            ])
        #expect(unit.fractionComplete == 0)
    }

    @Test func criterionEvidenceCoversOnlyThatCriterion() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .criterion("1.2"), on: "2025-03-01", method: .writtenTest)
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.state == .inProgress)
        #expect(unit.criteriaCovered == 1)
        #expect(unit.occasions == 0)
        #expect(unit.missing.prefix(2) == ["criterion 1.1", "criterion 2.1"])
    }

    @Test func elementEvidenceCoversAllItsCriteria() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .element(1), on: "2025-03-01")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.criteriaCovered == 2)
        #expect(unit.missing.first == "criterion 2.1")
        #expect(unit.occasions == 1)
    }

    @Test func knowledgeEvidenceCoversThatItem() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .knowledge("K2"), on: "2025-03-01", method: .oralTest)
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.knowledgeCovered == 1)
        #expect(unit.missing.contains("knowledge item K1"))
        #expect(!unit.missing.contains("knowledge item K2"))
    }

    @Test func wholeUnitEvidenceOnTwoDatesCompletesTheEvidence() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .unit, on: "2025-03-01")
        ledger.evidence("U1", .unit, on: "2025-03-08", method: .practical)
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.state == .evidenceComplete)
        #expect(unit.criteriaCovered == 3 && unit.knowledgeCovered == 2 && unit.occasions == 2)
        #expect(unit.missing.isEmpty)
        #expect(unit.fractionComplete == 0.99)
    }

    @Test func occasionsOnTheSameDateCountOnce() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .unit, on: "2025-03-01")
        ledger.evidence("U1", .element(2), on: "2025-03-01", method: .product)
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.occasions == 1)
        #expect(unit.state == .inProgress)
        #expect(unit.missing == ["1 more performance occasion on a different date"])
    }

    @Test func testsDoNotCountAsPerformanceOccasions() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .unit, on: "2025-03-01", method: .writtenTest)
        ledger.evidence("U1", .unit, on: "2025-03-02", method: .oralTest)
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.occasions == 0)
        #expect(unit.criteriaCovered == 3)
        #expect(unit.state == .inProgress)
    }

    @Test func notYetSatisfactoryEvidenceStartsTheUnitButCoversNothing() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .unit, on: "2025-03-01", outcome: .notYet, minutes: 90)
        ledger.evidence("U1", .unit, on: "2025-03-02", outcome: .notYet, minutes: 30)
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.state == .inProgress)
        #expect(unit.criteriaCovered == 0 && unit.knowledgeCovered == 0 && unit.occasions == 0)
        #expect(unit.minutes == 120)
        #expect(unit.fractionComplete == 0)
    }

    @Test(arguments: [EvidenceMethod.rpl, .creditTransfer])
    func recognitionOfPriorCompetenceCoversTheUnitAndItsOccasions(_ method: EvidenceMethod) throws {
        let curriculum = try EngineFixture.oneUnit(occasions: 3)
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .unit, on: "2025-03-01", method: method)
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.state == .evidenceComplete)
        #expect(unit.occasions == 3)
        #expect(unit.missing.isEmpty)
    }

    @Test func fractionCompleteCountsCoveredItemsAndMetOccasions() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .criterion("1.1"), on: "2025-03-01")
        ledger.evidence("U1", .knowledge("K1"), on: "2025-03-01", method: .oralTest)
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        // 1 criterion + 1 knowledge item + 1 occasion out of 3 + 2 + 2.
        #expect(unit.fractionComplete == 3.0 / 7.0)
    }

    @Test func evidenceForUnknownCriteriaAndUnitsIsIgnored() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .criterion("9.9"), on: "2025-03-01", method: .writtenTest)
        ledger.evidence("U1", .knowledge("K9"), on: "2025-03-01", method: .writtenTest)
        ledger.evidence("NOPE", .unit, on: "2025-03-01")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.criteriaCovered == 0 && unit.knowledgeCovered == 0)
        #expect(unit.state == .inProgress)
    }

    @Test func signOffMakesTheUnitSignedOffWithNothingMissing() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2025-03-01")
        ledger.signOff("U1", on: "2025-03-10")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.state == .signedOff)
        #expect(unit.signedOffOn == engineDate("2025-03-10"))
        #expect(unit.expiresOn == nil)
        #expect(unit.missing.isEmpty)
        #expect(unit.fractionComplete == 1)
    }

    @Test func unitStatesAreOrderedAsAUnitProgresses() {
        #expect(UnitState.allCases == UnitState.allCases.sorted())
        #expect(UnitState.notStarted < .inProgress && .evidenceComplete < .signedOff && .signedOff < .expired)
    }
}
