import Foundation
import Testing
import VetaCurricula
import VetaProgress

/// Schema 1.1 knowledge points: each point is a requirement of its own; evidence naming the item covers
/// all of its points; the heading alone is not a separate requirement.
@Suite struct EngineKnowledgePointTests {
    /// `U1` of ``EngineFixture/oneUnit(occasions:recertificationMonths:)`` with K2 turned into a heading
    /// with the points K2a and K2b.
    private func curriculum() throws -> Curriculum {
        var xml = EngineCurriculumXML(
            units: [.init(code: "U1", elements: [(1, ["1.1", "1.2"]), (2, ["2.1"])], occasions: 1, knowledgeIDs: ["K1", "K2"])]
        ).text
        let plain = "<item id=\"K2\"><es>Saber</es><en>Knowledge</en></item>"
        #expect(xml.contains(plain))
        xml = xml.replacingOccurrences(
            of: plain,
            with: "<item id=\"K2\"><es>Políticas, incluyendo:</es><en>Policies, including:</en>"
                + "<point id=\"K2a\"><es>Uno</es><en>One</en></point><point id=\"K2b\"><es>Dos</es><en>Two</en></point></item>")
        let result = EngineFixture.validator.validate(Array(xml.utf8), path: "t.xml")
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return try #require(result.curriculum)
    }

    @Test func eachPointIsARequirementAndTheHeadingIsNot() throws {
        let curriculum = try curriculum()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .element(1), on: "2025-03-01")
        ledger.evidence("U1", .element(2), on: "2025-03-01")
        ledger.evidence("U1", .knowledge("K1"), on: "2025-03-01")
        ledger.evidence("U1", .knowledge("K2a"), on: "2025-03-01")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-03-02")
        #expect(unit.knowledgeTotal == 3)
        #expect(unit.knowledgeCovered == 2)
        #expect(unit.missing == ["knowledge item K2b"])
        ledger.evidence("U1", .knowledge("K2b"), on: "2025-03-02")
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-03-02").state == .evidenceComplete)
    }

    @Test func evidenceNamingTheItemCoversEveryPoint() throws {
        let curriculum = try curriculum()
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .element(1), on: "2025-03-01")
        ledger.evidence("U1", .element(2), on: "2025-03-01")
        ledger.evidence("U1", .knowledge("K1"), on: "2025-03-01")
        ledger.evidence("U1", .knowledge("K2"), on: "2025-03-01")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-03-02")
        #expect(unit.knowledgeCovered == 3 && unit.knowledgeTotal == 3)
        #expect(unit.state == .evidenceComplete)
        #expect(ledger.signOffProblems("U1", in: curriculum, on: "2025-03-02").isEmpty)
    }

    @Test func aPlainItemCountsOnceAsBefore() throws {
        let curriculum = try EngineFixture.oneUnit(occasions: 1)
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .knowledge("K2"), on: "2025-03-01")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-03-02")
        #expect(unit.knowledgeTotal == 2 && unit.knowledgeCovered == 1)
    }
}
