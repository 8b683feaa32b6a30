import Foundation
import Testing

@testable import VetaCurricula

/// Schema 1.1 markers: `<notStatedInSource/>` in place of a unit's knowledge evidence or assessment
/// conditions (any status), `<notYetTranscribed/>` in place of those or of an element's criteria (drafts
/// only, VETA-R023); read into the model, exported to CASE; a 1.0 file has none and encodes as before.
@Suite struct NotStatedInSourceTests {
    private func result(_ path: String) throws -> ValidationResult {
        sharedValidator.validate(try Repository.read(path), path: path)
    }

    private func curriculum(_ path: String) throws -> Curriculum {
        let result = try result(path)
        return try #require(result.curriculum, "\(path): \(result.codes)")
    }

    @Test func notStatedPartsAreReadAndACurrentCurriculumMayHoldThem() throws {
        let path = "Examples/valid-not-stated-in-source.xml"
        #expect(try result(path).codes.isEmpty)
        let curriculum = try curriculum(path)
        #expect(curriculum.status == .current)
        let unit = try #require(curriculum.unit(UnitCode("EXIND01")))
        #expect(unit.notStatedInSource == [.knowledgeEvidence, .assessmentConditions])
        #expect(unit.notYetTranscribed == nil)
        #expect(unit.knowledgeEvidence.isEmpty && unit.assessmentConditions.es.isEmpty && unit.assessmentConditions.en.isEmpty)
        #expect(!unit.states(.knowledgeEvidence) && unit.transcribes(.knowledgeEvidence))
        #expect(curriculum.unit(UnitCode("RIIWHS201E"))?.notStatedInSource == nil)
        let item = try #require(try CASEExport.package(for: curriculum).items.first { $0.humanCodingScheme == "EXIND01" })
        #expect(item.notes == "Complete the site safety induction\nNot stated in source: knowledge evidence, assessment conditions")
    }

    @Test func aDraftMayLeaveTextsNotYetTranscribed() throws {
        let path = "Examples/valid-not-yet-transcribed.xml"
        #expect(try result(path).codes.isEmpty)
        let curriculum = try curriculum(path)
        let unit = try #require(curriculum.unit(UnitCode("EXIND01")))
        #expect(unit.notYetTranscribed == [.knowledgeEvidence])
        #expect(unit.notStatedInSource == [.assessmentConditions])
        let element = try #require(curriculum.unit(UnitCode("RIIWHS201E"))?.elements.last)
        #expect(element.notYetTranscribed == true && element.criteria.isEmpty)
        let package = try CASEExport.package(for: curriculum)
        let exported = try #require(package.items.first { $0.humanCodingScheme == "RIIWHS201E 2" })
        #expect(exported.notes == "Apply personal safety measures\nPerformance criteria not yet transcribed")
        #expect(!package.items.contains { ($0.humanCodingScheme ?? "").hasPrefix("RIIWHS201E 2.") })
    }

    @Test func aCurrentCurriculumWithTextsNotYetTranscribedIsR023() throws {
        #expect(try result("Examples/VETA-R023-not-yet-transcribed.xml").codes == ["VETA-R023"])
        let text = String(decoding: try Repository.read("Examples/valid-not-yet-transcribed.xml"), as: UTF8.self)
            .replacingOccurrences(
                of: "version=\"0.1.0\" level=\"operator\" status=\"draft\"", with: "version=\"0.1.0\" level=\"operator\" status=\"current\""
            )
        let codes = sharedValidator.validate(Array(text.utf8), path: "t.xml").codes
        #expect(codes.filter { $0 == "VETA-R023" }.count == 2)
    }

    @Test func aMarkerBesideTextIsASchemaError() throws {
        let text = String(decoding: try Repository.read("Examples/valid-not-stated-in-source.xml"), as: UTF8.self)
            .replacingOccurrences(
                of: "<assessmentConditions>\n        <notStatedInSource/>",
                with: "<assessmentConditions>\n        <es>En el sitio.</es><en>On site.</en><notStatedInSource/>")
        #expect(sharedValidator.validate(Array(text.utf8), path: "t.xml").codes.contains("VETA-X003"))
    }

    @Test func aFileWithoutMarkersEncodesAsBefore() throws {
        let curriculum = try curriculum("Examples/valid-working-safely.xml")
        #expect(curriculum.units.allSatisfy { $0.notStatedInSource == nil && $0.notYetTranscribed == nil })
        #expect(curriculum.units.allSatisfy { $0.elements.allSatisfy { $0.notYetTranscribed == nil } })
        let model = try JSONOutput.encode(curriculum)
        #expect(!model.contains("notStatedInSource") && !model.contains("notYetTranscribed"))
    }
}
