import GRDB

/// The store's schema, as append-only migrations. Never edit a shipped migration: add one.
///
/// The tables use portable SQL (TEXT, INTEGER, BLOB, primary and foreign keys) so a PostgreSQL
/// store can create the same ones. The triggers that refuse UPDATE and DELETE on ledger entries
/// and published curricula are the SQLite store's own defence in depth.
enum Migrations {
    /// The registry's tables of version 1, as ``StoreLayout`` describes them.
    static var registryTables: String {
        [
            StoreLayout.curriculum, StoreLayout.organisation, StoreLayout.site, StoreLayout.trainee, StoreLayout.assessor,
            StoreLayout.assessorUnit,
        ]
        .map { $0.create(.sqlite) }.joined(separator: ";\n")
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 curricula, registry, ledger") { db in
            try db.execute(
                sql: """
                    \(registryTables);
                    CREATE TABLE ledger_entry (
                        sequence INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        trainee_id TEXT NOT NULL REFERENCES trainee(id),
                        curriculum_code TEXT NOT NULL,
                        curriculum_version TEXT NOT NULL,
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
                        FOREIGN KEY (curriculum_code, curriculum_version) REFERENCES curriculum(code, version)
                    );
                    CREATE INDEX ledger_entry_by_trainee ON ledger_entry(trainee_id, sequence);
                    CREATE INDEX ledger_entry_by_curriculum ON ledger_entry(curriculum_code, curriculum_version, sequence);
                    CREATE TRIGGER ledger_entry_append_only_update BEFORE UPDATE ON ledger_entry
                        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
                    CREATE TRIGGER ledger_entry_append_only_delete BEFORE DELETE ON ledger_entry
                        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
                    CREATE TRIGGER curriculum_immutable_update BEFORE UPDATE ON curriculum
                        BEGIN SELECT RAISE(ABORT, 'published curricula are immutable'); END;
                    CREATE TRIGGER curriculum_immutable_delete BEFORE DELETE ON curriculum
                        BEGIN SELECT RAISE(ABORT, 'published curricula are immutable'); END;
                    """)
        }
        migrator.registerMigration("v2 ledger entries carried over by a migration") { db in
            try db.execute(sql: "ALTER TABLE ledger_entry ADD COLUMN derived_from INTEGER REFERENCES ledger_entry(sequence)")
        }
        RecordMigrations.register(in: &migrator)
        RegistryMigrations.register(in: &migrator)
        // The compact ledger first: a store it cannot move is refused with nothing changed.
        CompactMigrations.register(in: &migrator)
        LifecycleMigrations.register(in: &migrator)
        ImportMarkMigrations.register(in: &migrator)
        DetailMigrations.register(in: &migrator)
        ReceiptMigrations.register(in: &migrator)
        RegistrySubject.register(in: &migrator)
        return migrator
    }
}
