import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// The store's half of `veta sync import` (``ProgressStore/receive(_:after:)``), on every engine:
/// every check holds inside the one write transaction that appends, a refusal writes nothing, and
/// the receipt keeps each received entry's exact bytes.
@Suite struct SyncReceiveTests {
    static let day = TestWorld.day("2026-02-01")

    /// Entry 1 of site ZAC-01's chain (its site id), as the site stored it.
    static func siteEntry() -> LedgerEntry {
        var entry = LedgerEntry.registry(.setting, subject: StoreSetting.siteID.rawValue, fields: ["value": "ZAC-01"], date: day)
        entry.sequence = 1
        entry.recordedAt = "2026-02-01T10:00:00Z"
        entry.previousHash = LedgerEntry.genesisHash
        entry.hash = LedgerCanonicalEncoding.hash(of: entry)
        return entry
    }

    /// A receipt of ZAC-01's entry 1, kept (a site's setting is not applied elsewhere).
    static func receipt() -> SyncReceipt {
        let bytes = LedgerCanonicalEncoding.bytes(of: siteEntry())
        let line = SyncReceipt.Line(
            sequence: 1, state: .kept, local: nil, signature: nil, bytes: bytes,
            reason: "a setting entry of ZAC-01 is kept here, not applied")
        return SyncReceipt(
            origin: "ZAC-01", publicKey: "key", previous: LedgerEntry.genesisHash, head: SHA256Hex.of(bytes), acknowledged: 0,
            lines: [line])
    }

    static func write(_ copies: [LedgerEntry]) -> SyncWrite {
        SyncWrite(receipt: receipt().entry(date: day), copies: copies, curricula: [])
    }

    @Test(arguments: Engine.all) func theReceiptAndItsCopiesAreChainedAndReadBackExactly(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let store = world.service.store
        let end = try await store.ledgerEnd()
        let stored = try await store.receive(Self.write([world.evidence("RIIWHS201E", .element(1))]), after: end)
        #expect(stored.map(\.sequence) == [end + 1, end + 2] && stored.map(\.kind) == [.receipt, .evidence])
        let read = try await store.entries(from: end + 1, through: end + 2).map { try $0.get() }
        #expect(read.map(LedgerCanonicalEncoding.bytes(of:)) == stored.map(LedgerCanonicalEncoding.bytes(of:)))
        #expect(read.map(\.hash) == stored.map { LedgerCanonicalEncoding.hash(of: $0) })
        let receipt = try #require(read.first.flatMap(SyncReceipt.init))
        #expect(receipt.lines.map(\.bytes) == [LedgerCanonicalEncoding.bytes(of: Self.siteEntry())])
        #expect(try await store.ledgerEnd() == end + 2)
        let report = try await world.service.verifyLedger()
        #expect(report.isIntact, "\(report.problems)")
        let chains = try await world.service.siteChains()
        #expect(chains.map(\.site) == ["ZAC-01"] && chains.allSatisfy(\.isIntact), "\(chains)")
    }

    @Test(arguments: Engine.all) func aReceiveAfterAnotherWriteIsRefusedAsChangedAndWritesNothing(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let store = world.service.store
        let end = try await store.ledgerEnd()
        let error = await #expect(throws: StoreError.self) {
            try await store.receive(Self.write([world.evidence("RIIWHS201E", .element(1))]), after: end - 1)
        }
        #expect(error?.kind == .changed)
        #expect(try await store.ledgerEnd() == end)
    }

    @Test(arguments: Engine.all) func aCopyTheRegistryCannotTakeIsRefusedAndNothingIsWritten(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let store = world.service.store
        let end = try await store.ledgerEnd()
        let twice = LedgerEntry.registry(
            .organisation, subject: TestWorld.employer, fields: ["name": "Otra Minera", "sites": ""], date: Self.day)
        let error = await #expect(throws: Refusal.self) { try await store.receive(Self.write([twice]), after: end) }
        #expect(error?.summary.contains("registered a second time") == true && error?.summary.contains("nothing was written") == true)
        #expect(try await store.ledgerEnd() == end)
        #expect(try await store.organisation(try RFC(TestWorld.employer))?.name == "Minera Fresnillo")
        #expect(try await store.projectionProblems() == [])
    }

    @Test(arguments: Engine.all) func aSecondEnrolmentIsRefusedInsideTheReceive(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let store = world.service.store
        let end = try await store.ledgerEnd()
        let again = LedgerEntry(kind: .enrolment, trainee: world.trainee, curriculum: world.ref, date: Self.day)
        await #expect(throws: Refusal.self) { try await store.receive(Self.write([again]), after: end) }
        #expect(try await store.ledgerEnd() == end)
    }
}
