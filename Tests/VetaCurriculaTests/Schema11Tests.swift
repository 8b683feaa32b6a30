import Foundation
import Testing

@testable import VetaCurricula

/// Schema 1.1 constructs (`<dc3>`, a unit's `<foundationSkills>` and `<rangeOfConditions>`): each is
/// read into the model and survives the round trip XML → model → CASE export; a 1.0 file reads
/// them as absent.
@Suite struct Schema11Tests {
    private func curriculum(_ path: String) throws -> Curriculum {
        let result = sharedValidator.validate(try Repository.read(path), path: path)
        return try #require(result.curriculum, "\(path): \(result.codes)")
    }

    @Test func foundationSkillsAreReadAndExportedAsChildItemsOfTheirUnit() throws {
        let curriculum = try curriculum("Examples/valid-foundation-skills.xml")
        let unit = try #require(curriculum.unit(UnitCode("RIIWHS201E")))
        let skills = try #require(unit.foundationSkills)
        #expect(skills.map(\.name.en) == ["Reading", "Oral communication"])
        #expect(skills.allSatisfy { !$0.description.es.isEmpty && !$0.description.en.isEmpty })
        let package = try CASEExport.package(for: curriculum)
        let items = package.items.filter { $0.itemType == "Foundation skill" }
        #expect(items.map(\.fullStatement) == skills.map(\.description.es))
        #expect(items.map(\.abbreviatedStatement) == skills.map(\.name.es))
        #expect(items.map(\.notes) == skills.map { "\($0.name.en): \($0.description.en)" })
        #expect(items.map(\.humanCodingScheme) == ["RIIWHS201E FS1", "RIIWHS201E FS2"])
        try expectChildren(items, of: "RIIWHS201E", in: package)
        #expect(curriculum.unit(UnitCode("RIIERR302D"))?.foundationSkills == nil)
    }

    @Test func rangeOfConditionsIsReadAndExportedAsChildItemsOfItsUnit() throws {
        let curriculum = try curriculum("Examples/valid-range-of-conditions.xml")
        let unit = try #require(curriculum.unit(UnitCode("RIIWHS201E")))
        let range = try #require(unit.rangeOfConditions)
        #expect(range.map(\.name.es) == ["Peligros"])
        let package = try CASEExport.package(for: curriculum)
        let items = package.items.filter { $0.itemType == "Range of conditions" }
        #expect(items.map(\.fullStatement) == range.map(\.meaning.es))
        #expect(items.map(\.abbreviatedStatement) == range.map(\.name.es))
        #expect(items.map(\.notes) == range.map { "\($0.name.en): \($0.meaning.en)" })
        try expectChildren(items, of: "RIIWHS201E", in: package)
    }

    @Test func theDC3BlockIsReadAndExportedOnTheDocument() throws {
        let curriculum = try curriculum("Examples/valid-dc3.xml")
        let dc3 = try #require(curriculum.dc3)
        #expect(dc3.thematicArea.key == "6000" && dc3.thematicArea.name == "Seguridad")
        #expect(dc3.thematicArea.printed == "6000 Seguridad")
        #expect(dc3.courseName == "Trabajo seguro en sitio minero (NOM-023-STPS-2012)")
        let document = try CASEExport.package(for: curriculum).document
        #expect(document.subject == [curriculum.sector.name, "STPS 6000 Seguridad"])
        #expect(document.notes?.hasSuffix("\n\nDC-3: \(dc3.courseName)") == true)
    }

    /// A file without the 1.1 constructs reads them as absent and exports exactly what it did before.
    @Test func aFileWithoutThemHasNoneAndExportsNoNewItems() throws {
        let curriculum = try curriculum("Examples/valid-working-safely.xml")
        #expect(curriculum.dc3 == nil)
        #expect(curriculum.units.allSatisfy { $0.foundationSkills == nil && $0.rangeOfConditions == nil })
        let package = try CASEExport.package(for: curriculum)
        #expect(package.items.allSatisfy { $0.abbreviatedStatement == nil })
        #expect(package.document.subject == [curriculum.sector.name])
        let json = try CASEExport.json(package)
        #expect(!json.contains("abbreviatedStatement") && !json.contains("DC-3"))
        let model = try JSONOutput.encode(curriculum)
        #expect(!model.contains("foundationSkills") && !model.contains("rangeOfConditions") && !model.contains("\"dc3\""))
    }

    private func expectChildren(_ items: [CASEItem], of unitCode: String, in package: CASEPackage) throws {
        let unit = try #require(package.items.first { $0.itemType == "Unit of competency" && $0.humanCodingScheme == unitCode })
        let parents = Dictionary(
            package.associations.filter { $0.associationType == "isChildOf" }.map { ($0.originNodeURI.identifier, $0) },
            uniquingKeysWith: { first, _ in first })
        var sequences: [Int] = []
        for item in items {
            let association = try #require(parents[item.identifier])
            #expect(association.destinationNodeURI.identifier == unit.identifier)
            sequences.append(try #require(association.sequenceNumber))
        }
        let siblings = package.associations.filter {
            $0.associationType == "isChildOf" && $0.destinationNodeURI.identifier == unit.identifier
        }
        #expect(Set(siblings.compactMap(\.sequenceNumber)).count == siblings.count, "sequence numbers are distinct")
        #expect(sequences == sequences.sorted())
    }
}

/// Schema 1.1 knowledge points: read into the model, named by evidence, exported to CASE, diffed.
@Suite struct KnowledgePointTests {
    private func curriculum(_ path: String) throws -> Curriculum {
        let result = sharedValidator.validate(try Repository.read(path), path: path)
        return try #require(result.curriculum, "\(path): \(result.codes)")
    }

    @Test func pointsAreReadUnderTheirItem() throws {
        let unit = try #require(try curriculum("Examples/valid-knowledge-points.xml").unit(UnitCode("RIIWHS201E")))
        let item = try #require(unit.knowledgeEvidence.first { $0.id == "K2" })
        #expect(item.text.en == "Key WHS policies and procedures, including:")
        #expect(item.points.map(\.id) == ["K2a", "K2b", "K2c"])
        #expect(item.points.first?.text.en == "hazard and incident reporting")
        #expect(unit.knowledgeIDs == ["K1", "K2", "K2a", "K2b", "K2c"])
        #expect(unit.knowledgeLeaves.map(\.id) == ["K1", "K2a", "K2b", "K2c"])
        #expect(unit.knowledgeText("K2b")?.en == "emergency and evacuation procedures")
        #expect(unit.knowledgeText("K9") == nil)
    }

    @Test func pointsAreExportedAsChildrenOfTheirItem() throws {
        let package = try CASEExport.package(for: try curriculum("Examples/valid-knowledge-points.xml"))
        let item = try #require(package.items.first { $0.humanCodingScheme == "RIIWHS201E K2" })
        let points = package.items.filter { $0.itemType == "Knowledge evidence point" }
        #expect(points.map(\.humanCodingScheme) == ["RIIWHS201E K2a", "RIIWHS201E K2b", "RIIWHS201E K2c"])
        #expect(
            points.map(\.notes) == [
                "hazard and incident reporting", "emergency and evacuation procedures", "use of personal protective equipment",
            ])
        for (index, point) in points.enumerated() {
            let association = try #require(
                package.associations.first { $0.associationType == "isChildOf" && $0.originNodeURI.identifier == point.identifier })
            #expect(association.destinationNodeURI.identifier == item.identifier)
            #expect(association.sequenceNumber == index + 1)
        }
    }

    @Test func aDuplicatePointIdIsR015() throws {
        let path = "Examples/VETA-R015-duplicate-knowledge-point.xml"
        let result = sharedValidator.validate(try Repository.read(path), path: path)
        #expect(result.codes == ["VETA-R015"])
    }

    @Test func aFileWithoutPointsEncodesItsItemsAsBefore() throws {
        let curriculum = try curriculum("Examples/valid-working-safely.xml")
        #expect(curriculum.units.allSatisfy { $0.knowledgeEvidence.allSatisfy(\.points.isEmpty) })
        let model = try JSONOutput.encode(curriculum)
        let package = try CASEExport.json(CASEExport.package(for: curriculum))
        #expect(!model.contains("\"points\""))
        #expect(!package.contains("Knowledge evidence point"))
    }

    @Test func diffReportsPointsAddedRemovedAndChanged() throws {
        let old = try curriculum("Examples/valid-knowledge-points.xml")
        let text = String(decoding: try Repository.read("Examples/valid-knowledge-points.xml"), as: UTF8.self)
            .replacingOccurrences(of: "<en>hazard and incident reporting</en>", with: "<en>hazard reporting</en>")
            .replacingOccurrences(
                of: "<point id=\"K2c\"><es>uso del equipo de protección personal</es><en>use of personal protective equipment</en></point>",
                with: "<point id=\"K2d\"><es>permisos de trabajo</es><en>work permits</en></point>")
        let result = sharedValidator.validate(Array(text.utf8), path: "new.xml")
        let new = try #require(result.curriculum, "\(result.codes)")
        let changes = CurriculumDiff.between(old, new).changes
        #expect(changes.contains { $0.kind == .removed && $0.subject == .knowledge && $0.path == "RIIWHS201E/K2/K2c" && $0.bump == .major })
        #expect(changes.contains { $0.kind == .added && $0.subject == .knowledge && $0.path == "RIIWHS201E/K2/K2d" && $0.bump == .minor })
        #expect(changes.contains { $0.kind == .changed && $0.path == "RIIWHS201E/K2/K2a" && $0.bump == .major })
    }
}
