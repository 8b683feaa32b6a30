import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaAudit

/// The catalogue audit and curriculum versions: lifecycle comes from the store, and "one unit
/// code, one meaning" compares different curricula of the current catalogue, not versions of one.
@Suite struct CatalogueVersionTests {
    static let diff = AuditTests.root.appendingPathComponent("Tests/fixtures/diff")

    static func results(_ names: [String]) throws -> [ValidationResult] {
        let validator = try CurriculumValidator()
        return try names.map { name in
            let path = diff.appendingPathComponent(name).path
            return validator.validate(Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
        }
    }

    static func codes(_ report: AuditReport) -> [String] { report.findings.map(\.diagnostic.code) }

    /// Two versions of one curriculum that differ in a unit are not an A002 finding (`veta diff` classifies them).
    @Test func twoVersionsOfOneCurriculumAreNotComparedUnitByUnit() throws {
        let report = CatalogueAudit.audit(try Self.results(["base.xml", "major.xml"]), policy: .default)
        #expect(!Self.codes(report).contains(AuditRule.unitDiffers.rawValue), "\(Self.codes(report))")
    }

    /// A unit that differs between two different curricula of the current catalogue is still an A002 finding.
    @Test func aUnitThatDiffersAcrossCurriculaIsAFinding() throws {
        let report = CatalogueAudit.audit(try Self.results(["major.xml", "other-code.xml"]), policy: .default)
        #expect(Self.codes(report).contains(AuditRule.unitDiffers.rawValue), "\(Self.codes(report))")
    }

    /// A superseded version (in the store's lifecycle) is out of the current catalogue: it is not compared.
    @Test func aSupersededVersionIsNotComparedWithOtherCurricula() throws {
        let lifecycle = ["EXWSAFE@2.0.0": CurriculumLifecycle(status: .withdrawn, successor: nil, since: .earliest, reason: "r")]
        let report = CatalogueAudit.audit(try Self.results(["major.xml", "other-code.xml"]), policy: .default, lifecycle: lifecycle)
        #expect(!Self.codes(report).contains(AuditRule.unitDiffers.rawValue), "\(Self.codes(report))")
    }

    /// The lifecycle in the store decides which versions are current: with the older one superseded
    /// there, two versions whose bytes both say "current" are not two current versions (A006).
    @Test func theStoresLifecycleDecidesWhichVersionIsCurrent() throws {
        let results = try Self.results(["base.xml", "major.xml"])
        #expect(Self.codes(CatalogueAudit.audit(results, policy: .default)).contains(AuditRule.twoCurrentVersions.rawValue))
        let lifecycle = [
            "EXWSAFE@1.1.0": CurriculumLifecycle(status: .superseded, successor: "EXWSAFE@2.0.0", since: .earliest, reason: nil)
        ]
        let codes = Self.codes(CatalogueAudit.audit(results, policy: .default, lifecycle: lifecycle))
        #expect(!codes.contains(AuditRule.twoCurrentVersions.rawValue) && !codes.contains(AuditRule.supersededWithoutSuccessor.rawValue))
    }
}
