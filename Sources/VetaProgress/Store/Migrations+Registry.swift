import Foundation
import GRDB

/// The registry's part of the store's schema: organisations, trainees, assessors, issuers and
/// published curricula become entries of the log (``LedgerEntry/Kind/isRegistry``); their tables
/// are projections of it.
enum RegistryMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4 registry in the ledger") { db in
            // A registry entry has no trainee and no curriculum: those columns become nullable, which
            // SQLite allows only by rebuilding the table (same columns, same order, plus `registry`).
            let columns = LedgerRow.columns.replacingOccurrences(of: ", registry", with: "")
            try db.execute(
                sql: """
                    CREATE TABLE ledger_entry_v4 (
                        sequence INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        trainee_id TEXT REFERENCES trainee(id),
                        curriculum_code TEXT,
                        curriculum_version TEXT,
                        unit_code TEXT,
                        target TEXT,
                        method TEXT,
                        outcome TEXT,
                        date TEXT NOT NULL,
                        site TEXT,
                        minutes INTEGER,
                        note TEXT,
                        attachment_sha256 TEXT,
                        assessor_id TEXT REFERENCES assessor(id),
                        corrects INTEGER REFERENCES ledger_entry(sequence),
                        recorded_at TEXT NOT NULL,
                        previous_hash TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        signature TEXT,
                        derived_from INTEGER REFERENCES ledger_entry(sequence),
                        serial TEXT,
                        record_format TEXT,
                        issuer_id TEXT,
                        valid_from TEXT,
                        valid_until TEXT,
                        supersedes TEXT,
                        superseded_by TEXT,
                        checkpoint_size INTEGER,
                        checkpoint_hash TEXT,
                        issued_at TEXT,
                        registry TEXT,
                        FOREIGN KEY (curriculum_code, curriculum_version) REFERENCES curriculum(code, version)
                    );
                    INSERT INTO ledger_entry_v4 (\(columns)) SELECT \(columns) FROM ledger_entry ORDER BY sequence;
                    DROP TABLE ledger_entry;
                    ALTER TABLE ledger_entry_v4 RENAME TO ledger_entry;
                    CREATE INDEX ledger_entry_by_trainee ON ledger_entry(trainee_id, sequence);
                    CREATE INDEX ledger_entry_by_curriculum ON ledger_entry(curriculum_code, curriculum_version, sequence);
                    CREATE INDEX ledger_entry_by_serial ON ledger_entry(serial, sequence);
                    CREATE INDEX ledger_entry_by_attachment ON ledger_entry(attachment_sha256);
                    CREATE INDEX ledger_entry_by_kind ON ledger_entry(kind, sequence);
                    CREATE UNIQUE INDEX ledger_entry_one_issue ON ledger_entry(serial) WHERE kind = 'issue';
                    CREATE UNIQUE INDEX ledger_entry_one_revocation ON ledger_entry(serial) WHERE kind = 'revocation';
                    CREATE UNIQUE INDEX ledger_entry_one_supersession ON ledger_entry(serial) WHERE kind = 'supersession';
                    CREATE TRIGGER ledger_entry_append_only_update BEFORE UPDATE ON ledger_entry
                        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
                    CREATE TRIGGER ledger_entry_append_only_delete BEFORE DELETE ON ledger_entry
                        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
                    """)
            try LegacyRegistry.append(db, recordedAt: SQLiteProgressStore.timestamp(Date()))
        }
    }
}
