import Foundation
import Testing

@testable import VetaCurricula

/// The curriculum model holds what the XSD says each typed value means, whatever legal form it
/// was written in; a value it cannot hold, or one a looser `--schema` lets through unread, is a
/// `VETA-X004` finding and never a default.
@Suite struct TypedValueReadingTests {
    static let base = CurriculumXML(units: [.init(code: "U1")])

    /// The base curriculum with `recertification` added after `<published>`.
    static func withRecertification(_ attributes: String, published: String = "2026-11-24") -> String {
        base.text.replacingOccurrences(
            of: "<published>2026-11-24</published>",
            with: "<published>\(published)</published>\n  <recertification \(attributes)/>")
    }

    static func validate(_ text: String, validator: CurriculumValidator = sharedValidator) -> ValidationResult {
        validator.validate(Array(text.utf8), path: "test.xml")
    }

    @Test func validityMonthsPlusTwelveIsTwelveMonths() throws {
        let result = Self.validate(Self.withRecertification("validityMonths=\"+12\""))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(try #require(result.curriculum).recertification?.validityMonths == 12)
    }

    @Test func everyTypedAttributeWrittenInAnotherLegalFormReadsTheSame() throws {
        let canonical = try #require(Self.validate(Self.withRecertification("validityMonths=\"12\" refresherHours=\"8\"")).curriculum)
        var text = Self.withRecertification("validityMonths=\"&#9;+0012 \" refresherHours=\" 008\"")
        func replace(_ old: String, _ new: String) {
            #expect(text.contains(old), "the base curriculum has \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        replace("hours=\"30\" safetyCritical=\"true\"", "hours=\"+030\" safetyCritical=\" 1 \"")
        replace("<element number=\"1\">", "<element number=\"+01\">")
        replace("occasions=\"1\"", "occasions=\"0001\"")
        replace("totalUnits=\"1\" externalElectives=\"0\"", "totalUnits=\" +1\" externalElectives=\"-0\"")
        replace("<volumeOfLearning hours=\"30\"/>", "<volumeOfLearning hours=\"&#10;30&#13;\"/>")
        let result = Self.validate(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let variant = try #require(result.curriculum)
        #expect(variant.recertification == canonical.recertification)
        #expect(variant.units.map(\.hours) == canonical.units.map(\.hours))
        #expect(variant.units.map(\.isSafetyCritical) == [true])
        #expect(variant.units.map { $0.elements.map(\.number) } == [[1]])
        #expect(variant.units.map(\.performanceEvidence.occasions) == [1])
        #expect(variant.packaging.totalUnits == 1 && variant.packaging.externalElectives == 0)
        #expect(variant.volumeOfLearningHours == 30)
    }

    @Test func aLegalCountLargerThanSixtyFourBitsIsAFindingNotAFallback() {
        let text = Self.base.text.replacingOccurrences(of: "occasions=\"1\"", with: "occasions=\"99999999999999999999\"")
        let result = Self.validate(text)
        #expect(result.codes == ["VETA-X004"])
        #expect(result.curriculum == nil)
        #expect(result.diagnostics.first?.message.contains("larger than Veta can hold") == true)
    }

    @Test func theDefaultOfSafetyCriticalIsTheSchemasDefault() throws {
        let text = Self.base.text.replacingOccurrences(of: " safetyCritical=\"true\"", with: "")
        #expect(try #require(Self.validate(text).curriculum).units.first?.isSafetyCritical == false)
    }

    @Test func thePublicationDateKeepsItsTimezone() throws {
        let text = Self.base.text.replacingOccurrences(of: "2026-11-24</published>", with: "2026-11-24-06:00</published>")
        let published = try #require(Self.validate(text).curriculum).published
        #expect(published == XSDDate(year: 2026, month: 11, day: 24, timezoneOffsetMinutes: -360))
    }

    /// A schema that lets anything through `validityMonths`, `published` and `level`.
    static let looseValidator: CurriculumValidator = {
        var schema = BundledSchema.text
        schema = schema.replacingOccurrences(
            of: "<xs:element name=\"published\" type=\"xs:date\"/>",
            with: "<xs:element name=\"published\" type=\"xs:string\" minOccurs=\"0\"/>")
        schema = schema.replacingOccurrences(
            of: "<xs:attribute name=\"level\" type=\"Level\" use=\"required\"/>", with: "<xs:attribute name=\"level\"/>")
        schema = schema.replacingOccurrences(
            of: """
                <xs:attribute name="validityMonths" use="required">
                      <xs:simpleType>
                        <xs:restriction base="xs:positiveInteger">
                """,
            with: """
                <xs:attribute name="validityMonths" use="required">
                      <xs:simpleType>
                        <xs:restriction base="xs:string">
                """)
        schema = schema.replacingOccurrences(of: "<xs:maxInclusive value=\"120\"/>", with: "")
        schema = schema.replacingOccurrences(of: "<xs:pattern value=\"[A-Z0-9]{1,12}\"/>", with: "")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("veta-loose-\(getpid()).xsd").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(schema.utf8))
        do { return try CurriculumValidator(schemaPath: path) } catch { fatalError("the loose schema does not compile: \(error)") }
    }()

    @Test(arguments: [
        ("validityMonths=\"twelve\"", "validityMonths=\"twelve\" is not a valid xs:positiveInteger"),
        ("validityMonths=\"0\"", "it must be at least 1"),
        ("validityMonths=\"121\"", "it must be at most 120"),
        ("validityMonths=\"-3\"", "it must be at least 1"),
    ])
    func aLooserSchemaCannotLetAValueThroughUnread(_ attribute: String, _ message: String) {
        let result = Self.validate(Self.withRecertification(attribute), validator: Self.looseValidator)
        #expect(result.codes == ["VETA-X004"])
        #expect(result.diagnostics.first?.message.contains(message) == true, "\(result.diagnostics)")
        #expect(result.curriculum == nil)
    }

    @Test func aLooserSchemaCannotLetAMissingOrUnknownValueThrough() {
        var text = Self.base.text.replacingOccurrences(of: "  <published>2026-11-24</published>\n", with: "")
        text = text.replacingOccurrences(of: "level=\"operator\"", with: "level=\"Operator\"")
        let result = Self.validate(text, validator: Self.looseValidator)
        #expect(result.codes == ["VETA-X004", "VETA-X004"], "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.message.contains("has no <published> element") })
        #expect(result.diagnostics.contains { $0.message.contains("level=\"Operator\" is not a valid Level") })
        #expect(result.curriculum == nil)
    }

    @Test func aLooserSchemaCannotLetACodeOutsideItsPatternThrough() {
        let text = Self.base.text.replacingOccurrences(of: "code=\"TEST\"", with: "code=\"test\"")
        let result = Self.validate(text, validator: Self.looseValidator)
        #expect(result.codes == ["VETA-X004"], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.message.contains("code=\"test\" is not a valid string matching [A-Z0-9]{1,12}") == true)
    }

    @Test func theLooseSchemaStillAcceptsWhatTheBundledOneDoes() {
        #expect(Self.validate(Self.withRecertification("validityMonths=\" +12 \""), validator: Self.looseValidator).diagnostics.isEmpty)
    }
}
