import Foundation
import Testing

@testable import VetaCurricula

/// Schema findings and semantic findings come in one run, in line order, when the schema's
/// findings leave every value the rules read whole; otherwise the schema's stand alone.
@Suite struct FindingsTogetherTests {
    @Test func aSchemaFindingAndARuleFindingComeTogetherInLineOrder() throws {
        let path = "Examples/VETA-X003-schema-and-rule-findings.xml"
        let result = sharedValidator.validate(try Repository.read(path), path: path)
        #expect(result.codes == ["VETA-R008", "VETA-X003"])
        let lines = result.diagnostics.map(\.location.line)
        #expect(lines == lines.sorted())
        #expect(result.curriculum == nil)
    }

    @Test func anUnreadableValueLeavesTheSchemaFindingsAlone() throws {
        // hours="x" is a schema finding, and the reader cannot hold it: no rule runs, no X004 repeats it.
        let xml = CurriculumXML(units: [.init(code: "U1")]).text
            .replacingOccurrences(of: "<unit code=\"U1\" hours=\"30\"", with: "<unit code=\"U1\" hours=\"x\"")
        let result = sharedValidator.validate(Array(xml.utf8), path: "test.xml")
        #expect(result.codes == ["VETA-X003"])
    }

    /// Every example with a schema finding lists its findings in line order.
    @Test func everyExampleListsItsFindingsInLineOrder() throws {
        for example in try Repository.files(in: "Examples", withExtension: "xml") {
            let result = try sharedValidator.validate(fileAt: Repository.path(example))
            let positions = result.diagnostics.map { [$0.location.line, $0.location.column ?? 0] }
            #expect(positions == positions.sorted { $0.lexicographicallyPrecedes($1) }, "\(example)")
        }
    }
}
