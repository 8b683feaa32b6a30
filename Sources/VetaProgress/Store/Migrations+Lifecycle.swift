import GRDB

/// The lifecycle of published curricula: `curriculum_lifecycle`, the projection of the log's
/// ``LedgerEntry/Kind/lifecycle`` entries (one row per superseded or withdrawn version).
enum LifecycleMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6 curriculum lifecycle") { db in
            try db.execute(sql: StoreLayout.curriculumLifecycle.create(.sqlite) + ";\n")
        }
    }
}
