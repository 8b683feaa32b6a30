import Foundation
import GRDB
import Testing
import VetaCurricula

@testable import VetaProgress

/// A stored row must be exactly the canonical form of what was hashed; readers refuse a log that
/// does not verify where they read it; checkpoints hold the store to what it was.
@Suite struct RowExactnessTests {
    /// A connection as an attacker opens the file: foreign keys off, as the sqlite3 shell has them.
    static func attacker(_ world: TestWorld) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        return try DatabaseQueue(path: world.storePath, configuration: configuration)
    }

    /// A world whose progress entries were changed by `statements`, where `sequence = N` names the
    /// Nth progress entry (the registrations before it are entries of the log too: ``offset(_:)``).
    static func tampered(_ statements: String...) async throws -> TestWorld {
        let world = try await TestWorld.make()
        try await world.completeSafetyUnit()
        let offset = try await Self.offset(world)
        let queue = try Self.attacker(world)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_entry_append_only_update")
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_entry_append_only_delete")
            for statement in statements {
                try db.execute(sql: statement.replacingOccurrences(of: "sequence = 2", with: "sequence = \(offset + 2)"))
            }
        }
        return world
    }

    /// How many registry entries come before the world's first progress entry.
    static func offset(_ world: TestWorld) async throws -> Int64 {
        try await Self.attacker(world).read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(sequence) - 1 FROM ledger_entry WHERE registry IS NULL") ?? 0
        }
    }

    /// Each re-encoding keeps what is hashed but not what is stored: verify names the row, status refuses.
    @Test(arguments: [
        ("UPDATE ledger_entry SET trainee_id = CAST(trainee_id AS BLOB) WHERE sequence = 2", "trainee_id is stored as BLOB"),
        (
            "UPDATE ledger_entry SET curriculum_version = CAST(curriculum_version AS BLOB) WHERE sequence = 2",
            "curriculum_version is stored as BLOB"
        ),
        ("UPDATE ledger_entry SET minutes = CAST('60' AS BLOB) WHERE sequence = 2", "minutes is stored as BLOB"),
        ("UPDATE ledger_entry SET minutes = 60.5 WHERE sequence = 2", "minutes is stored as REAL"),
        // SQLite keeps text in an INTEGER column only when it is not a number: named, never read as one.
        ("UPDATE ledger_entry SET minutes = 'sixty' WHERE sequence = 2", "minutes is stored as TEXT"),
        ("UPDATE ledger_entry SET kind = 7 WHERE sequence = 2", "unknown kind"),
        ("UPDATE ledger_entry SET curriculum_version = '0' || curriculum_version WHERE sequence = 2", "curriculum_version"),
        ("UPDATE ledger_entry SET date = '2026-2-01' WHERE sequence = 2", "date"),
        ("UPDATE ledger_entry SET hash = upper(hash) WHERE sequence = 2", "hash is not 64 lowercase hex digits"),
        ("UPDATE ledger_entry SET recorded_at = replace(recorded_at, 'T', ' ') WHERE sequence = 2", "recorded_at"),
    ])
    func aValueStoredOtherThanCanonicallyIsAFinding(_ statement: String, _ reason: String) async throws {
        let world = try await Self.tampered(statement)
        let report = try await world.service.verifyLedger()
        #expect(report.problems.first?.sequence == (try await Self.offset(world)) + 2)
        #expect(report.problems.first?.reason.contains(reason) == true, "\(report.problems)")
        if !statement.contains("trainee_id") {
            await #expect(throws: Refusal.self) { try await world.service.status(of: world.trainee, asOf: TestWorld.day("2026-03-01")) }
        }
    }

    @Test func anIntactStoreHasExactRows() async throws {
        let world = try await Self.tampered()
        #expect(try await world.service.verifyLedger().isIntact)
        #expect(try await world.service.status(of: world.trainee, asOf: TestWorld.day("2026-03-01")).count == 1)
    }

    @Test func statusRefusesAnEntryWhoseSuccessorDoesNotNameItsHash() async throws {
        let world = try await Self.tampered()
        let third = try await Self.offset(world) + 3
        let entry = try #require(try await world.service.store.entries(from: third, through: third).first?.get())
        var changed = entry
        changed.outcome = .notYet
        let hash = LedgerCanonicalEncoding.hash(of: changed)
        let queue = try Self.attacker(world)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_entry_append_only_update")
            try db.execute(sql: "UPDATE ledger_entry SET outcome = 'not-yet', hash = ? WHERE sequence = ?", arguments: [hash, third])
        }
        let refusal = await #expect(throws: Refusal.self) {
            try await world.service.status(of: world.trainee, asOf: TestWorld.day("2026-03-01"))
        }
        #expect(refusal?.summary.contains("entry \(third)") == true)
        #expect(refusal?.description.contains("veta ledger verify") == true)
    }

    @Test func verifyNamesTruncationAgainstACheckpointAndACheckpointRefusesADamagedLedger() async throws {
        let world = try await Self.tampered()
        let key = SigningKey()
        let offset = try await Self.offset(world)
        let (checkpoint, note) = try await world.service.checkpoint(key: key, keyName: "site", verify: true)
        #expect(checkpoint.size == offset + 5)
        let keys = [try NoteVerifierKey(name: "site", publicKey: key.publicKey)]
        let files: [CheckpointVerifier.File] = [("c", .success(Array(note.utf8)))]
        #expect(try await world.service.verifyLedger(checkpoints: files, keys: keys).isIntact)
        let queue = try Self.attacker(world)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_entry_append_only_delete")
            try db.execute(sql: "DELETE FROM ledger_entry WHERE sequence > ?", arguments: [offset + 3])
        }
        let after = try await world.service.verifyLedger(checkpoints: files, keys: keys)
        #expect(after.problems.isEmpty)
        #expect(after.checkpoints.map(\.kind) == [.truncated])
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_entry_append_only_update")
            try db.execute(sql: "UPDATE ledger_entry SET note = 'x' WHERE sequence = ?", arguments: [offset + 2])
        }
        await #expect(throws: Refusal.self) { try await world.service.checkpoint(key: key, keyName: "site", verify: true) }
    }

    /// The checkpoint after a write reads only the entries since the newest one kept, and refuses a log that does not extend it.
    @Test func theCheckpointAfterAWriteRefusesALogThatNoLongerExtendsTheNewestOne() async throws {
        let world = try await Self.tampered()
        let key = SigningKey()
        let (first, _) = try await world.service.checkpoint(key: key, keyName: "site", verify: false)
        _ = try await world.service.record(world.evidence("RIIWHS201E", .element(1), date: "2026-02-10"))
        let (second, _) = try await world.service.checkpoint(key: key, keyName: "site", verify: false, extending: first)
        #expect(second.size == first.size + 1)
        let queue = try Self.attacker(world)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_entry_append_only_delete")
            try db.execute(sql: "DELETE FROM ledger_entry WHERE sequence = ?", arguments: [second.size])
        }
        _ = try await world.service.record(world.evidence("RIIWHS201E", .element(2), date: "2026-02-11"))
        let refusal = await #expect(throws: Refusal.self) {
            try await world.service.checkpoint(key: key, keyName: "site", verify: false, extending: second)
        }
        #expect(refusal?.summary.contains("does not extend the newest checkpoint") == true)
    }
}
