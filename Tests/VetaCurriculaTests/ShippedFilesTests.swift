import Foundation
import Testing

@testable import VetaCurricula

/// The files Veta ships agree with the code: curricula are clean, the compiled-in schema is
/// the published one, and RULES.md is what the catalog generates.
@Suite struct ShippedFilesTests {
    static let curricula: [String] = (try? Repository.files(in: "Curricula", withExtension: "xml")) ?? []

    @Test func atLeastOneCurriculumPerLevelIsShipped() throws {
        let levels = try Self.curricula.compactMap { try sharedValidator.validate(fileAt: Repository.path($0)).curriculum?.level }
        #expect(Set(levels) == Set(Level.allCases))
    }

    @Test(arguments: curricula)
    func shippedCurriculumHasNoFindings(_ file: String) throws {
        let result = try sharedValidator.validate(fileAt: Repository.path(file))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let curriculum = try #require(result.curriculum)
        #expect(!curriculum.sources.isEmpty, "a shipped curriculum cites the standard it was transcribed from")
        #expect(curriculum.status == .current)
    }

    @Test func compiledInSchemaIsTheShippedSchema() throws {
        let shipped = try String(contentsOfFile: Repository.path("Schemas/curriculum.xsd"), encoding: .utf8)
        #expect(BundledSchema.text + "\n" == shipped, "run `make embed-schema` after editing Schemas/curriculum.xsd")
    }

    @Test func rulesDocumentIsUpToDate() throws {
        var examples: [String: [(file: String, output: [String])]] = [:]
        for example in try Repository.files(in: "Examples", withExtension: "xml") {
            let id = (example as NSString).lastPathComponent.split(separator: "-").prefix(2).joined(separator: "-")
            let expected = try String(contentsOfFile: Repository.path(String(example.dropLast(4)) + ".expected"), encoding: .utf8)
            if expected.isEmpty { continue }
            examples[id, default: []].append((example, expected.split(separator: "\n").map(String.init)))
        }
        let document = try String(contentsOfFile: Repository.path("Schemas/RULES.md"), encoding: .utf8)
        #expect(RulesDocument.markdown(examples: examples) == document, "run `make rules-doc`")
    }

    @Test func ruleIDsAreUniqueAndWellFormed() {
        let ids = RuleCatalog.descriptors.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.wholeMatch(of: /VETA-[RSX][0-9]{3}/) != nil })
    }
}
