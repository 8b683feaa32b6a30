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
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_append_only_update")
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_append_only_delete")
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_name_append_only_update")
            for statement in statements {
                try db.execute(sql: statement.replacingOccurrences(of: "sequence = 2", with: "sequence = \(offset + 2)"))
            }
        }
        return world
    }

    /// Statements that point entry 2's `column` at a new `ledger_name` row (of `role`) holding
    /// `value` (an SQL expression of the old row's `value`).
    static func renamed(_ column: String, _ role: Int, _ value: String) -> String {
        "INSERT INTO ledger_name (role, value) SELECT \(role), \(value) FROM ledger_name WHERE id = "
            + "(SELECT \(column) FROM ledger WHERE sequence = 2); UPDATE ledger SET \(column) = last_insert_rowid() WHERE sequence = 2"
    }

    /// How many registry entries come before the world's first progress entry.
    static func offset(_ world: TestWorld) async throws -> Int64 {
        try await Self.attacker(world).read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(sequence) - 1 FROM ledger_entry WHERE registry IS NULL") ?? 0
        }
    }

    /// Each re-encoding keeps what is hashed but not what is stored (in the compact table `ledger`
    /// or in the names its ids point to): verify names the row and column, status refuses.
    @Test(arguments: [
        ("UPDATE ledger SET trainee = CAST(trainee AS BLOB) WHERE sequence = 2", "trainee holds id"),
        ("UPDATE ledger SET curriculum_version = 99999 WHERE sequence = 2", "curriculum_version holds id 99999"),
        ("UPDATE ledger SET unit = (SELECT id FROM ledger_name WHERE role = 1) WHERE sequence = 2", "unit holds id"),
        // A name re-encoded: entry 2 pointed at a new `ledger_name` row holding it (the old row names other entries too).
        (RowExactnessTests.renamed("curriculum_version", 3, "CAST(value AS BLOB)"), "curriculum_version is stored as BLOB"),
        ("UPDATE ledger SET minutes = CAST('60' AS BLOB) WHERE sequence = 2", "minutes is stored as BLOB"),
        ("UPDATE ledger SET minutes = 60.5 WHERE sequence = 2", "minutes is stored as REAL"),
        // SQLite keeps text in an INTEGER column only when it is not a number: named, never read as one.
        ("UPDATE ledger SET minutes = 'sixty' WHERE sequence = 2", "minutes is stored as TEXT"),
        ("UPDATE ledger SET kind = 70 WHERE sequence = 2", "kind holds 70"),
        ("UPDATE ledger SET kind = 'evidence' WHERE sequence = 2", "kind holds evidence"),
        ("UPDATE ledger SET method = 42 WHERE sequence = 2", "method holds 42"),
        ("UPDATE ledger SET outcome = 3 WHERE sequence = 2", "outcome holds 3"),
        (RowExactnessTests.renamed("curriculum_version", 3, "'0' || value"), "curriculum_version is not written as"),
        (RowExactnessTests.renamed("target", 7, "CAST(value AS BLOB)"), "target is stored as BLOB"),
        (RowExactnessTests.renamed("date", 9, "'2026-2-01'"), "date"),
        (RowExactnessTests.renamed("date", 9, "CAST(value AS BLOB)"), "date is stored as BLOB"),
        ("UPDATE ledger SET date = 99999 WHERE sequence = 2", "date holds id 99999"),
        ("UPDATE ledger SET hash = substr(hash, 1, 31) WHERE sequence = 2", "hash is 31 bytes long, not 32"),
        ("UPDATE ledger SET hash = zeroblob(33) WHERE sequence = 2", "hash is 33 bytes long, not 32"),
        ("UPDATE ledger SET hash = lower(hex(hash)) WHERE sequence = 2", "hash is 64 bytes long, not 32"),
        // The attachment is in the side table `ledger_detail`, keyed by the sequence, with the kind again.
        (
            "INSERT INTO ledger_detail (sequence, kind, attachment_sha256) SELECT sequence, kind, X'0102' FROM ledger WHERE sequence = 2",
            "attachment_sha256 is 2 bytes long, not 32"
        ),
        (
            "INSERT INTO ledger_detail (sequence, kind) SELECT sequence, kind + 1 FROM ledger WHERE sequence = 2",
            "ledger_detail gives kind"
        ),
        (RowExactnessTests.renamed("recorded_at", 8, "replace(value, 'T', ' ')"), "recorded_at"),
        ("UPDATE ledger SET recorded_at = 99999 WHERE sequence = 2", "recorded_at holds id 99999"),
    ])
    func aValueStoredOtherThanCanonicallyIsAFinding(_ statement: String, _ reason: String) async throws {
        let world = try await Self.tampered(statement)
        let report = try await world.service.verifyLedger()
        #expect(report.problems.first?.sequence == (try await Self.offset(world)) + 2)
        #expect(report.problems.first?.reason.contains(reason) == true, "\(report.problems)")
        if !statement.contains("SET trainee") {
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
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_append_only_update")
            try db.execute(
                sql: "UPDATE ledger SET outcome = ?, hash = ? WHERE sequence = ?",
                arguments: [LedgerCodes.code(Outcome.notYet), CompactLedgerRow.bytes(hash), third])
        }
        let refusal = await #expect(throws: Refusal.self) {
            try await world.service.status(of: world.trainee, asOf: TestWorld.day("2026-03-01"))
        }
        // The compact ledger keeps no previous-hash column: the entry after it, whose hash covers the
        // hash it had, is where the chain no longer verifies.
        #expect(refusal?.summary.contains("entry \(third + 1)") == true, "\(String(describing: refusal))")
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
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_append_only_delete")
            try db.execute(sql: "DELETE FROM ledger WHERE sequence > ?", arguments: [offset + 3])
        }
        let after = try await world.service.verifyLedger(checkpoints: files, keys: keys)
        #expect(after.problems.isEmpty)
        #expect(after.checkpoints.map(\.kind) == [.truncated])
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_append_only_update")
            try db.execute(sql: "UPDATE ledger SET note = 'x' WHERE sequence = ?", arguments: [offset + 2])
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
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_append_only_delete")
            try db.execute(sql: "DELETE FROM ledger WHERE sequence = ?", arguments: [second.size])
        }
        _ = try await world.service.record(world.evidence("RIIWHS201E", .element(2), date: "2026-02-11"))
        let refusal = await #expect(throws: Refusal.self) {
            try await world.service.checkpoint(key: key, keyName: "site", verify: false, extending: second)
        }
        #expect(refusal?.summary.contains("does not extend the newest checkpoint") == true)
    }
}
