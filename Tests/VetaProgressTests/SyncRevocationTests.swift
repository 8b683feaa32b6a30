import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// A centre's revocation of a record a site issued is applied at that site (README, "Sites and
/// synchronisation"): copied into its log, so the record registry (which reads revocations from the
/// log) treats it as revoked and a rebuild agrees; a revocation of another record under the same
/// serial (serials are counted per store) is kept, not applied.
@Suite struct SyncRevocationTests {
    static let serial = "VETA-2026-000001"

    func issue(at site: ProgressService, trainee: TraineeID, ref: CurriculumRef, sha256: String) async throws {
        var entry = LedgerEntry(
            kind: .issue, trainee: trainee, curriculum: ref, date: TestWorld.day("2026-03-01"), unit: UnitCode("RIIWHS201E"),
            attachmentSHA256: sha256)
        entry.record = RecordDetails(serial: Self.serial, format: "ob3", issuer: "did:web:zac.example.mx")
        _ = try await (try (site.store as? any RecordLedger).unwrap("a store that holds records")).appendRecords(
            [entry], serials: [Self.serial], trainees: [], check: { _ in }, seal: { _ in }, artifacts: [:])
    }

    func revocations(at service: ProgressService) async throws -> [LedgerEntry] {
        try await (try (service.store as? any RecordLedger).unwrap("a store that holds records")).recordEntries(
            [.revocation], serial: Self.serial)
    }

    @Test(arguments: Engine.all) func theCentresRevocationOfASiteRecordIsAppliedThereOnly(engine: Engine) async throws {
        let cluster = try await SyncTests.Cluster.make(sites: 2, engine: engine)
        let world = cluster.centre
        defer { try? FileManager.default.removeItem(atPath: world.folder) }
        let (one, two) = (cluster.sites[0], cluster.sites[1])
        let sha = String(repeating: "ab", count: 32)
        // Both sites issue a record with the same serial (serials are counted per store); only ZAC-01's is revoked.
        try await issue(at: one, trainee: world.trainee, ref: world.ref, sha256: sha)
        try await issue(at: two, trainee: world.trainee, ref: world.ref, sha256: String(repeating: "cd", count: 32))
        _ = try await world.service.importBundle(try await cluster.up(0), name: "up-1")
        _ = try await world.service.importBundle(try await cluster.up(1), name: "up-2")

        // The centre's revocation names the record by serial and by its artifact's sha256.
        var revocation = LedgerEntry(
            kind: .revocation, trainee: world.trainee, curriculum: world.ref, date: TestWorld.day("2026-03-05"),
            unit: UnitCode("RIIWHS201E"), note: "issued in error", attachmentSHA256: sha)
        revocation.record = RecordDetails(serial: Self.serial)
        _ = try await (try (world.service.store as? any RecordLedger).unwrap("a store that holds records")).appendRecords(
            [revocation], serials: [Self.serial], trainees: [], check: { _ in }, seal: { _ in }, artifacts: [:])

        for (index, site) in [one, two].enumerated() {
            let (down, _) = try await world.service.exportBundle(key: cluster.centreKey, for: "ZAC-0\(index + 1)", since: nil)
            _ = try await site.importBundle(down, name: "down")
            let end = try await site.store.ledgerEnd()
            let again = try await site.importBundle(down, name: "down")
            let after = try await site.store.ledgerEnd()
            #expect(again.received == 0 && after == end, "importing twice changes nothing")
            let chains = try await site.siteChains()
            #expect(chains.allSatisfy { $0.isIntact })
            let repaired = try await site.store.rebuildProjections(after: end)
            #expect(repaired == [], "the projections agree with the log")
        }
        let applied = try await revocations(at: one)
        #expect(applied.count == 1 && applied[0].note == "issued in error" && applied[0].attachmentSHA256 == sha)
        let other = try await revocations(at: two)
        #expect(other.isEmpty, "ZAC-02's record under the same serial is another record: kept, not applied")

        // Back at the centre, ZAC-01's copy is known, not copied again.
        let before = try await world.service.store.ledgerEnd()
        let report = try await world.service.importBundle(try await cluster.up(0), name: "up-1 again")
        let atCentre = try await revocations(at: world.service)
        #expect(report.copied == 0 && atCentre.count == 1)
        let after = try await world.service.store.ledgerEnd()
        #expect(after == before + 1, "one receipt, no copies")
    }

    @Test(arguments: Engine.all) func aRevocationWithoutTheRecordsHashOrAlreadyAppliedIsNotCopied(engine: Engine) async throws {
        let cluster = try await SyncTests.Cluster.make(sites: 1, engine: engine)
        let world = cluster.centre
        defer { try? FileManager.default.removeItem(atPath: world.folder) }
        let site = cluster.sites[0]
        let sha = String(repeating: "ab", count: 32)
        try await issue(at: site, trainee: world.trainee, ref: world.ref, sha256: sha)
        // The site revokes its record itself first; the centre's revocation of it is then the same.
        var own = LedgerEntry(
            kind: .revocation, trainee: world.trainee, curriculum: world.ref, date: TestWorld.day("2026-03-02"),
            unit: UnitCode("RIIWHS201E"), note: "revoked here")
        own.record = RecordDetails(serial: Self.serial)
        _ = try await (try (site.store as? any RecordLedger).unwrap("a store that holds records")).appendRecords(
            [own], serials: [Self.serial], trainees: [], check: { _ in }, seal: { _ in }, artifacts: [:])
        var central = own
        central.attachmentSHA256 = sha
        central.note = "revoked at the centre"
        _ = try await (try (world.service.store as? any RecordLedger).unwrap("a store that holds records")).appendRecords(
            [central], serials: [Self.serial], trainees: [], check: { _ in }, seal: { _ in }, artifacts: [:])
        let (down, _) = try await world.service.exportBundle(key: cluster.centreKey, for: "ZAC-01", since: nil)
        _ = try await site.importBundle(down, name: "down")
        let notes = try await revocations(at: site).map(\.note)
        #expect(notes == ["revoked here"])
    }
}
