import Testing
import VetaCurricula
import VetaProgress

@Suite struct EngineSignOffTests {
    /// `U1` (one occasion), and `U2` that requires `U1`; validity 12 months.
    private func chained(recertificationMonths: Int? = 12) throws -> Curriculum {
        try EngineFixture.curriculum(
            EngineCurriculumXML(
                units: [.init(code: "U1"), .init(code: "U2", prerequisites: ["U1"])],
                recertification: recertificationMonths.map { ($0, nil) }))
    }

    @Test func unitWithCompleteEvidenceAndSignedOffPrerequisitesMayBeSignedOff() throws {
        let curriculum = try chained()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2025-03-01", occasions: 1)
        ledger.signOff("U1", on: "2025-03-02")
        ledger.complete("U2", from: "2025-04-01", occasions: 1)
        #expect(ledger.signOffProblems("U2", in: curriculum, on: "2025-04-02").isEmpty)
    }

    @Test func missingPrerequisiteSignOffIsAProblemAndListedAsMissing() throws {
        let curriculum = try chained()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U2", from: "2025-04-01", occasions: 1)
        #expect(ledger.signOffProblems("U2", in: curriculum, on: "2025-04-02") == ["sign-off of prerequisite U1"])
        let unit = try ledger.unit("U2", in: curriculum, asOf: "2025-04-02")
        #expect(unit.state == .evidenceComplete)
        #expect(unit.missing == ["sign-off of prerequisite U1"])
    }

    @Test func expiredPrerequisiteIsAProblem() throws {
        let curriculum = try chained()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2024-01-01", occasions: 1)
        ledger.signOff("U1", on: "2024-01-15")
        ledger.complete("U2", from: "2025-01-01", occasions: 1)
        #expect(ledger.signOffProblems("U2", in: curriculum, on: "2025-01-14").isEmpty)
        #expect(
            ledger.signOffProblems("U2", in: curriculum, on: "2025-02-01")
                == ["sign-off of prerequisite U1 (expired on 2025-01-15)"])
    }

    @Test func incompleteEvidenceIsAProblemAsOfTheDate() throws {
        let curriculum = try chained()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .criterion("1.1"), on: "2025-03-01")
        ledger.evidence("U1", .knowledge("K1"), on: "2025-03-05", method: .oralTest)
        #expect(ledger.signOffProblems("U1", in: curriculum, on: "2025-03-04") == ["knowledge item K1"])
        #expect(ledger.signOffProblems("U1", in: curriculum, on: "2025-03-05").isEmpty)
    }

    @Test func unknownUnitCannotBeSignedOff() throws {
        let curriculum = try chained()
        let problems = EngineLedger(curriculum).signOffProblems("U9", in: curriculum, on: "2025-03-05")
        #expect(problems == ["unit U9 is not in curriculum TEST@1.0.0"])
    }

    @Test func signOffExpiresAfterTheValidityPeriod() throws {
        let curriculum = try chained()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2024-01-01", occasions: 1)
        ledger.signOff("U1", on: "2024-01-31")
        let valid = try ledger.unit("U1", in: curriculum, asOf: "2025-01-30")
        #expect(valid.state == .signedOff)
        #expect(valid.expiresOn == engineDate("2025-01-31"))
        let expired = try ledger.unit("U1", in: curriculum, asOf: "2025-01-31")
        #expect(expired.state == .expired)
        #expect(expired.missing == ["a new sign-off (the last one expired on 2025-01-31)"])
        #expect(expired.fractionComplete == 0.99)
    }

    /// Issue 11: `validityMonths="+12"` is a legal xs:positiveInteger meaning 12, so a sign-off is
    /// valid for 12 months and does not expire the day it is made.
    @Test func signOffUnderValidityMonthsWrittenPlusTwelveIsValidForTwelveMonths() throws {
        let xml = EngineCurriculumXML(units: [.init(code: "U1")], recertification: (12, nil)).text
            .replacingOccurrences(of: "validityMonths=\"12\"", with: "validityMonths=\" +012\"")
        #expect(xml.contains("+012"))
        let result = EngineFixture.validator.validate(Array(xml.utf8), path: "t.xml")
        let curriculum = try #require(result.curriculum, "\(result.diagnostics)")
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2024-01-01", occasions: 1)
        ledger.signOff("U1", on: "2024-01-31")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2024-01-31")
        #expect(unit.state == .signedOff)
        #expect(unit.expiresOn == engineDate("2025-01-31"))
    }

    @Test func laterSignOffRenewsAnExpiredUnit() throws {
        let curriculum = try chained()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2024-01-01", occasions: 1)
        ledger.signOff("U1", on: "2024-01-31")
        #expect(ledger.signOffProblems("U1", in: curriculum, on: "2025-03-01").isEmpty)
        ledger.signOff("U1", on: "2025-03-01")
        let renewed = try ledger.unit("U1", in: curriculum, asOf: "2025-03-01")
        #expect(renewed.state == .signedOff)
        #expect(renewed.signedOffOn == engineDate("2025-03-01"))
        #expect(renewed.expiresOn == engineDate("2026-03-01"))
    }

    @Test func latestSignOffCountsWhateverTheOrderOfEntries() throws {
        let curriculum = try chained()
        var ledger = EngineLedger(curriculum)
        ledger.signOff("U1", on: "2025-03-01")
        ledger.signOff("U1", on: "2024-03-01")
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-06-01").signedOffOn == engineDate("2025-03-01"))
    }

    @Test func withoutRecertificationSignOffsNeverExpire() throws {
        let curriculum = try chained(recertificationMonths: nil)
        var ledger = EngineLedger(curriculum)
        ledger.signOff("U1", on: "2000-01-01")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2099-01-01")
        #expect(unit.state == .signedOff)
        #expect(unit.expiresOn == nil)
    }
}
