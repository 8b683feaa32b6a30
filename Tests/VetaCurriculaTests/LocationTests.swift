import Foundation
import Testing

@testable import VetaCurricula

/// Diagnostics point at the exact line and column of the offending tag or attribute.
@Suite struct LocationTests {
    @Test func attributeIsLocatedOnAMultiLineStartTag() {
        let text = "<a>\n  <unit\n     code=\"X\"\n     hours=\"3\"/>\n</a>"
        let source = SourceText(Array(text.utf8))
        let start = source.startOfTag("unit", line: 4)
        #expect(start?.line == 2)
        #expect(start?.column == 3)
        let hours = source.positionOfAttribute("hours", tagLine: 2, tagColumn: 3)
        #expect(hours?.line == 4)
        #expect(hours?.column == 6)
    }

    @Test func secondTagOnALineIsFoundByItsOccurrence() {
        let source = SourceText(Array("<core><unitRef code=\"A\"/><unitRef code=\"B\"/></core>".utf8))
        #expect(source.startOfTag("unitRef", line: 1, occurrence: 0)?.column == 7)
        #expect(source.startOfTag("unitRef", line: 1, occurrence: 1)?.column == 26)
    }

    @Test func attributeNameInsideAValueIsNotMistakenForTheAttribute() {
        let source = SourceText(Array("<unit note=\" code=x\" code=\"A\"/>".utf8))
        #expect(source.positionOfAttribute("code", tagLine: 1, tagColumn: 1)?.column == 22)
    }

    @Test func prefixOfALongerTagNameDoesNotMatch() {
        let source = SourceText(Array("<units><unit code=\"A\"/></units>".utf8))
        #expect(source.startOfTag("unit", line: 1)?.column == 8)
    }

    @Test func duplicateUnitRefOnTheSameLineIsReportedAtTheSecondOne() throws {
        var xml = CurriculumXML(units: [.init(code: "U1"), .init(code: "U2")])
        xml.core = ["U1"]
        xml.groups = [.init(id: "A", minimum: 1, maximum: nil, units: ["U2"])]
        let text = xml.text.replacingOccurrences(
            of: "      <unitRef code=\"U2\"/>\n", with: "      <unitRef code=\"U2\"/><unitRef code=\"U1\"/>\n")
        let result = sharedValidator.validate(Array(text.utf8), path: "same-line.xml")
        let finding = try #require(result.diagnostics.first { $0.code == "VETA-R013" })
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[finding.location.line - 1]
        let column = try #require(finding.location.column)
        #expect(line.dropFirst(column - 1).hasPrefix("code=\"U1\""))
    }

    /// The start-tag index skips what looks like a tag but is not one: comments, CDATA,
    /// processing instructions, end tags, and a ">" inside an attribute value.
    @Test func startTagIndexListsOnlyStartTags() {
        let text = "<?xml version=\"1.0\"?><!-- <no> --><a x=\"1>2\"><![CDATA[<no>]]><?pi <no>?><b/></a>"
        let offsets = StartTagIndex.startTags(in: Array(text.utf8))
        let bytes = Array(text.utf8)
        #expect(offsets.map { String(decoding: bytes[$0..<$0 + 2], as: UTF8.self) } == ["<a", "<b"])
    }

    /// In a file written on one line, every finding still points at its own tag: each of the
    /// same-named siblings before it is counted once, not searched for again.
    @Test func findingsInAOneLineFileArePlacedAtTheirOwnTags() throws {
        var xml = CurriculumXML(units: (1...30).map { .init(code: "U\($0)") })
        xml.core = (1...30).map { "U\($0)" } + ["U7"]
        let oneLine = xml.text.replacingOccurrences(of: "\n", with: " ")
        let result = sharedValidator.validate(Array(oneLine.utf8), path: "one-line.xml")
        let finding = try #require(result.diagnostics.first { $0.code == "VETA-R013" })
        #expect(finding.location.line == 1)
        let last = try #require(oneLine.range(of: "<unitRef code=\"U7\"", options: .backwards))
        let expected = oneLine.utf8.distance(from: oneLine.startIndex, to: last.lowerBound) + "<unitRef ".utf8.count + 1
        #expect(finding.location.column == expected)
    }
}
