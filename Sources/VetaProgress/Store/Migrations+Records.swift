import Foundation
import GRDB

/// The record kinds' part of the store's schema, registered on the store's one migrator
/// (``Migrations/migrator``), so a store file has one migrator and one connection pool.
enum RecordMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        // Shipped with the separate record registry; kept as it was so existing stores match it.
        migrator.registerMigration("records v1 issuers, records, events") { db in
            try db.execute(
                sql: """
                    \(StoreLayout.issuer.create(.sqlite));
                    CREATE TABLE issued_record (
                        serial TEXT PRIMARY KEY,
                        format TEXT NOT NULL,
                        trainee_id TEXT NOT NULL REFERENCES trainee(id),
                        curriculum_code TEXT NOT NULL,
                        curriculum_version TEXT NOT NULL,
                        unit_code TEXT,
                        issuer_id TEXT NOT NULL REFERENCES issuer(id),
                        issued_at TEXT NOT NULL,
                        valid_from TEXT NOT NULL,
                        valid_until TEXT,
                        sha256 TEXT NOT NULL,
                        supersedes TEXT REFERENCES issued_record(serial)
                    );
                    CREATE TABLE record_event (
                        serial TEXT NOT NULL REFERENCES issued_record(serial),
                        kind TEXT NOT NULL,
                        date TEXT NOT NULL,
                        note TEXT NOT NULL
                    );
                    CREATE TRIGGER issued_record_append_only_update BEFORE UPDATE ON issued_record
                        BEGIN SELECT RAISE(ABORT, 'issued records are append-only'); END;
                    CREATE TRIGGER issued_record_append_only_delete BEFORE DELETE ON issued_record
                        BEGIN SELECT RAISE(ABORT, 'issued records are append-only'); END;
                    """)
        }
        migrator.registerMigration("v3 issued records in the ledger") { db in
            try db.execute(
                sql: """
                    ALTER TABLE ledger_entry ADD COLUMN serial TEXT;
                    ALTER TABLE ledger_entry ADD COLUMN record_format TEXT;
                    ALTER TABLE ledger_entry ADD COLUMN issuer_id TEXT;
                    ALTER TABLE ledger_entry ADD COLUMN valid_from TEXT;
                    ALTER TABLE ledger_entry ADD COLUMN valid_until TEXT;
                    ALTER TABLE ledger_entry ADD COLUMN supersedes TEXT;
                    ALTER TABLE ledger_entry ADD COLUMN superseded_by TEXT;
                    ALTER TABLE ledger_entry ADD COLUMN checkpoint_size INTEGER;
                    ALTER TABLE ledger_entry ADD COLUMN checkpoint_hash TEXT;
                    ALTER TABLE ledger_entry ADD COLUMN issued_at TEXT;
                    CREATE INDEX ledger_entry_by_serial ON ledger_entry(serial, sequence);
                    CREATE INDEX ledger_entry_by_attachment ON ledger_entry(attachment_sha256);
                    CREATE UNIQUE INDEX ledger_entry_one_issue ON ledger_entry(serial) WHERE kind = 'issue';
                    CREATE UNIQUE INDEX ledger_entry_one_revocation ON ledger_entry(serial) WHERE kind = 'revocation';
                    CREATE UNIQUE INDEX ledger_entry_one_supersession ON ledger_entry(serial) WHERE kind = 'supersession';
                    \(StoreLayout.recordSerial.create(.sqlite));
                    \(StoreLayout.recordArtifact.create(.sqlite));
                    """)
            try LegacyRecords.append(db, recordedAt: SQLiteProgressStore.timestamp(Date()))
            try db.execute(sql: "DROP TABLE record_event; DROP TABLE issued_record;")
        }
    }
}
