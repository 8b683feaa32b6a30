import Foundation
import PropertyBased
import Testing

@testable import VetaCurricula

/// What the fast paths of single-file validation must keep: a caller that drops the model gets
/// exactly the findings of one that keeps it, and the shortcuts in the rules decide what the
/// plain statement of each rule decides.
@Suite struct FindingsWithoutModelTests {
    static let files: [String] =
        ((try? Repository.files(in: "Examples", withExtension: "xml")) ?? [])
        + ((try? Repository.files(in: "Curricula", withExtension: "xml")) ?? [])

    /// Without the model the reader leaves texts empty; no rule may depend on them.
    @Test(arguments: files)
    func droppingTheModelKeepsEveryFinding(_ file: String) throws {
        let kept = try sharedValidator.validate(fileAt: Repository.path(file), keepingModel: true)
        let dropped = try sharedValidator.validate(fileAt: Repository.path(file), keepingModel: false)
        #expect(dropped.diagnostics == kept.diagnostics)
        #expect(dropped.code == kept.code && dropped.version == kept.version)
        #expect(dropped.curriculum == nil)
    }

    /// The same with missing `<es>`/`<en>` children, which only a looser schema lets through:
    /// the checks on texts still run when the texts are not copied.
    @Test func droppingTheModelKeepsTheTextChecks() throws {
        let loose = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:veta:curriculum:1" \
            elementFormDefault="qualified"><xs:element name="curriculum"><xs:complexType><xs:sequence>\
            <xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>\
            <xs:anyAttribute processContents="skip"/></xs:complexType></xs:element></xs:schema>
            """
        let schemaPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("veta-loose-\(UInt32.random(in: 0...UInt32.max)).xsd").path
        try loose.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: schemaPath) }
        let validator = try CurriculumValidator(schemaPath: schemaPath)
        let text = CurriculumXML(units: [.init(code: "U1"), .init(code: "U2")]).text
            .replacingOccurrences(of: "<en>Knowledge</en>", with: "")
            .replacingOccurrences(of: "<es>En sitio</es>", with: "")
            // A text in one language is allowed by the schema since 1.1 (VETA-R020/R021); one with neither is not.
            .replacingOccurrences(of: "<es>Evidencia</es><en>Evidence</en>", with: "")
        let kept = validator.validate(Array(text.utf8), path: "loose.xml", keepingModel: true)
        let dropped = validator.validate(Array(text.utf8), path: "loose.xml", keepingModel: false)
        #expect(kept.codes.contains("VETA-X004"))
        #expect(dropped.diagnostics == kept.diagnostics)
    }

    @Test func criterionNumberMatchesItsDecimalSpelling() async {
        let characters = Gen.element(of: [".", ".", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", " ", "x"])
        await propertyCheck(count: 400, input: characters.array(of: 0...6), Gen.int(in: 0...120), Gen.int(in: 0...120)) {
            pieces, element, position in
            let number = pieces.compactMap { $0 }.joined()
            #expect(CriterionNumberingRule.isNumbered(number, element: element, position: position) == (number == "\(element).\(position)"))
            let spelled = "\(element).\(position)"
            #expect(CriterionNumberingRule.isNumbered(spelled, element: element, position: position))
        }
    }

    /// A unit with many knowledge items (past the short-list shortcut) reports each repeat at the
    /// line of the item's first use.
    @Test func repeatedKnowledgeItemsAreFoundInLongAndShortLists() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...9).array(of: 1...40)) { picks in
            let ids = picks.map { "K\($0)" }
            let xml = CurriculumXML(units: [.init(code: "U1", knowledgeIDs: ids)])
            let itemLines = xml.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { $0.element.contains("<item id=") }.map { $0.offset + 1 }
            let expected = ids.indices.compactMap { index -> (line: Int, first: Int)? in
                guard let first = ids[..<index].firstIndex(of: ids[index]) else { return nil }
                return (itemLines[index], itemLines[first])
            }
            let found = xml.validate().diagnostics.filter { $0.code == "VETA-R015" }
            #expect(found.map(\.location.line) == expected.map(\.line))
            #expect(zip(found, expected).allSatisfy { $0.message.hasSuffix("already used at line \($1.first)") })
        }
    }
}
