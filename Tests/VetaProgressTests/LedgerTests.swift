import Foundation
import GRDB
import Testing
import VetaCurricula

@testable import VetaProgress

/// The ledger chains every entry to the one before it and detects any change made behind Veta's back.
@Suite struct LedgerTests {
    static let sample = LedgerEntry(
        kind: .evidence, trainee: TraineeID("T\"1"),
        curriculum: CurriculumRef(code: CurriculumCode("VTOPHT"), version: SemanticVersion(major: 1, minor: 0, patch: 0)),
        date: CalendarDate(year: 2026, month: 11, day: 24) ?? .earliest, unit: UnitCode("RIIWHS201E"), target: .criterion("1.2"),
        method: .observation, outcome: .satisfactory, site: "Mina Saucito", minutes: 90, note: "línea 1\nlínea 2",
        assessor: AssessorID("A01"), sequence: 7, recordedAt: "2026-11-24T10:00:00Z", previousHash: String(repeating: "a", count: 64))

    @Test func canonicalEncodingIsSortedCompactAndEscaped() {
        let text = String(decoding: LedgerCanonicalEncoding.bytes(of: Self.sample), as: UTF8.self)
        #expect(
            text
                == #"{"assessor":"A01","curriculum":"VTOPHT@1.0.0","date":"2026-11-24","kind":"evidence","method":"observation","minutes":90,"note":"línea 1\nlínea 2","outcome":"satisfactory","previousHash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","recordedAt":"2026-11-24T10:00:00Z","sequence":7,"site":"Mina Saucito","target":"criterion:1.2","trainee":"T\"1","unit":"RIIWHS201E","v":1}"#
        )
    }

    @Test func canonicalEncodingIsJSONThatDecodesToTheSameFields() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(LedgerCanonicalEncoding.bytes(of: Self.sample))) as? [String: Any])
        #expect(object["note"] as? String == "línea 1\nlínea 2")
        #expect(object["trainee"] as? String == "T\"1")
        #expect(object["sequence"] as? Int == 7)
    }

    @Test func everyFieldChangesTheHash() {
        let base = LedgerCanonicalEncoding.hash(of: Self.sample)
        var variants: [LedgerEntry] = []
        var e = Self.sample
        e.minutes = 91
        variants.append(e)
        e = Self.sample
        e.outcome = .notYet
        variants.append(e)
        e = Self.sample
        e.previousHash = String(repeating: "b", count: 64)
        variants.append(e)
        e = Self.sample
        e.sequence = 8
        variants.append(e)
        e = Self.sample
        e.note = nil
        variants.append(e)
        #expect(variants.allSatisfy { LedgerCanonicalEncoding.hash(of: $0) != base })
    }

    @Test(arguments: Engine.all) func appendedEntriesFormAChainThatVerifies(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        let rows = try await world.service.store.allEntries().map { try $0.get() }
        #expect(rows.map(\.sequence) == Array(1...Int64(rows.count)))
        #expect(rows.first?.previousHash == LedgerEntry.genesisHash)
        for (previous, next) in zip(rows, rows.dropFirst()) { #expect(next.previousHash == previous.hash) }
        #expect(try await world.service.verifyLedger().isIntact)
    }

    // That the database refuses updates and deletes of entries, on both engines: EngineStoreTests.theDatabaseRefusesChangesToTheLog.

    @Test(arguments: Engine.all) func verificationNamesTheFirstRowChangedDirectlyInTheDatabase(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        try engine.tamper(world.storePath, ["UPDATE ledger SET outcome = 1, minutes = 600 WHERE sequence = 3"])
        let report = try await world.service.verifyLedger()
        #expect(!report.isIntact)
        #expect(report.problems.first?.sequence == 3)
        #expect(report.problems.first?.reason.contains("changed after it was recorded") == true)
    }

    @Test(arguments: Engine.all) func verificationDetectsADeletedRowAndAForgedSignature(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        _ = try await world.service.signOff(
            world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"), key: world.key)
        let forged = Base64URL.encode(try SigningKey().signature(for: [1, 2, 3]))
        let change = ["UPDATE ledger_detail SET signature = '\(forged)' WHERE kind = 4", "DELETE FROM ledger WHERE sequence = 2"]
        switch engine {
        case .sqlite:
            // An attacker's SQLite does not enforce foreign keys (the side table ledger_detail points at entries).
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            try await DatabaseQueue(path: world.storePath, configuration: configuration).write { db in
                for trigger in ["ledger_append_only_update", "ledger_append_only_delete", "ledger_detail_append_only_update"] {
                    try db.execute(sql: "DROP TRIGGER \(trigger)")  // the signature is in the side table
                }
                for statement in change { try db.execute(sql: statement) }
            }
        case .postgresql:
            // The database's owner turns off every trigger, the append-only guards and the foreign keys alike.
            try engine.tamper(world.storePath, ["SET session_replication_role = replica"] + change)
        }
        let report = try await world.service.verifyLedger()
        #expect(report.problems.first?.sequence == 3)
        #expect(report.problems.contains { $0.reason.contains("missing") })
        #expect(report.problems.contains { $0.reason.contains("signature does not verify") })
    }
}
