import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// Rule (README, "Sites and synchronisation", "This store's own entries"): a received copy of this
/// store's own entry is `known` only when this store holds that entry, the same one; a sender that
/// holds entries of this store it does not have (restored from an older copy) or other ones (set up
/// again under the same id) is refused, `sync-rollback`, with nothing written. On every engine.
extension SyncTests {
    /// The centre goes back to a copy taken before it sent ZAC-01 a trainee: ZAC-01's bundle is refused
    /// there, while the centre that was not restored takes the same bundle, its copies `known`, twice.
    @Test(arguments: Engine.all) func aCentreRestoredFromAnOlderCopyRefusesTheSiteBundle(engine: Engine) async throws {
        let cluster = try await Cluster.make(engine: engine)
        let centre = cluster.centre.service
        // The backup: a store with exactly the centre's entries so far (the same clock, assessor key and id).
        let backup = try await TestWorld.make(enrol: false, engine: engine, key: cluster.centre.key)
        _ = try await backup.service.initialiseSite(SiteIdentity(id: "CENTRO", role: .centre), on: TestWorld.day("2026-01-01"))
        let backupEnd = try await backup.service.store.ledgerEnd()
        let backupHashes = try await backup.service.store.allEntries().map { try $0.get().hash }
        let centreHashes = try await centre.store.entries(from: 1, through: backupEnd).map { try $0.get().hash }
        try #require(backupHashes == centreHashes, "the backup is the centre's chain so far")
        try await centre.store.add(
            Trainee(
                id: TraineeID("C001"), paternalSurname: "Ruiz", maternalSurname: "", givenNames: "Pedro",
                curp: try CURP(TestWorld.curps[1]), employer: try RFC(TestWorld.employer), occupation: "Operador", jobTitle: "Operador"))
        let site = cluster.sites[0]
        _ = try await site.importBundle(try await centre.exportBundle(key: cluster.centreKey, for: "ZAC-01", since: nil).0, name: "down 2")
        _ = try await site.enrol(TraineeID("C001"), in: cluster.centre.ref, on: TestWorld.day("2026-01-05"))
        let up = try await cluster.up(0)

        let error = await #expect(throws: SyncError.self) { try await backup.service.importBundle(up, name: "up") }
        #expect(error?.code == .rollback)
        #expect(error?.message.contains("ZAC-01 holds this store's entries through") == true, "\(String(describing: error))")
        #expect(error?.fix.contains("restore this store from its newest copy") == true)
        #expect(try await backup.service.store.ledgerEnd() == backupEnd)
        #expect(try await backup.service.store.trainee(TraineeID("C001")) == nil)

        // The centre as it is: ZAC-01's copies of its entries are known, as the entries ZAC-01 copied.
        let report = try await centre.importBundle(up, name: "up")
        #expect(report.conflicts == 0)
        let sent = try await site.receipts().filter { $0.receipt.origin == "CENTRO" }
            .flatMap { $0.receipt.lines.filter { $0.state == .copied }.map(\.sequence) }
        let known = try await centre.receipts().flatMap { $0.receipt.lines.filter { $0.state == .known }.compactMap(\.local) }
        #expect(!sent.isEmpty && known == sent)
        #expect(try await centre.store.entries(for: TraineeID("C001")).map(\.kind) == [.enrolment])
        #expect(try await centre.importBundle(up, name: "up again").received == 0)
        // Another round, interleaved: the centre sends, the site records, both bundles of the site arrive.
        _ = try await site.importBundle(try await centre.exportBundle(key: cluster.centreKey, for: "ZAC-01", since: nil).0, name: "down 3")
        _ = try await site.record(cluster.evidence("C001", "RIIWHS201E", 1, date: "2026-02-01"))
        let third = try await centre.importBundle(try await cluster.up(0, since: 1), name: "up 2")
        #expect(third.conflicts == 0 && third.copied == 1)
        #expect(try await centre.verifyLedger().isIntact)
    }

    /// A centre store set up anew under the same id (moved, rebuilt) receives ZAC-01's bundle, which
    /// holds the old centre's entries: refused, nothing written, and the same again.
    @Test(arguments: Engine.all) func aCentreSetUpAgainUnderTheSameIdRefusesTheSiteBundle(engine: Engine) async throws {
        let cluster = try await Cluster.make(engine: engine)
        _ = try await cluster.sites[0].enrol(cluster.centre.trainee, in: cluster.centre.ref, on: TestWorld.day("2026-01-05"))
        let up = try await cluster.up(0)
        let folder = cluster.centre.folder + "/new-centre"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (store, _) = try await engine.makeStore(folder: folder, clock: { Date(timeIntervalSince1970: 1_795_000_000) })
        let fresh = ProgressService(store: store, validator: try CurriculumValidator())
        _ = try await fresh.initialiseSite(SiteIdentity(id: "CENTRO", role: .centre), on: TestWorld.day("2026-01-01"))
        let end = try await store.ledgerEnd()
        for attempt in ["up", "up again"] {
            let error = await #expect(throws: SyncError.self) { try await fresh.importBundle(up, name: attempt) }
            #expect(error?.code == .rollback)
            #expect(error?.message.contains("that is not this store's entry") == true, "\(String(describing: error))")
            #expect(error?.message.contains("set up again under the id CENTRO") == true)
            #expect(try await store.ledgerEnd() == end)
            #expect(try await fresh.conflicts().isEmpty)
            #expect(try await store.trainee(cluster.centre.trainee) == nil)
        }
    }
}
