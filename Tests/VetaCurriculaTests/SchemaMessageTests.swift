import Foundation
import PropertyBased
import Testing

@testable import VetaCurricula

/// libxml2's schema and syntax findings come out in plain words with a fix, and libxml2's own
/// text stays with each of them.
@Suite struct SchemaMessageTests {
    static let schema: CompiledSchema = {
        do {
            return try CompiledSchema(bytes: Array(BundledSchema.text.utf8), path: BundledSchema.path)
        } catch {
            fatalError("the bundled schema does not compile: \(error)")
        }
    }()

    static func site(_ element: String, parent: String? = "curriculum", attribute: String? = nil) -> SchemaErrorSite {
        SchemaErrorSite(element: element, localName: element, namespace: "urn:veta:curriculum:1", parent: parent, attribute: attribute)
    }

    static let elementContent = Int32(1871)

    @Test func anyValueThatIsNotABooleanIsReportedWithTheAllowedValues() async {
        await propertyCheck(count: 40, input: Gen.lowercaseLetter.string(of: 1...8)) { value in
            guard value != "true", value != "false" else { return }
            let text = CurriculumXML(units: [.init(code: "U1")]).text
                .replacingOccurrences(of: "safetyCritical=\"true\"", with: "safetyCritical=\"\(value)\"")
            let result = sharedValidator.validate(Array(text.utf8), path: "test.xml")
            let finding = result.diagnostics.first
            #expect(result.codes == ["VETA-X003"])
            #expect(
                finding?.message == "safetyCritical=\"\(value)\" on <unit> is not a boolean; the allowed values are true, false, 1 and 0")
            #expect(finding?.fix == "write safetyCritical=\"true\" or safetyCritical=\"false\".")
            #expect(finding?.originalMessage?.contains("'\(value)' is not a valid value of the atomic type 'xs:boolean'") == true)
        }
    }

    /// A bad value that spans lines is quoted whole, line breaks shown escaped: the message is never
    /// cut at the first line break, so it still says what is wrong and how to fix it.
    @Test func aBadValueSpanningLinesIsReportedWhole() {
        for (value, shown) in [("2026-11-\n24", "2026-11-\\n24"), ("2026-11\t-24", "2026-11\\t-24"), ("x\r\ny", "x\\ny")] {
            let text = CurriculumXML(units: [.init(code: "U1")]).text
                .replacingOccurrences(of: "<published>2026-11-24</published>", with: "<published>\(value)</published>")
            let result = sharedValidator.validate(Array(text.utf8), path: "test.xml")
            #expect(result.codes == ["VETA-X003"])
            #expect(result.diagnostics.first?.message == "<published> \"\(shown)\" is not a date (YYYY-MM-DD)", "\(value)")
        }
        // White space around a date is legal XSD (whiteSpace="collapse"), although libxml2 2.9 refuses it.
        let spaced = CurriculumXML(units: [.init(code: "U1")]).text
            .replacingOccurrences(of: "<published>2026-11-24</published>", with: "<published>\n  2026-11-24\n</published>")
        #expect(sharedValidator.validate(Array(spaced.utf8), path: "test.xml").codes == [])
    }

    @Test func anElementThatIsNotExpectedListsTheElementsThatMayComeThere() {
        let explanation = SchemaExplainer.explain(
            code: Self.elementContent,
            message: "Element '{urn:veta:curriculum:1}notes': This element is not expected. Expected is one of "
                + "( {urn:veta:curriculum:1}element, {urn:veta:curriculum:1}performanceEvidence ).",
            site: Self.site("notes", parent: "unit"), facts: Self.schema.facts)
        #expect(
            explanation?.message == "<notes> is not an element of the schema; expected <element> or <performanceEvidence> here in <unit>")
    }

    @Test func anElementThatAppearsAgainNamesWhereItFirstIs() {
        var site = Self.site("published")
        site.preceding = [.init(name: "issuingBody", line: 25), .init(name: "published", line: 26)]
        site.following = [.init(name: "volumeOfLearning", line: 28)]
        let explanation = SchemaExplainer.explain(
            code: Self.elementContent,
            message: "Element '{urn:veta:curriculum:1}published': This element is not expected. Expected is one of "
                + "( {urn:veta:curriculum:1}supersedes, {urn:veta:curriculum:1}volumeOfLearning ).",
            site: site, facts: Self.schema.facts)
        #expect(
            explanation?.message.hasPrefix("<published> appears again in <curriculum>, where it is allowed only once (first at line 26)")
                == true)
    }

    @Test func anElementOutOfOrderNamesTheLaterElementThatMustComeBeforeIt() {
        var site = Self.site("description")
        site.following = [.init(name: "title", line: 9), .init(name: "source", line: 13)]
        let explanation = SchemaExplainer.explain(
            code: Self.elementContent,
            message:
                "Element '{urn:veta:curriculum:1}description': This element is not expected. Expected is ( {urn:veta:curriculum:1}title ).",
            site: site, facts: Self.schema.facts)
        #expect(
            explanation?.message
                == "<description> is out of order in <curriculum>: expected <title> here; <title> (line 9) must come before it")
        #expect(explanation?.fix?.hasPrefix("move <title> from line 9 to just before <description>") == true)
    }

    @Test func aMissingChildIsNamed() {
        let explanation = SchemaExplainer.explain(
            code: Self.elementContent,
            message:
                "Element '{urn:veta:curriculum:1}unit': Missing child element(s). Expected is ( {urn:veta:curriculum:1}assessmentConditions ).",
            site: Self.site("unit", parent: "units"), facts: Self.schema.facts)
        #expect(explanation?.message == "<unit> is missing <assessmentConditions>, which is required")
    }

    @Test func aRootInTheWrongNamespaceNamesTheNamespaceItMustBeIn() {
        var site = Self.site("curriculum", parent: nil)
        site.namespace = "urn:veta:curricula:1"
        let explanation = SchemaExplainer.explain(
            code: Int32(1845),
            message: "Element '{urn:veta:curricula:1}curriculum': No matching global declaration available for the validation root.",
            site: site, facts: Self.schema.facts)
        #expect(explanation?.message == "<curriculum> is in the namespace urn:veta:curricula:1, but it must be in urn:veta:curriculum:1")
        site.namespace = nil
        let none = SchemaExplainer.explain(
            code: Int32(1845), message: "Element 'curriculum': No matching global declaration available for the validation root.",
            site: site, facts: Self.schema.facts)
        #expect(none?.message == "<curriculum> has no namespace; it must be in the namespace urn:veta:curriculum:1")
    }

    @Test func aValueOfANamedTypeIsDescribedFromTheSchema() {
        let explanation = SchemaExplainer.explain(
            code: Int32(1824),
            message:
                "Element '{urn:veta:curriculum:1}unit', attribute 'hours': 'sixteen' is not a valid value of the atomic type '{urn:veta:curriculum:1}Hours'.",
            site: Self.site("unit", parent: "units", attribute: "hours"), facts: Self.schema.facts)
        #expect(explanation?.message == "hours=\"sixteen\" on <unit> is not a whole number from 0 to 10000")
    }

    @Test func theSchemaFactsComeFromTheCompiledSchema() {
        let facts = Self.schema.facts
        #expect(facts.targetNamespace == "urn:veta:curriculum:1")
        #expect(facts.globalElements == ["curriculum"])
        #expect(facts.simpleTypes["Hours"] == .init(builtIn: "nonNegativeInteger", minimum: nil, maximum: "10000"))
        #expect(facts.simpleTypes["Level"]?.values == ["operator", "technician", "supervisor"])
    }

    /// A message libxml2 words differently (another version) is never half-parsed into a wrong
    /// sentence: the caller keeps libxml2's text.
    @Test func aMessageOfAnUnknownShapeIsLeftToLibxml2() {
        #expect(
            SchemaExplainer.explain(code: Self.elementContent, message: "Something else.", site: Self.site("x"), facts: Self.schema.facts)
                == nil)
        #expect(
            SchemaExplainer.explain(code: Int32(1877), message: "Duplicate key.", site: Self.site("x"), facts: Self.schema.facts) == nil)
        #expect(ParseErrorExplainer.explain(code: Int32(76), message: "Opening and ending tag mismatch") == nil)
    }

    @Test func aBareAmpersandIsExplainedWithItsEscape() throws {
        let text = CurriculumXML(units: [.init(code: "U1")]).text
            .replacingOccurrences(of: "</issuingBody>", with: " & partners</issuingBody>")
        let result = sharedValidator.validate(Array(text.utf8), path: "test.xml")
        let finding = try #require(result.diagnostics.first)
        #expect(result.codes == ["VETA-X001"])
        #expect(finding.message.contains("&amp;"))
        #expect(finding.originalMessage == "xmlParseEntityRef: no name")
    }

    @Test func libxml2sTextIsShownOnlyWhenVerbose() throws {
        let result = try sharedValidator.validate(fileAt: Repository.path("Examples/VETA-X003-bad-boolean.xml"))
        let finding = try #require(result.diagnostics.first)
        #expect(TextReport.lines(for: finding).count == 2)
        #expect(TextReport.lines(for: finding, verbose: true).last == "  libxml2: \(finding.originalMessage ?? "")")
    }

    @Test func libxml2sTextIsInTheJSONAndSARIFReports() throws {
        let result = try sharedValidator.validate(fileAt: Repository.path("Examples/VETA-X003-bad-boolean.xml"))
        let original = try #require(result.diagnostics.first?.originalMessage)
        let json = try JSONSerialization.jsonObject(with: Data(try JSONReport([result]).encoded().utf8)) as? [String: Any]
        let files = json?["files"] as? [[String: Any]]
        let diagnostics = files?.first?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.first?["originalMessage"] as? String == original)
        let sarif =
            try JSONSerialization.jsonObject(with: Data(try SARIFReport([result], toolVersion: "test").encoded().utf8)) as? [String: Any]
        let results = (sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]
        #expect((results?.first?["properties"] as? [String: Any])?["originalMessage"] as? String == original)
    }

    /// Veta's own rules have no libxml2 text, so their JSON keeps its shape.
    @Test func semanticFindingsHaveNoOriginalMessage() throws {
        let result = try sharedValidator.validate(fileAt: Repository.path("Examples/VETA-R001-duplicate-unit-code.xml"))
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.allSatisfy { $0.originalMessage == nil })
    }
}
