import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// Rules behind faults an outside tester found (issue 10): the audit's "what the store knew at issue"
/// is the log before the issue entry, and a refused issue always says what is missing.
@Suite struct OutsideFixesBTests {
    @Test func evidenceVoidedAfterTheIssueEntryWasKnownAtIssueWhateverTheSecond() async throws {
        let site = try await RecordLogTests.site()
        let record = try #require(try await site.issueUnit().first).record
        let issueEntry = try #require(
            try await site.service.progress.store.entries(ofKinds: [.issue]).first { $0.record?.serial == record.serial }?.sequence)
        let evidence = try await site.service.progress.store.entries(for: record.trainee).filter {
            $0.kind == .evidence && $0.unit == record.unit
        }
        for entry in evidence { _ = try await site.service.progress.correct(entry.sequence, reason: "wrong", on: RecordLogTests.asOf) }
        // Known at the issue (the log before its entry): backed. Known now: not backed.
        #expect(try await site.service.backing(of: record, knownThrough: issueEntry - 1) == nil)
        #expect(try await site.service.backing(of: record) != nil)
    }

    @Test(arguments: UnitState.allCases.filter { $0 != .signedOff })
    func aUnitNotSignedOffAlwaysSaysWhatIsMissing(state: UnitState) {
        let status = UnitStatus(
            unit: UnitCode("RIIWHS201E"), state: state, criteriaCovered: 3, criteriaTotal: 3, knowledgeCovered: 2, knowledgeTotal: 2,
            occasions: 2, occasionsRequired: 2, minutes: 480, missing: [])
        let missing = RecordService.missingForIssue(status)
        #expect(!missing.isEmpty && missing.allSatisfy { !$0.isEmpty })
        #expect(missing.contains { $0.contains("sign-off") })
    }
}
