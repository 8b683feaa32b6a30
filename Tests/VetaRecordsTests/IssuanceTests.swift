import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// The credential and the DC-3 issued together are one issuance; a revoked or superseded record
/// never verifies as VALID.
@Suite struct IssuanceTests {
    typealias Log = RecordLogTests

    @Test func revokingTheCredentialRevokesItsDC3AndEitherFileReportsIt() async throws {
        let site = try await Log.site()
        let issued = try await site.issueUnit(dc3: true)
        #expect(issued.map(\.record.format) == [.ob3, .dc3])
        let revoked = try await site.service.revokeIssuance(issued[0].record.serial, reason: "signed off in error", on: Log.asOf)
        #expect(revoked == issued.map(\.record.serial))
        for item in issued {
            #expect(try await site.service.records.events(item.record.serial).map(\.kind) == [.revoked])
            let report = try await site.service.verify(try Log.bytes(item.path), asOf: Log.asOf)
            #expect(!report.isValid && report.verdict == "REVOKED", "\(report.checks)")
        }
        await #expect(throws: Refusal.self) { try await site.service.revoke(issued[1].record.serial, reason: "again", on: Log.asOf) }
    }

    @Test func revokingTheDC3RevokesItsCredential() async throws {
        let site = try await Log.site()
        let issued = try await site.issueUnit(dc3: true)
        try await site.service.revoke(issued[1].record.serial, reason: "wrong trainee", on: Log.asOf)
        #expect(try await site.service.records.events(issued[0].record.serial).map(\.kind) == [.revoked])
    }

    @Test func aRecordRevokedAloneByAnOlderVetaMakesItsPartnerReportTheRevocation() async throws {
        let site = try await Log.site()
        let issued = try await site.issueUnit(dc3: true)
        try await site.service.records.revoke(issued[1].record.serial, reason: "old veta", on: Log.asOf)
        let report = try await site.service.verify(try Log.bytes(issued[0].path), asOf: Log.asOf)
        #expect(report.verdict == "REVOKED" && report.checks.last?.detail.contains(issued[1].record.serial) == true)
    }

    @Test func aRevokedRecordCannotBeReissued() async throws {
        let site = try await Log.site()
        let issued = try await site.issueUnit(dc3: true)
        try await site.service.revoke(issued[0].record.serial, reason: "fraud", on: Log.asOf)
        for item in issued {
            await #expect(throws: Refusal.self) {
                _ = try await site.service.reissue(item.record.serial, key: site.key, outputFolder: site.folder + "/re", asOf: Log.asOf)
            }
        }
    }

    @Test func aSupersededRecordVerifiesAsSupersededByItsSuccessor() async throws {
        let site = try await Log.site()
        let issued = try await site.issueUnit(dc3: true)
        let successors = try await site.service.reissue(
            issued[0].record.serial, key: site.key, outputFolder: site.folder + "/re", asOf: Log.asOf)
        for item in issued {
            let report = try await site.service.verify(try Log.bytes(item.path), asOf: Log.asOf)
            #expect(!report.isValid && report.verdict == "SUPERSEDED", "\(report.checks)")
            #expect(report.checks.last?.detail.contains(successors[0].record.serial) == true)
        }
        for item in successors { #expect(try await site.service.verify(try Log.bytes(item.path), asOf: Log.asOf).isValid) }
    }

    /// Property: whatever sequence of issues, revocations and re-issues, a record that is revoked
    /// (itself or the record issued with it) or superseded never verifies as VALID, and every
    /// other record does.
    @Test(arguments: [1, 2, 3])
    func aSupersededOrRevokedRecordNeverVerifiesAsValid(_ seed: UInt64) async throws {
        let site = try await Log.site()
        var random = SplitMix(seed: seed)
        var files: [String: String] = [:]
        for _ in 0..<8 {
            let known = files.keys.sorted()
            switch random.next() % 3 {
            case 0,
                _ where known.isEmpty:
                for item in try await site.issueUnit(dc3: random.next() % 2 == 0) { files[item.record.serial] = item.path }
            case 1:
                _ = try? await site.service.revoke(known[Int(random.next() % UInt64(known.count))], reason: "p", on: Log.asOf)
            default:
                let serial = known[Int(random.next() % UInt64(known.count))]
                if let items = try? await site.service.reissue(serial, key: site.key, outputFolder: site.folder + "/re", asOf: Log.asOf) {
                    for item in items { files[item.record.serial] = item.path }
                }
            }
        }
        for (serial, path) in files {
            let record = try #require(try await site.service.records.record(serial))
            var ended = false
            for part in try await site.service.issuance(of: record) {
                let events = try await site.service.records.events(part.serial)
                if events.contains(where: { $0.kind == .revoked }) { ended = true }
            }
            let own = try await site.service.records.events(serial)
            if own.contains(where: { $0.kind == .superseded }) { ended = true }
            let report = try await site.service.verify(try Log.bytes(path), asOf: Log.asOf)
            #expect(report.isValid == !ended, "\(serial): \(report.checks)")
            #expect((report.verdict == "VALID") == !ended)
        }
    }
}

/// A small seeded generator, so a failing sequence can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
