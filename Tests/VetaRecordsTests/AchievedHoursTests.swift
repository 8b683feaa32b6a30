import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// A record states the hours of the units the trainee achieved, never the curriculum's volume
/// with electives not taken.
@Suite struct AchievedHoursTests {
    static func status(_ curriculum: Curriculum, achieved: Set<UnitCode>) -> EnrolmentStatus {
        let units = curriculum.units.map { unit in
            UnitStatus(
                unit: unit.code, state: achieved.contains(unit.code) ? .signedOff : .inProgress, criteriaCovered: 0, criteriaTotal: 1,
                knowledgeCovered: 0, knowledgeTotal: 0, occasions: 0, occasionsRequired: 0, minutes: 0)
        }
        return EnrolmentStatus(
            trainee: TraineeID("T1"), curriculum: CurriculumRef(code: curriculum.code, version: curriculum.version), units: units,
            packagingSatisfied: true, nominalHours: curriculum.volumeOfLearningHours, percentComplete: 100)
    }

    /// Every subset of the curriculum's units: the credential's `creditsAvailable`, the DC-3's
    /// duration and the narrative's unit list are exactly the achieved units' hours and codes.
    @Test func creditsAndTheDC3DurationAreTheHoursOfTheUnitsAchievedForEverySubset() throws {
        let (curriculum, trainee, issuer, _) = try CredentialTests.fixture()
        let units = curriculum.units
        for mask in 0..<(1 << units.count) {
            let achieved = Set(units.indices.filter { mask & (1 << $0) != 0 }.map { units[$0].code })
            let chosen = AchievedHours.units(Self.status(curriculum, achieved: achieved), in: curriculum)
            let expected = units.filter { achieved.contains($0.code) }.reduce(0) { $0 + $1.hours }
            #expect(AchievedHours.hours(of: chosen) == expected)
            let credential = CredentialBuilder.credential(
                serial: "S", curriculum: curriculum, unit: nil, trainee: trainee, issuer: issuer,
                validFrom: try #require(CalendarDate("2026-11-12")), validUntil: nil, salt: "aa", achieved: chosen)
            #expect(credential.credentialSubject.achievement.creditsAvailable == Double(expected))
            let narrative = credential.credentialSubject.achievement.criteria.narrative
            for unit in units { #expect(narrative.contains(unit.code.rawValue) == achieved.contains(unit.code)) }
            let constancia = DC3Mapping.constancia(
                serial: "S2", trainee: trainee, organisation: nil, curriculum: curriculum, unit: nil, issuer: issuer,
                enrolledOn: try #require(CalendarDate("2026-01-05")), completedOn: try #require(CalendarDate("2026-11-12")),
                instructor: "Luis Pérez", credentialSerial: "S", credentialHash: "00", hours: AchievedHours.hours(of: chosen))
            #expect(constancia.programme.hours == expected)
        }
    }

    @Test func twoCoreUnitsAndOneElectiveOfTheHaulTruckCurriculumAre124HoursNot130() throws {
        let (curriculum, _, _, _) = try CredentialTests.fixture()
        let achieved: Set<UnitCode> = [UnitCode("RIIWHS201E"), UnitCode("RIIMPO338E"), UnitCode("RIIERR302E")]
        #expect(curriculum.volumeOfLearningHours == 130)
        #expect(AchievedHours.hours(of: AchievedHours.units(Self.status(curriculum, achieved: achieved), in: curriculum)) == 124)
    }

    @Test func aUnitRecordStatesThatUnitsHours() throws {
        let (curriculum, _, _, _) = try CredentialTests.fixture()
        let unit = try #require(curriculum.units.last)
        let units = AchievedHours.units(Self.status(curriculum, achieved: []), in: curriculum, unit: unit.code)
        #expect(AchievedHours.hours(of: units) == unit.hours)
    }
}
