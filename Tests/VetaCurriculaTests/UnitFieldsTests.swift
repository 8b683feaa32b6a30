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
        encoder.outputFormatting = [.sortedKeys]
        for unit in try Self.units() {
            let bytes = try encoder.encode(unit)
            let decoded = try JSONDecoder().decode(VetaCurricula.Unit.self, from: bytes)
            #expect(decoded == unit, "\(unit.code)")
            #expect(decoded.hashValue == unit.hashValue, "\(unit.code)")
            #expect(try encoder.encode(decoded) == bytes, "\(unit.code)")
        }
    }

    @Test func theEncodingHasOneKeyPerFieldAndLeavesNilOptionalsOut() throws {
        for unit in try Self.units() {
            let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(unit)) as? [String: Any]
            var expected: Set<String> = [
                "code", "title", "hours", "isSafetyCritical", "prerequisites", "elements", "performanceEvidence",
                "knowledgeEvidence", "assessmentConditions", "location",
            ]
            let optionals: [(String, Bool)] = [
                ("application", unit.application != nil), ("foundationSkills", unit.foundationSkills != nil),
                ("rangeOfConditions", unit.rangeOfConditions != nil), ("notStatedInSource", unit.notStatedInSource != nil),
                ("notYetTranscribed", unit.notYetTranscribed != nil), ("provenance", unit.provenance != nil),
                ("supersedes", unit.supersedes != nil),
            ]
            for (key, present) in optionals where present { expected.insert(key) }
            #expect(object.map { Set($0.keys) } == expected, "\(unit.code)")
        }
    }

    @Test func unitsThatDifferInOneFieldAreUnequal() throws {
        let units = try Self.units()
        for (first, second) in zip(units, units.dropFirst()) where first.code != second.code {
            #expect(first != second)
        }
    }
}
