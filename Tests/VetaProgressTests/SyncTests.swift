import Foundation
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// The rules of offline synchronisation (README, "Sites and synchronisation"): a bundle applies
/// once whatever the split points, a changed byte is refused with nothing written, a rolled-back
/// site is named, each conflict is kept and named by its rule, and every chain verifies at the centre.
/// The centre runs on every engine of the run (``Engine/all``: PostgreSQL too under Tests/pg/with-cluster.sh).
@Suite struct SyncTests {
    /// The centre (the test world's registry, nobody enrolled) and `sites` fresh site stores that took its first bundle.
    struct Cluster {
        let centre: TestWorld
        let sites: [ProgressService]
        let keys: [SigningKey]
        let centreKey = SigningKey()

        /// The centre runs on `engine`; the mine sites are SQLite files, as at a mine.
        static func make(sites count: Int = 1, engine: Engine) async throws -> Cluster {
            let centre = try await TestWorld.make(enrol: false, engine: engine)
            _ = try await centre.service.initialiseSite(SiteIdentity(id: "CENTRO", role: .centre), on: TestWorld.day("2026-01-01"))
            var sites: [ProgressService] = []
            for index in 1...count {
                let store = try SQLiteProgressStore(
                    path: centre.folder + "/site\(index).sqlite", clock: { Date(timeIntervalSince1970: 1_795_000_000) })
                let site = ProgressService(store: store, validator: try CurriculumValidator())
                _ = try await site.initialiseSite(SiteIdentity(id: "ZAC-0\(index)", role: .site), on: TestWorld.day("2026-01-01"))
                sites.append(site)
            }
            let cluster = Cluster(centre: centre, sites: sites, keys: sites.map { _ in SigningKey() })
            let (down, _) = try await centre.service.exportBundle(key: cluster.centreKey, for: nil, since: nil)
            for site in sites { _ = try await site.importBundle(down, name: "down") }
            return cluster
        }

        func up(_ index: Int, since: Int64? = nil) async throws -> [UInt8] {
            try await sites[index].exportBundle(key: keys[index], for: "CENTRO", since: since).0
        }

        func evidence(_ trainee: String, _ unit: String, _ element: Int, date: String) -> LedgerEntry {
            LedgerEntry(
                kind: .evidence, trainee: TraineeID(trainee), curriculum: centre.ref, date: TestWorld.day(date), unit: UnitCode(unit),
                target: .element(element), method: .observation, outcome: .satisfactory, minutes: 30, assessor: centre.assessor)
        }
    }

    /// A site's entries reach the centre once, whatever the points the site's chain is split at
    /// into bundles, whatever bundle is imported twice or again later: the centre ends with the
    /// same entries, the site's chain verifies there, and re-imports change nothing.
    @Test(arguments: Engine.all) func importingIsIdempotentOverRandomSplitPoints(engine: Engine) async throws {
        await propertyCheck(count: 12, input: Gen.int(in: 1...8).array(of: 1...4), Gen.int(in: 0...3)) { records, again in
            do {
                let cluster = try await Cluster.make(engine: engine)
                let site = cluster.sites[0]
                _ = try await site.enrol(cluster.centre.trainee, in: cluster.centre.ref, on: TestWorld.day("2026-01-05"))
                var bundles: [[UInt8]] = []
                var day = 1
                for count in records {
                    for _ in 0..<count {
                        _ = try await site.record(
                            cluster.evidence("T001", "RIIWHS201E", day % 2 + 1, date: String(format: "2026-02-%02d", day % 28 + 1)))
                        day += 1
                    }
                    bundles.append(try await cluster.up(0, since: 1))
                }
                let centre = cluster.centre.service
                for (index, bundle) in bundles.enumerated() {
                    _ = try await centre.importBundle(bundle, name: "b\(index)")
                    let end = try await centre.store.ledgerEnd()
                    let twice = try await centre.importBundle(bundle, name: "b\(index)")
                    let after = try await centre.store.ledgerEnd()
                    #expect(twice.received == 0 && after == end, "records \(records)")
                }
                let end = try await centre.store.ledgerEnd()
                let earlier = try await centre.importBundle(bundles[again % bundles.count], name: "again")
                let after = try await centre.store.ledgerEnd()
                #expect(earlier.received == 0 && after == end)
                let here = try await centre.store.entries(for: cluster.centre.trainee).map(\.kind)
                let there = try await site.store.entries(for: cluster.centre.trainee).map(\.kind)
                #expect(here == there, "records \(records)")
                let chains = try await centre.siteChains()
                let siteEnd = try await site.store.ledgerEnd()
                #expect(chains.count == 1 && chains[0].isIntact && chains[0].through == siteEnd)
                #expect(try await centre.verifyLedger().isIntact)
                #expect(try await centre.store.projectionProblems() == [])
            } catch {
                Issue.record("records \(records): \(error)")
            }
        }
    }

    /// One changed byte anywhere in a bundle: refused with a ``SyncError``, nothing written.
    @Test(arguments: Engine.all) func aChangedByteIsRefusedAndNothingIsWritten(engine: Engine) async throws {
        let cluster = try await Cluster.make(engine: engine)
        _ = try await cluster.sites[0].enrol(cluster.centre.trainee, in: cluster.centre.ref, on: TestWorld.day("2026-01-05"))
        let bundle = try await cluster.up(0)
        let centre = cluster.centre.service
        let end = try await centre.store.ledgerEnd()
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...255)) { position, delta in
            var changed = bundle
            changed[position % changed.count] = changed[position % changed.count] &+ UInt8(delta)
            await #expect(throws: SyncError.self) { try await centre.importBundle(changed, name: "changed") }
            let after = try? await centre.store.ledgerEnd()
            #expect(after == end)
        }
        #expect(try await centre.importBundle(bundle, name: "as signed").received > 0)
    }

    /// A site whose store went back to an older copy, then recorded, is named at its next import.
    @Test(arguments: Engine.all) func aRolledBackSiteIsNamed(engine: Engine) async throws {
        let cluster = try await Cluster.make(engine: engine)
        let site = cluster.sites[0]
        _ = try await site.enrol(cluster.centre.trainee, in: cluster.centre.ref, on: TestWorld.day("2026-01-05"))
        let path = cluster.centre.folder + "/site1.sqlite"
        let older = cluster.centre.folder + "/site1-older.sqlite"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: older + suffix)
        }
        _ = try await site.record(cluster.evidence("T001", "RIIWHS201E", 1, date: "2026-02-01"))
        _ = try await cluster.centre.service.importBundle(try await cluster.up(0), name: "first")
        let restored = ProgressService(store: try SQLiteProgressStore(path: older), validator: try CurriculumValidator())
        _ = try await restored.record(cluster.evidence("T001", "RIIWHS201E", 2, date: "2026-02-02"))
        let bundle = try await restored.exportBundle(key: cluster.keys[0], for: nil, since: nil).0
        let error = await #expect(throws: SyncError.self) { try await cluster.centre.service.importBundle(bundle, name: "restored") }
        #expect(error?.code == .rollback && error?.message.contains("ZAC-01") == true)
        let other = try await restored.exportBundle(key: SigningKey(), for: nil, since: nil).0
        let key = await #expect(throws: SyncError.self) { try await cluster.centre.service.importBundle(other, name: "other key") }
        #expect(key?.code == .key)
    }

    /// Rule: the same trainee id registered with different CURPs at two sites. The registration the
    /// centre had first stands; the other is kept in its receipt, named, and the entries about that
    /// trainee from that site are held with it (never counted for the other person).
    @Test(arguments: Engine.all) func aTraineeIdWithTwoCURPsIsNamedAndTheFirstStands(engine: Engine) async throws {
        let cluster = try await Cluster.make(sites: 2, engine: engine)
        func trainee(_ curp: String, job: String = "Operador") throws -> Trainee {
            Trainee(
                id: TraineeID("T900"), paternalSurname: "Núñez", maternalSurname: "", givenNames: "José", curp: try CURP(curp),
                employer: try RFC(TestWorld.employer), occupation: "Operador", jobTitle: job)
        }
        try await cluster.sites[0].store.add(try trainee(TestWorld.curps[1]))
        try await cluster.sites[1].store.add(try trainee(TestWorld.curps[2]))
        _ = try await cluster.sites[1].enrol(TraineeID("T900"), in: cluster.centre.ref, on: TestWorld.day("2026-01-05"))
        let centre = cluster.centre.service
        _ = try await centre.importBundle(try await cluster.up(0), name: "zac01")
        let report = try await centre.importBundle(try await cluster.up(1), name: "zac02")
        #expect(report.conflicts == 2)
        #expect(try await centre.store.trainee(TraineeID("T900"))?.curp.rawValue == TestWorld.curps[1])
        let conflicts = try await centre.conflicts()
        #expect(conflicts.map(\.kind) == ["curp", "held"] && conflicts.allSatisfy { $0.site == "ZAC-02" })
        #expect(try await centre.store.entries(for: TraineeID("T900")).isEmpty)
        #expect(try await centre.siteChains().allSatisfy(\.isIntact))
        // ZAC-02 then amends its T900: held too, the centre's T900 is not changed.
        try await cluster.sites[1].store.amend(try trainee(TestWorld.curps[2], job: "Supervisor"), reason: "ascenso")
        _ = try await centre.importBundle(try await cluster.up(1), name: "zac02 again")
        #expect(try await centre.conflicts().map(\.kind) == ["curp", "held", "held"])
        #expect(try await centre.store.trainee(TraineeID("T900"))?.jobTitle == "Operador")
    }

    /// Rule: a trainee enrolled in one curriculum from two sites. The enrolment the centre had first
    /// stands; the later one is kept and named; evidence from both sites counts for the one enrolment.
    @Test(arguments: Engine.all) func anEnrolmentFromTwoSitesIsNamedAndTheFirstStands(engine: Engine) async throws {
        let cluster = try await Cluster.make(sites: 2, engine: engine)
        _ = try await cluster.sites[0].enrol(cluster.centre.trainee, in: cluster.centre.ref, on: TestWorld.day("2026-01-05"))
        _ = try await cluster.sites[1].enrol(cluster.centre.trainee, in: cluster.centre.ref, on: TestWorld.day("2026-01-07"))
        _ = try await cluster.sites[1].record(cluster.evidence("T001", "RIIWHS201E", 1, date: "2026-02-01"))
        let centre = cluster.centre.service
        _ = try await centre.importBundle(try await cluster.up(1), name: "zac02")
        _ = try await centre.importBundle(try await cluster.up(0), name: "zac01")
        let conflicts = try await centre.conflicts()
        #expect(conflicts.map(\.kind) == ["enrolment"] && conflicts[0].site == "ZAC-01")
        let kinds = try await centre.store.entries(for: cluster.centre.trainee).map(\.kind)
        #expect(kinds == [.enrolment, .evidence])
        #expect(try await centre.verifyLedger().isIntact)
    }

    /// Rule: evidence by an assessor whose authorisation the centre withdrew before the site learned
    /// of it. It is kept and named, and does not count at the centre; evidence before the withdrawal counts.
    @Test(arguments: Engine.all) func evidenceAfterACentralWithdrawalIsNamedAndDoesNotCount(engine: Engine) async throws {
        let cluster = try await Cluster.make(engine: engine)
        let unit = UnitCode("RIIWHS201E")
        try await cluster.centre.service.store.authorise(
            cluster.centre.assessor, for: unit, on: TestWorld.day("2026-02-10"), granted: false)
        let site = cluster.sites[0]
        _ = try await site.enrol(cluster.centre.trainee, in: cluster.centre.ref, on: TestWorld.day("2026-01-05"))
        _ = try await site.record(cluster.evidence("T001", "RIIWHS201E", 1, date: "2026-02-01"))
        _ = try await site.record(cluster.evidence("T001", "RIIWHS201E", 2, date: "2026-02-15"))
        let centre = cluster.centre.service
        _ = try await centre.importBundle(try await cluster.up(0), name: "zac01")
        let conflicts = try await centre.conflicts()
        #expect(conflicts.map(\.kind) == ["authorisation"] && conflicts[0].reason.contains("2026-02-15"))
        let evidence = try await centre.store.entries(for: cluster.centre.trainee).filter { $0.kind == .evidence }
        #expect(evidence.map(\.date) == [TestWorld.day("2026-02-01")])
        // The site learns of the withdrawal from the centre's next bundle.
        let down = try await centre.exportBundle(key: cluster.centreKey, for: "ZAC-01", since: nil).0
        _ = try await site.importBundle(down, name: "down")
        #expect(try await site.store.registry().isAuthorised(cluster.centre.assessor, for: unit, on: TestWorld.day("2026-02-15")) == false)
    }

    /// A copied sign-off keeps the assessor's signature over the site's bytes, and verifies at the centre.
    @Test(arguments: Engine.all) func aCopiedSignOffVerifiesAtTheCentre(engine: Engine) async throws {
        let cluster = try await Cluster.make(engine: engine)
        let site = cluster.sites[0]
        let world = cluster.centre
        _ = try await site.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-01-05"))
        for (element, date) in [(1, "2026-02-01"), (2, "2026-02-03")] {
            var entry = cluster.evidence("T001", "RIIWHS201E", element, date: date)
            entry.method = element == 2 ? .practical : .observation
            _ = try await site.record(entry)
        }
        for (item, method) in [("K1", EvidenceMethod.writtenTest), ("K2", .oralTest)] {
            var entry = cluster.evidence("T001", "RIIWHS201E", 1, date: "2026-02-03")
            entry.target = .knowledge(item)
            entry.method = method
            _ = try await site.record(entry)
        }
        _ = try await site.signOff(
            world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"), key: world.key)
        _ = try await world.service.importBundle(try await cluster.up(0), name: "zac01")
        let report = try await world.service.verifyLedger()
        #expect(report.isIntact && report.signatures == 1, "\(report.problems)")
        let status = try await world.service.status(of: world.trainee, asOf: TestWorld.day("2026-03-01"))
        let there = try await site.status(of: world.trainee, asOf: TestWorld.day("2026-03-01"))
        #expect(status == there)
        #expect(try await world.service.store.rebuildProjections(after: try await world.service.store.ledgerEnd()) == [])
    }
}
