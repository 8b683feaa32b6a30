import Foundation
import Testing

@testable import VetaCurricula

/// `Unit` keeps its fields in one shared box (`Unit.Fields`); its equality, hashing and Codable form
/// must stay those of the fields, as the synthesised conformances of the struct with stored fields were.
@Suite struct UnitFieldsTests {
    /// Every unit of every shipped and valid example curriculum.
    static func units() throws -> [VetaCurricula.Unit] {
        let files =
            try Repository.files(in: "Curricula", withExtension: "xml")
            + Repository.files(in: "Examples", withExtension: "xml").filter { $0.contains("/valid-") }
        return try files.flatMap { file in
            try #require(sharedValidator.validate(Repository.read(file), path: file).curriculum, "\(file)").units
        }
    }

    @Test func aUnitDecodedFromItsEncodingIsEqualHashesAlikeAndEncodesToTheSameBytes() throws {
        let encoder = JSONEncoder()
        for unit in try Self.units() {
            let bytes = try encoder.encode(unit)
            let decoded = try JSONDecoder().decode(VetaCurricula.Unit.self, from: bytes)
            #expect(decoded == unit, "\(unit.code)")
            #expect(decoded.hashValue == unit.hashValue, "\(unit.code)")
            #expect(try encoder.encode(decoded) == bytes, "\(unit.code)")
        }
    }

    @Test func theEncodingNamesTheFieldsInDeclarationOrderAndLeavesNilOptionalsOut() throws {
        let units = try Self.units()
        let unit = try #require(units.first { $0.provenance == nil && $0.supersedes == nil })
        let text = String(decoding: try JSONEncoder().encode(unit), as: UTF8.self)
        // First occurrences: none of these keys is used inside an earlier field (`location` is, by references).
        let keys = [
            "\"code\"", "\"title\"", "\"hours\"", "\"isSafetyCritical\"", "\"prerequisites\"", "\"elements\"",
            "\"performanceEvidence\"", "\"knowledgeEvidence\"", "\"assessmentConditions\"",
        ]
        let positions = keys.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!text.contains("\"provenance\"") && !text.contains("\"supersedes\""))
        #expect(text.contains("\"application\"") == (unit.application != nil))
    }

    @Test func unitsThatDifferInOneFieldAreUnequal() throws {
        let units = try Self.units()
        for (first, second) in zip(units, units.dropFirst()) where first.code != second.code {
            #expect(first != second)
        }
    }
}
