import Foundation
import Testing

@testable import VetaCurricula

/// Schema 1.1 unit supersession: read into the model, checked by VETA-R025, exported to CASE, and
/// reported by `veta diff` as one change when a curriculum swaps a unit for its successor.
@Suite struct UnitSupersessionTests {
    private func curriculum(_ path: String) throws -> Curriculum {
        let result = sharedValidator.validate(try Repository.read(path), path: path)
        return try #require(result.curriculum, "\(path): \(result.codes)")
    }

    @Test func supersessionIsReadAndExported() throws {
        let curriculum = try curriculum("Examples/valid-unit-supersession.xml")
        let supersedes = try #require(curriculum.unit(UnitCode("RIIERR302E"))?.supersedes)
        #expect(supersedes.unit == UnitCode("RIIERR302D") && supersedes.equivalent)
        let item = try #require(try CASEExport.package(for: curriculum).items.first { $0.humanCodingScheme == "RIIERR302E" })
        #expect(item.notes?.hasSuffix("\nSupersedes: RIIERR302D (equivalent)") == true)
    }

    @Test func anEquivalentSwapIsOneMinorChange() throws {
        let old = try curriculum("Examples/valid-knowledge-points.xml")
        let new = try curriculum("Examples/valid-unit-supersession.xml")
        let swaps = UnitSwap.between(old, new)
        #expect(swaps.map(\.earlier.code) == [UnitCode("RIIERR302D")] && swaps.allSatisfy(\.equivalent))
        let changes = CurriculumDiff.between(old, new).changes
        #expect(
            changes == [
                Change(
                    .changed, .unit, path: "RIIERR302D", aspect: "supersededBy", old: "RIIERR302D", new: "RIIERR302E (equivalent)",
                    bump: .minor)
            ])
    }

    @Test func aSwapThatIsNotEquivalentIsMajor() throws {
        let old = try curriculum("Examples/valid-knowledge-points.xml")
        let text = String(decoding: try Repository.read("Examples/valid-unit-supersession.xml"), as: UTF8.self)
            .replacingOccurrences(of: "equivalent=\"yes\"", with: "equivalent=\"no\"")
        let new = try #require(sharedValidator.validate(Array(text.utf8), path: "t.xml").curriculum)
        let changes = CurriculumDiff.between(old, new).changes
        #expect(changes.map(\.bump) == [.major] && changes.first?.new == "RIIERR302E (not equivalent)")
    }

    @Test func aUnitSupersedingOneStillInTheCurriculumIsR025() throws {
        let path = "Examples/VETA-R025-unit-supersession.xml"
        #expect(sharedValidator.validate(try Repository.read(path), path: path).codes == ["VETA-R025"])
    }
}
