import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// Schema 1.1 unit provenance in the credential: a unit's achievement aligns to the published source
/// it was transcribed from; a unit without provenance keeps the curriculum's alignments only.
@Suite struct ProvenanceAlignmentTests {
    @Test func aUnitAchievementAlignsToItsSource() throws {
        let (_, _, issuer, _) = try CredentialTests.fixture()
        let path = CredentialTests.root.appendingPathComponent("Examples/valid-provenance.xml").path
        let curriculum = try #require(try CurriculumValidator().validate(fileAt: path).curriculum)
        let unit = try #require(curriculum.unit(UnitCode("RIIWHS201E")))
        let achievement = CredentialBuilder.achievement(curriculum: curriculum, unit: unit, issuer: issuer)
        let source = try #require(achievement.alignment?.last)
        #expect(source.targetUrl == "https://training.gov.au/Training/Details/RIIWHS201E")
        #expect(source.targetCode == "RIIWHS201E release 1")
        #expect(source.targetFramework == "RII")
        #expect(source.targetName == "RIIWHS201E Work safely and follow WHS policies and procedures, Release 1")
        let other = try #require(curriculum.unit(UnitCode("RIIERR302D")))
        let plain = CredentialBuilder.achievement(curriculum: curriculum, unit: other, issuer: issuer)
        #expect(plain.alignment == CredentialBuilder.alignments(curriculum))
        let whole = CredentialBuilder.achievement(curriculum: curriculum, unit: nil, issuer: issuer)
        #expect(
            whole.criteria.narrative.contains("RIIWHS201E")
                && whole.criteria.narrative.contains("source: training package RII RIIWHS201E release 1"))
    }
}
