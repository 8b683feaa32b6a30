import Foundation
import Testing

@testable import VetaCurricula

/// The renderers keep their documented shapes.
@Suite struct ReportingTests {
    static let findings = ValidationResult(
        path: "dir with space/a.xml", curriculum: nil,
        diagnostics: [
            Diagnostic(
                code: "VETA-R008", severity: .error, location: SourceLocation(file: "dir with space/a.xml", line: 3, column: 5),
                message: "hours differ", fix: "add them up"),
            Diagnostic(
                code: "VETA-S006", severity: .error, location: SourceLocation(file: "dir with space/a.xml", line: 0),
                message: "empty", fix: nil),
        ])

    @Test func textReportIsCompilerStyleWithHintsAndASummary() {
        let text = TextReport.render([Self.findings])
        #expect(
            text == """
                dir with space/a.xml: error[VETA-S006]: empty
                dir with space/a.xml:3:5: error[VETA-R008]: hours differ
                  hint: add them up
                1 file checked: 2 errors, 0 warnings (1 file with errors)

                """)
    }

    @Test func sarifResultsCarryRegionsOnlyForRealLinesAndEncodedURIs() throws {
        let json = try SARIFReport([Self.findings], toolVersion: "0.0.0").encoded()
        let log = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let locations = results.compactMap { ($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any] }
        #expect(locations.allSatisfy { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String == "dir%20with%20space/a.xml" })
        #expect(locations.filter { $0["region"] != nil }.count == 1)
    }

    @Test func curriculumModelRoundTripsThroughJSON() throws {
        let result = try sharedValidator.validate(fileAt: Repository.path("Examples/valid-working-safely.xml"))
        let curriculum = try #require(result.curriculum)
        let json = try JSONOutput.encode(curriculum)
        let decoded = try JSONDecoder().decode(Curriculum.self, from: Data(json.utf8))
        #expect(decoded == curriculum)
        #expect(json.contains("\"code\" : \"EXWSAFE\""))
    }

    @Test func semanticVersionsOrderNumerically() {
        let versions = ["1.10.0", "1.2.0", "0.9.9", "1.2.10", "1.2.9"].compactMap(SemanticVersion.init)
        #expect(versions.sorted().map(\.description) == ["0.9.9", "1.2.0", "1.2.9", "1.2.10", "1.10.0"])
        #expect(SemanticVersion("1.2") == nil)
        #expect(SemanticVersion("1.2.x") == nil)
    }
}
