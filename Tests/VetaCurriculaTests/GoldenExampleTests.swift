import Foundation
import Testing

@testable import VetaCurricula

/// Every file in Examples/ produces exactly the diagnostics in the `.expected` file beside it.
@Suite struct GoldenExampleTests {
    static let examples: [String] = (try? Repository.files(in: "Examples", withExtension: "xml")) ?? []

    @Test func examplesFolderIsNotEmpty() {
        #expect(Self.examples.count >= 30)
    }

    @Test(arguments: examples)
    func exampleProducesItsGoldenDiagnostics(_ example: String) throws {
        let result = try sharedValidator.validate(fileAt: Repository.path(example))
        let relative = ValidationResult(
            path: example, curriculum: result.curriculum,
            diagnostics: result.diagnostics.map { diagnostic in
                var copy = diagnostic
                copy.location.file = example
                return copy
            })
        let actual = relative.diagnostics.flatMap(TextReport.lines(for:))
        let expectedPath = String(example.dropLast(4)) + ".expected"
        let expected = try String(contentsOfFile: Repository.path(expectedPath), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(actual == expected)
    }

    @Test(arguments: examples)
    func exampleNamedForARuleTriggersThatRule(_ example: String) throws {
        let name = (example as NSString).lastPathComponent
        guard name.hasPrefix("VETA-") else { return }
        let id = name.split(separator: "-").prefix(2).joined(separator: "-")
        let result = try sharedValidator.validate(fileAt: Repository.path(example))
        #expect(result.codes.contains(id), "\(name) should report \(id), reported \(result.codes)")
    }

    /// Every rule has an example, except the two whose trigger is a file too large to ship
    /// (tested by generating the file in ``HostileInputTests``).
    @Test func everyRuleHasAnExample() {
        let shown = Set(Self.examples.map { ($0 as NSString).lastPathComponent.split(separator: "-").prefix(2).joined(separator: "-") })
        let generatedOnly = Set(generatedExamples.keys)
        let missing = RuleCatalog.descriptors.map(\.id).filter { !shown.contains($0) && !generatedOnly.contains($0) }
        #expect(missing.isEmpty, "rules without an example in Examples/: \(missing)")
    }

    @Test func validExampleHasNoFindings() throws {
        let result = try sharedValidator.validate(fileAt: Repository.path("Examples/valid-working-safely.xml"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.curriculum?.units.count == 2)
    }
}
