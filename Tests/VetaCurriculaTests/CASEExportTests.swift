import Foundation
import Testing

@testable import VetaCurricula

@Suite struct CASEExportTests {
    static let shippedFiles = (try? Repository.files(in: "Curricula", withExtension: "xml")) ?? []

    private func curriculum(_ path: String) throws -> Curriculum {
        let result = sharedValidator.validate(try Repository.read(path), path: path)
        return try #require(result.curriculum)
    }

    @Test func shippedCurriculaAreFound() {
        #expect(!Self.shippedFiles.isEmpty)
    }

    @Test(arguments: shippedFiles)
    func exportingTwiceGivesTheSameBytes(_ path: String) throws {
        let first = try CASEExport.json(CASEExport.package(for: try curriculum(path)))
        let second = try CASEExport.json(CASEExport.package(for: try curriculum(path)))
        #expect(first == second)
    }

    @Test(arguments: shippedFiles)
    func itemsAndAssociationsMatchTheCurriculum(_ path: String) throws {
        let curriculum = try curriculum(path)
        let package = try CASEExport.package(for: curriculum)
        let elements = curriculum.units.reduce(0) { $0 + $1.elements.count }
        let criteria = curriculum.units.flatMap(\.elements).reduce(0) { $0 + $1.criteria.count }
        let knowledge = curriculum.units.reduce(0) { $0 + $1.knowledgeEvidence.count }
        let prerequisites = curriculum.units.reduce(0) { $0 + $1.prerequisites.count }
        let nodes = curriculum.units.count + elements + criteria + knowledge
        #expect(package.items.count == nodes)
        #expect(package.items.filter { $0.itemType == "Unit of competency" }.count == curriculum.units.count)
        #expect(package.items.filter { $0.itemType == "Performance criterion" }.count == criteria)
        #expect(package.associations.filter { $0.associationType == "isChildOf" }.count == nodes)
        #expect(package.associations.filter { $0.associationType == "precedes" }.count == prerequisites)
    }

    @Test(arguments: shippedFiles)
    func everyAssociationPointsToAnExistingNode(_ path: String) throws {
        let package = try CASEExport.package(for: try curriculum(path), packageURI: "https://case.example.org/ims/case/v1p0/")
        var nodes = Dictionary(uniqueKeysWithValues: package.items.map { ($0.identifier, $0.uri) })
        nodes[package.document.identifier] = package.document.uri
        for association in package.associations {
            #expect(nodes[association.originNodeURI.identifier] == association.originNodeURI.uri)
            #expect(nodes[association.destinationNodeURI.identifier] == association.destinationNodeURI.uri)
            #expect(association.uri == "https://case.example.org/ims/case/v1p0/CFAssociations/\(association.identifier)")
        }
        let children = package.associations.filter { $0.associationType == "isChildOf" }
        #expect(Set(children.map(\.originNodeURI.identifier)) == Set(package.items.map(\.identifier)))
    }

    @Test(arguments: shippedFiles)
    func identifiersAreUniqueVersion5UUIDs(_ path: String) throws {
        let package = try CASEExport.package(for: try curriculum(path))
        let identifiers = [package.document.identifier] + package.items.map(\.identifier) + package.associations.map(\.identifier)
        let pattern = /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/
        for identifier in identifiers {
            #expect(identifier.wholeMatch(of: pattern) != nil, "\(identifier)")
        }
        #expect(Set(identifiers).count == identifiers.count)
        #expect(package.document.lastChangeDateTime.hasSuffix("T00:00:00+00:00"))
    }

    @Test func aPrerequisiteUnitPrecedesTheUnitThatRequiresIt() throws {
        let xml = CurriculumXML(units: [.init(code: "U1"), .init(code: "U2", prerequisites: ["U1"])])
        let package = try CASEExport.package(for: try #require(xml.validate().curriculum))
        let precedes = package.associations.filter { $0.associationType == "precedes" }
        #expect(precedes.map(\.originNodeURI.title) == ["U1"])
        #expect(precedes.map(\.destinationNodeURI.title) == ["U2"])
        #expect(precedes.first?.sequenceNumber == nil)
    }

    @Test func sha1MatchesTheFIPSExamples() {
        let hex = { (bytes: [UInt8]) in bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(hex(SHA1.digest(long)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func nameBasedUUIDMatchesPythonUUID5() {
        // python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, "https://www.python.org/"))'
        #expect(NameBasedUUID.make(name: "https://www.python.org/") == "5406f80d-92e9-51cd-a176-77445955e733")
    }
}
