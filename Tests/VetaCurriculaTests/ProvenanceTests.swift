import Foundation
import Testing

@testable import VetaCurricula

/// Schema 1.1 unit provenance: read into the model, checked by VETA-R024, exported to CASE; a unit
/// without it encodes as before.
@Suite struct ProvenanceTests {
    private func result(_ path: String) throws -> ValidationResult {
        sharedValidator.validate(try Repository.read(path), path: path)
    }

    @Test func provenanceIsReadAndExported() throws {
        let result = try result("Examples/valid-provenance.xml")
        #expect(result.codes.isEmpty)
        let curriculum = try #require(result.curriculum)
        let provenance = try #require(curriculum.unit(UnitCode("RIIWHS201E"))?.provenance)
        #expect(provenance.kind == .trainingPackage && provenance.package == "RII" && provenance.code == "RIIWHS201E")
        #expect(provenance.release == "1" && provenance.language == "en")
        #expect(provenance.href == "https://training.gov.au/Training/Details/RIIWHS201E")
        #expect(provenance.verbatim.map(\.part) == [.title])
        #expect(provenance.written.map(\.part) == [.knowledgeEvidence, .assessmentConditions])
        #expect(provenance.summary == "training package RII RIIWHS201E release 1")
        #expect(curriculum.unit(UnitCode("RIIERR302D"))?.provenance == nil)
        let item = try #require(try CASEExport.package(for: curriculum).items.first { $0.humanCodingScheme == "RIIWHS201E" })
        #expect(
            item.notes
                == "Work safely and follow WHS policies and procedures\nSource: training package RII RIIWHS201E release 1"
                + "\nCitation: RIIWHS201E Work safely and follow WHS policies and procedures, Release 1 <https://training.gov.au/Training/Details/RIIWHS201E>"
                + "\nVerbatim (en): title; written by the institution: knowledgeEvidence, assessmentConditions")
    }

    @Test func aPartNamedTwiceOrAStandardWithoutCodeIsR024() throws {
        #expect(try result("Examples/VETA-R024-provenance.xml").codes == ["VETA-R024", "VETA-R024"])
    }

    @Test func aUnitWithoutProvenanceEncodesAsBefore() throws {
        let curriculum = try #require(try result("Examples/valid-working-safely.xml").curriculum)
        #expect(!(try JSONOutput.encode(curriculum)).contains("provenance"))
    }
}
