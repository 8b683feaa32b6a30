import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// A record issued on evidence voided later is no longer VALID: `verify` says which entry was voided and when.
@Suite struct RecordBackingTests {
    @Test func aRecordIssuedOnEvidenceVoidedLaterIsNotValidAndNamesTheVoidedEntry() async throws {
        let site = try await RecordLogTests.site()
        let issued = try await site.issueUnit(dc3: true)
        for item in issued {
            #expect(try await site.service.verify(try RecordLogTests.bytes(item.path), asOf: RecordLogTests.asOf).isValid)
        }
        let record = issued[0].record
        #expect(try await site.service.backing(of: record) == nil)
        let evidence = try await site.service.progress.store.entries(for: record.trainee).filter {
            $0.kind == .evidence && $0.curriculum == record.curriculum && $0.unit == record.unit
        }
        #expect(!evidence.isEmpty)
        for entry in evidence {
            _ = try await site.service.progress.correct(entry.sequence, reason: "forged", on: RecordLogTests.asOf)
        }
        let first = try #require(evidence.map(\.sequence).min())
        for item in issued {
            let report = try await site.service.verify(try RecordLogTests.bytes(item.path), asOf: RecordLogTests.asOf)
            #expect(!report.isValid)
            let evidenceCheck = try #require(report.checks.last)
            #expect(evidenceCheck.name == "evidence" && !evidenceCheck.passed)
            #expect(
                evidenceCheck.detail.hasPrefix("no longer backed by evidence: entry \(first) voided on \(RecordLogTests.asOf)"),
                "\(evidenceCheck)")
        }
    }
}
