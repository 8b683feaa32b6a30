import Foundation
import Testing

@testable import VetaCurricula

/// Schema 1.1 performance requirements: read into the model, checked by VETA-R022 (and R011 per
/// requirement), exported to CASE, diffed; a 1.0 unit's single occasions value is one requirement.
@Suite struct PerformanceRequirementTests {
    private let example = "Examples/valid-performance-requirements.xml"

    private func curriculum(_ path: String) throws -> Curriculum {
        let result = sharedValidator.validate(try Repository.read(path), path: path)
        return try #require(result.curriculum, "\(path): \(result.codes)")
    }

    private func validate(_ text: String) -> ValidationResult {
        sharedValidator.validate(Array(text.utf8), path: "t.xml")
    }

    @Test func requirementsAreReadWithTheirOwnOccasions() throws {
        let unit = try #require(try curriculum(example).unit(UnitCode("RIIERR302D")))
        #expect(unit.performanceEvidence.occasions == nil)
        #expect(unit.performanceEvidence.requirements.map(\.id) == ["P1", "P2"])
        #expect(unit.occasionRequirements.map(\.id) == ["P1", "P2"])
        #expect(unit.occasionRequirements.map(\.occasions) == [2, 1])
        #expect(unit.totalOccasions == 3)
        #expect(unit.performanceRequirement("P2")?.text.en == "reported an incident following site procedures on at least one occasion")
        #expect(unit.performanceRequirement("P9") == nil)
    }

    @Test func aUnitInTheOldFormIsOneRequirementWithoutAnId() throws {
        let unit = try #require(try curriculum(example).unit(UnitCode("RIIWHS201E")))
        #expect(unit.performanceEvidence.requirements.isEmpty)
        #expect(unit.occasionRequirements.map(\.id) == [nil])
        #expect(unit.occasionRequirements.map(\.occasions) == [2])
    }

    @Test func everyShippedCurriculumStillReadsItsOccasionsAsOneRequirement() throws {
        for path in ["Curricula/operator-haul-truck.xml", "Curricula/supervisor-mine-rescue.xml", "Curricula/technician-ventilation.xml"] {
            let curriculum = try curriculum(path)
            for unit in curriculum.units {
                #expect(unit.occasionRequirements.count == 1 && unit.occasionRequirements[0].id == nil)
                #expect(unit.occasionRequirements[0].occasions == unit.performanceEvidence.occasions)
            }
            #expect(!(try JSONOutput.encode(curriculum)).contains("\"requirements\""))
        }
    }

    @Test func requirementsAreExportedAsChildrenOfTheirUnitWithTheirOccasions() throws {
        let package = try CASEExport.package(for: try curriculum(example))
        let unit = try #require(package.items.first { $0.humanCodingScheme == "RIIERR302D" })
        let items = package.items.filter { $0.itemType == "Performance evidence requirement" }
        #expect(items.map(\.humanCodingScheme) == ["RIIERR302D P1", "RIIERR302D P2"])
        #expect(items.last?.notes == "reported an incident following site procedures on at least one occasion\nOccasions: 1")
        #expect(items.first?.notes?.hasSuffix("\nOccasions: 2") == true)
        for item in items {
            let association = try #require(
                package.associations.first { $0.associationType == "isChildOf" && $0.originNodeURI.identifier == item.identifier })
            #expect(association.destinationNodeURI.identifier == unit.identifier)
        }
    }

    @Test func occasionsTwiceAndADuplicateIdAreR022() throws {
        let path = "Examples/VETA-R022-performance-requirements.xml"
        let result = sharedValidator.validate(try Repository.read(path), path: path)
        #expect(result.codes == ["VETA-R022", "VETA-R022"])
    }

    @Test func noOccasionsAnywhereIsR022AndNotR011() throws {
        let text = String(decoding: try Repository.read(example), as: UTF8.self)
            .replacingOccurrences(of: "<performanceEvidence occasions=\"2\">", with: "<performanceEvidence>")
        #expect(validate(text).codes == ["VETA-R022"])
    }

    @Test func aRequirementWithoutOccasionsIsR011() throws {
        let text = String(decoding: try Repository.read(example), as: UTF8.self)
            .replacingOccurrences(of: "<requirement id=\"P2\" occasions=\"1\">", with: "<requirement id=\"P2\" occasions=\"0\">")
        let result = validate(text)
        #expect(result.codes == ["VETA-R011"])
        #expect(result.diagnostics.first?.message.hasPrefix("performance requirement P2 of unit RIIERR302D") == true)
    }

    @Test func aRequirementWithoutItsOccasionsAttributeIsASchemaError() throws {
        let text = String(decoding: try Repository.read(example), as: UTF8.self)
            .replacingOccurrences(of: "<requirement id=\"P2\" occasions=\"1\">", with: "<requirement id=\"P2\">")
        #expect(validate(text).codes.contains("VETA-X003"))
    }

    @Test func diffReportsRequirementsAddedRemovedAndChanged() throws {
        let old = try curriculum(example)
        let text = String(decoding: try Repository.read(example), as: UTF8.self)
            .replacingOccurrences(of: "<requirement id=\"P1\" occasions=\"2\">", with: "<requirement id=\"P1\" occasions=\"3\">")
            .replacingOccurrences(of: "<requirement id=\"P2\"", with: "<requirement id=\"P3\"")
        let new = try #require(validate(text).curriculum)
        let changes = CurriculumDiff.between(old, new).changes
        #expect(changes.contains { $0.kind == .changed && $0.path == "RIIERR302D/P1" && $0.aspect == "occasions" && $0.bump == .major })
        #expect(changes.contains { $0.kind == .removed && $0.subject == .performanceEvidence && $0.path == "RIIERR302D/P2" })
        #expect(
            changes.contains { $0.kind == .added && $0.subject == .performanceEvidence && $0.path == "RIIERR302D/P3" && $0.bump == .major })
    }
}
