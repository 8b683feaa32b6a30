import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// A record the store judges NOT VALID is never published or listed as valid (breakit6 finding 1):
/// `site(issuer:key:)` refuses while an issued record is no longer backed by evidence, naming each
/// serial and the fix, and a record's standing (the DC-4's `estado`) agrees with `verify` at every step.
@Suite struct UnbackedPublicationTests {
    /// Whether `standing(of:on:)` and `verify` agree on each issued file: valid exactly when VALID.
    static func agree(_ site: RecordLogTests.Site, _ issued: [RecordService.Issued]) async throws {
        for item in issued {
            let report = try await site.service.verify(try RecordLogTests.bytes(item.path), asOf: RecordLogTests.asOf)
            let standing = try await site.service.standing(of: item.record, on: RecordLogTests.asOf)
            #expect((standing == .valid) == report.isValid, "\(item.record.serial): \(standing) vs \(report.checks)")
        }
    }

    @Test func aSiteIsRefusedWhileAnIssuedRecordIsNoLongerBackedAndBuiltOnceItIsRevoked() async throws {
        let site = try await RecordLogTests.site()
        let issued = try await site.issueUnit(dc3: true)
        #expect(issued.count == 2)
        _ = try await site.service.site(issuer: site.issuer, key: site.key)
        try await Self.agree(site, issued)
        for item in issued { #expect(try await site.service.standing(of: item.record, on: RecordLogTests.asOf).dc4State == "vigente") }

        let record = issued[0].record
        let evidence = try await site.service.progress.store.entries(for: record.trainee).filter {
            $0.kind == .evidence && $0.curriculum == record.curriculum && $0.unit == record.unit
        }
        for entry in evidence { _ = try await site.service.progress.correct(entry.sequence, reason: "forged", on: RecordLogTests.asOf) }

        do {
            _ = try await site.service.site(issuer: site.issuer, key: site.key)
            Issue.record("a site was built with a record no longer backed")
        } catch let refusal as Refusal {
            let text = refusal.description
            for item in issued {
                #expect(text.contains("\(item.record.serial) (T100, VTOPHT@1.0.0 RIIWHS201E): no longer backed"), "\(text)")
            }
            #expect(text.contains("veta revoke \(issued[0].record.serial) --reason") && text.contains("veta reissue"), "\(text)")
        }
        try await Self.agree(site, issued)
        for item in issued {
            #expect(try await site.service.standing(of: item.record, on: RecordLogTests.asOf).dc4State == "sin respaldo")
        }

        try await site.service.revoke(record.serial, reason: "evidence voided", on: RecordLogTests.asOf)
        let built = try await site.service.site(issuer: site.issuer, key: site.key)
        let page = String(decoding: try #require(built.files["records/\(record.serial)/index.html"]), as: UTF8.self)
        #expect(page.contains("REVOCADA"))
        #expect(!built.revokedIndexes.isEmpty)
        try await Self.agree(site, issued)
        for item in issued { #expect(try await site.service.standing(of: item.record, on: RecordLogTests.asOf).dc4State == "revocada") }
    }
}
