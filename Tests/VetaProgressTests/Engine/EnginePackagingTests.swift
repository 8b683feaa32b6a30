import Testing
import VetaCurricula
import VetaProgress

@Suite struct EnginePackagingTests {
    /// Core C1 and C2; group A (E1, E2, E3) at least 1 and at most 2; group B (E4) optional; 5 units in total; validity 12 months.
    private func packaged() throws -> Curriculum {
        try EngineFixture.curriculum(
            EngineCurriculumXML(
                units: ["C1", "C2", "E1", "E2", "E3", "E4"].map { EngineCurriculumXML.UnitSpec(code: $0, hours: 20) },
                totalUnits: 5, core: ["C1", "C2"],
                groups: [.init(id: "A", minimum: 1, maximum: 2, units: ["E1", "E2", "E3"]), .init(id: "B", minimum: 0, units: ["E4"])],
                recertification: (12, nil), volume: 100))
    }

    @Test func emptyLedgerMissesCoreUnitsElectivesAndTheRestOfTheTotal() throws {
        let curriculum = try packaged()
        let status = EngineLedger(curriculum).status(in: curriculum, asOf: "2025-06-01")
        #expect(!status.packagingSatisfied)
        #expect(status.missing == ["core unit C1", "core unit C2", "1 more elective from group A", "2 more units in total"])
        #expect(status.percentComplete == 0)
        #expect(status.completedOn == nil && status.expiresOn == nil)
        #expect(status.nominalHours == 100)  // the declared volume (core 40 h + three 20 h electives)
        #expect(status.units.map(\.unit.rawValue) == ["C1", "C2", "E1", "E2", "E3", "E4"])
    }

    @Test func electivesBeyondAGroupMaximumDoNotCount() throws {
        let curriculum = try packaged()
        var ledger = EngineLedger(curriculum)
        for code in ["C1", "C2", "E1", "E2", "E3"] { ledger.signOff(code, on: "2025-03-01") }
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(!status.packagingSatisfied)
        #expect(status.missing == ["1 more unit in total"])
        #expect(status.percentComplete == 80)
    }

    @Test func packagingIsSatisfiedWhenCoreElectivesAndTotalAreMet() throws {
        let curriculum = try packaged()
        var ledger = EngineLedger(curriculum)
        ledger.signOff("C1", on: "2025-02-01")
        ledger.signOff("C2", on: "2025-03-01")
        ledger.signOff("E1", on: "2025-04-01")
        ledger.signOff("E2", on: "2025-05-01")
        ledger.signOff("E4", on: "2025-01-15")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(status.packagingSatisfied)
        #expect(status.missing.isEmpty)
        #expect(status.percentComplete == 100)
        #expect(status.completedOn == engineDate("2025-05-01"))
        #expect(status.expiresOn == engineDate("2026-01-15"))
    }

    @Test func expiredUnitsNoLongerCount() throws {
        let curriculum = try packaged()
        var ledger = EngineLedger(curriculum)
        ledger.signOff("C1", on: "2024-02-01")
        for code in ["C2", "E1", "E2", "E4"] { ledger.signOff(code, on: "2025-03-01") }
        #expect(
            ledger.status(in: curriculum, asOf: "2025-01-31").missing == [
                "core unit C2", "1 more elective from group A", "2 more units in total",
            ])
        let status = ledger.status(in: curriculum, asOf: "2025-03-01")
        #expect(status.missing == ["core unit C1"])
        #expect(status.completedOn == nil)
        #expect(status.expiresOn == engineDate("2026-03-01"))
    }

    @Test func percentCompleteTakesTheMostCompleteUnitsThatFillThePackaging() throws {
        let curriculum = try packaged()
        var ledger = EngineLedger(curriculum)
        ledger.signOff("C1", on: "2025-03-01")
        // E3 has its evidence complete (0.99); it fills group A's minimum.
        ledger.complete("E3", from: "2025-03-01", occasions: 1)
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(status.percentComplete == 39.8)
    }

    @Test func minutesAreSummedOverEvidenceOfAnyOutcome() throws {
        let curriculum = try packaged()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("C1", .unit, on: "2025-03-01", minutes: 45)
        ledger.evidence("C2", .unit, on: "2025-03-01", outcome: .notYet, minutes: 30)
        ledger.evidence("E1", .unit, on: "2025-03-01")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(status.minutesRecorded == 75)
        #expect(status.units.map(\.minutes) == [45, 30, 0, 0, 0, 0])
    }

    @Test func shippedCurriculumIsCompletedByRecognisingAndSigningOffEveryUnit() throws {
        let path = EngineRepository.path("Curricula/operator-haul-truck.xml")
        let curriculum = try #require(try EngineFixture.validator.validate(fileAt: path).curriculum)
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2025-01-06")
        for unit in curriculum.units {
            ledger.evidence(unit.code.rawValue, .unit, on: "2025-01-07", method: .rpl)
            #expect(try ledger.unit(unit.code.rawValue, in: curriculum, asOf: "2025-01-07").state == .evidenceComplete)
            ledger.signOff(unit.code.rawValue, on: "2025-01-08")
        }
        let status = ledger.status(in: curriculum, asOf: "2025-01-08")
        #expect(status.packagingSatisfied, "\(status.missing)")
        #expect(status.completedOn == engineDate("2025-01-08"))
        #expect(status.expiresOn == engineDate("2025-01-08").adding(months: curriculum.recertification?.validityMonths ?? 0))
    }
}
