import PropertyBased
import Testing

@testable import VetaCurricula

/// `CurriculumDiff` on the fixtures in `Tests/fixtures/diff`: each is a later version of `base.xml`.
@Suite struct DiffTests {
    static func curriculum(_ name: String) throws -> Curriculum {
        let result = try sharedValidator.validate(fileAt: Repository.path("Tests/fixtures/diff/\(name)"))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return try #require(result.curriculum)
    }

    static func diff(_ name: String) throws -> (diff: CurriculumDiff, findings: [Diagnostic], new: Curriculum) {
        let old = try curriculum("base.xml")
        let new = try curriculum(name)
        let diff = CurriculumDiff.between(old, new)
        return (diff, diff.findings(old: old, new: new), new)
    }

    @Test func identicalFilesHaveNoChangesAndNeedOnlyAPatch() throws {
        let (diff, findings, _) = try Self.diff("base.xml")
        #expect(diff.changes.isEmpty)
        #expect(diff.requiredBump == .patch)
        #expect(diff.mayBeEquivalent)
        #expect(findings.isEmpty)
    }

    @Test func spanishWordingOnlyIsAPatchThatMayBeEquivalent() throws {
        let (diff, findings, _) = try Self.diff("patch.xml")
        #expect(
            diff.changes.map(\.line) == [
                "~ criterion RIIWHS201E 1.1 text (es) changed (patch)",
                "~ knowledge RIIERR302D K1 text (es) changed (patch)",
            ])
        #expect(diff.changes.first?.path == "RIIWHS201E/1/1.1")
        #expect(diff.requiredBump == .patch)
        #expect(diff.mayBeEquivalent)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func anAddedCriterionIsAMinorChangeThatMayBeEquivalent() throws {
        let (diff, findings, _) = try Self.diff("minor.xml")
        #expect(diff.changes.map(\.line) == ["+ criterion RIIWHS201E 2.3 (minor)"])
        #expect(diff.changes.map(\.path) == ["RIIWHS201E/2/2.3"])
        #expect(diff.requiredBump == .minor)
        #expect(diff.mayBeEquivalent)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func aRemovedCriterionAndRaisedOccasionsAreMajor() throws {
        let (diff, findings, _) = try Self.diff("major.xml")
        #expect(
            diff.changes.map(\.line) == [
                "- criterion RIIWHS201E 1.3 (major)",
                "~ performanceEvidence RIIWHS201E occasions changed 2 → 3 (major)",
            ])
        #expect(diff.changes.last?.old == "2")
        #expect(diff.changes.last?.new == "3")
        #expect(diff.requiredBump == .major)
        #expect(!diff.mayBeEquivalent)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func aMajorChangeDeclaredAsMinorIsReportedOnTheCurriculumElement() throws {
        let (diff, findings, new) = try Self.diff("bump-too-small.xml")
        #expect(diff.changes.map(\.line) == ["- knowledge RIIWHS201E K2 (major)"])
        #expect(diff.requiredBump == .major)
        #expect(findings.map(\.code) == ["VETA-D001"])
        #expect(findings.first?.location == new.location)
        #expect(findings.first?.message.contains("at least 2.0.0") == true)
    }

    @Test func declaringAMajorChangeEquivalentIsReportedOnSupersedes() throws {
        let (diff, findings, new) = try Self.diff("equivalent-major.xml")
        #expect(diff.changes.map(\.line) == ["~ criterion RIIWHS201E 1.1 text (en) changed (major)"])
        #expect(!diff.mayBeEquivalent)
        #expect(findings.map(\.code) == ["VETA-D002"])
        #expect(findings.first?.location == new.supersedes?.location)
        #expect(findings.first?.location.line == 27)
    }

    @Test func anotherCurriculumIsNotASuccessor() throws {
        let (diff, findings, new) = try Self.diff("other-code.xml")
        #expect(diff.changes.isEmpty)
        #expect(findings.map(\.code) == ["VETA-D003"])
        #expect(findings.first?.location == new.location)
    }

    @Test func anOlderVersionIsNotASuccessor() throws {
        let old = try Self.curriculum("minor.xml")
        let new = try Self.curriculum("base.xml")
        let codes = CurriculumDiff.between(old, new).findings(old: old, new: new).map(\.code)
        #expect(codes == ["VETA-D003"])
    }

    @Test func reportTextListsChangesAndTheRequiredBump() throws {
        let report = DiffReport(old: try Self.curriculum("base.xml"), new: try Self.curriculum("bump-too-small.xml"))
        let lines = report.renderText().split(separator: "\n").map(String.init)
        #expect(lines.first == "- knowledge RIIWHS201E K2 (major)")
        #expect(lines.contains("required bump: major (1.1.0 → at least 2.0.0); declared 1.2.0"))
        #expect(lines.contains { $0.hasSuffix("error[VETA-D001]: " + (report.findings.first?.message ?? "")) })
        #expect(report.declaredBump == .minor)
    }

    @Test func aCoreUnitAddedMakesThePackagingStricterAndIsMajor() throws {
        let old = try #require(CurriculumXML(units: [.init(code: "U1")]).validate().curriculum)
        let new = try #require(CurriculumXML(version: "2.0.0", units: [.init(code: "U1"), .init(code: "U2")]).validate().curriculum)
        let diff = CurriculumDiff.between(old, new)
        #expect(
            diff.changes.map(\.line) == [
                "~ hours volumeOfLearning changed 30 → 60 (minor)",
                "+ unit U2 (minor)",
                "~ packaging totalUnits changed 1 → 2 (major)",
                "+ packaging core U2 (major)",
            ])
        #expect(diff.requiredBump == .major)
        #expect(diff.findings(old: old, new: new).isEmpty)
    }

    @Test func anElectiveAddedIsMinor() throws {
        let group = CurriculumXML.GroupSpec(id: "A", minimum: 1, units: ["U2"])
        let units: [CurriculumXML.UnitSpec] = [.init(code: "U1"), .init(code: "U2")]
        let old = try #require(CurriculumXML(units: units, totalUnits: 2, core: ["U1"], groups: [group]).validate().curriculum)
        var wider = group
        wider.units.append("U3")
        let new = try #require(
            CurriculumXML(version: "1.1.0", units: units + [.init(code: "U3")], totalUnits: 2, core: ["U1"], groups: [wider])
                .validate().curriculum)
        let diff = CurriculumDiff.between(old, new)
        #expect(
            diff.changes.map(\.line) == [
                "~ hours volumeOfLearning changed 60 → 90 (minor)", "+ unit U3 (minor)", "+ packaging A U3 (minor)",
            ])
        #expect(diff.requiredBump == .minor)
    }

    @Test func theReportEncodesAsOneJSONDocument() throws {
        let report = DiffReport(old: try Self.curriculum("base.xml"), new: try Self.curriculum("major.xml"))
        let json = try JSONOutput.encode(report)
        #expect(json.contains("\"requiredBump\" : \"major\""))
        #expect(json.contains("\"minimumVersion\" : \"2.0.0\""))
        #expect(json.contains("\"path\" : \"RIIWHS201E/1/1.3\""))
    }

    @Test func bumpsAreOrderedAndDeclaredFromVersions() throws {
        #expect(Bump.patch < .minor && Bump.minor < .major)
        let old = try #require(SemanticVersion("1.1.0"))
        #expect(Bump.declared(from: old, to: try #require(SemanticVersion("1.1.1"))) == .patch)
        #expect(Bump.declared(from: old, to: try #require(SemanticVersion("1.2.0"))) == .minor)
        #expect(Bump.declared(from: old, to: try #require(SemanticVersion("2.0.0"))) == .major)
        #expect(Bump.declared(from: old, to: old) == nil)
    }

    @Test func addingCriteriaToAnElementIsAlwaysMinor() async {
        await propertyCheck(count: 50, input: Gen.int(in: 1...5)) { n in
            let before = CurriculumXML(units: [.init(code: "U1", elements: [(1, ["1.1"])])]).validate().curriculum
            let criteria = (1...(n + 1)).map { "1.\($0)" }
            let after = CurriculumXML(version: "1.1.0", units: [.init(code: "U1", elements: [(1, criteria)])]).validate().curriculum
            guard let before, let after else {
                Issue.record("a generated curriculum did not read")
                return
            }
            let diff = CurriculumDiff.between(before, after)
            #expect(diff.changes.count == n)
            #expect(diff.changes.allSatisfy { $0.kind == .added && $0.subject == .criterion })
            #expect(diff.requiredBump == .minor)
            #expect(diff.mayBeEquivalent)
            #expect(diff.findings(old: before, new: after).isEmpty)
        }
    }

    @Test func theMinimumVersionIsDeclaredWithTheRequiredBump() async {
        await propertyCheck(count: 50, input: Gen.int(in: 0...9), Gen.int(in: 0...9), Gen.int(in: 0...9)) { major, minor, patch in
            let version = SemanticVersion(major: major, minor: minor, patch: patch)
            for bump in Bump.allCases {
                #expect(Bump.declared(from: version, to: version.bumped(by: bump)) == bump)
            }
        }
    }
}
