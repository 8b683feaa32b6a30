import Foundation
import Testing

@testable import VetaCurricula

/// Schema 1.1 lets a bilingual text leave out one language; the rules allow it only in a draft
/// (VETA-R020 for a current or superseded curriculum, VETA-R021 lists what a draft still needs).
@Suite struct LanguageRuleTests {
    /// The test curriculum with the title's English (or Spanish) removed, under each status.
    private func titleIn(_ language: String, status: String) -> ValidationResult {
        var xml = CurriculumXML(units: [.init(code: "U1")])
        xml.status = status
        let title = language == "es" ? "<title><es>Prueba</es></title>" : "<title><en>Test</en></title>"
        let text = xml.text.replacingOccurrences(of: "<title><es>Prueba</es><en>Test</en></title>", with: title)
        return sharedValidator.validate(Array(text.utf8), path: "test.xml")
    }

    @Test(arguments: ["es", "en"], ["draft", "current", "superseded"])
    func oneLanguageIsAllowedOnlyInADraft(_ language: String, _ status: String) throws {
        let result = titleIn(language, status: status)
        let expected = status == "draft" ? "VETA-R021" : "VETA-R020"
        #expect(result.codes == [expected])
        #expect(result.hasErrors == (status != "draft"))
        let missing = language == "es" ? "English" : "Spanish"
        #expect(result.diagnostics.first?.message.contains("\(missing)") == true)
        let curriculum = try #require(result.curriculum)
        #expect(curriculum.untranslatedTexts.map(\.element) == ["title"])
    }

    @Test func bothLanguagesMissingIsASchemaError() {
        let xml = CurriculumXML(units: [.init(code: "U1")]).text
            .replacingOccurrences(of: "<title><es>Prueba</es><en>Test</en></title>", with: "<title></title>")
        let result = sharedValidator.validate(Array(xml.utf8), path: "test.xml")
        #expect(result.codes == ["VETA-X003"])
    }

    @Test func englishBeforeSpanishIsStillAnOrderError() {
        let xml = CurriculumXML(units: [.init(code: "U1")]).text
            .replacingOccurrences(of: "<title><es>Prueba</es><en>Test</en></title>", with: "<title><en>Test</en><es>Prueba</es></title>")
        #expect(sharedValidator.validate(Array(xml.utf8), path: "test.xml").codes == ["VETA-X003"])
    }

    /// The texts of a draft are found the same whether or not the reader copies them out.
    @Test func findingsDoNotDependOnKeepingTheModel() throws {
        let path = "Examples/VETA-R021-translation-pending.xml"
        let bytes = try Repository.read(path)
        let kept = sharedValidator.validate(bytes, path: path)
        let dropped = sharedValidator.validate(bytes, path: path, keepingModel: false)
        #expect(kept.diagnostics == dropped.diagnostics)
        #expect(kept.codes == ["VETA-R021", "VETA-R021", "VETA-R021"])
    }
}
