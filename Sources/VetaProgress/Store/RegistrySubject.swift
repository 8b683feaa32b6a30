import GRDB

/// Schema version 10: an index from a registry entry's subject (the `subject` of its `registry`
/// JSON in `ledger_detail`) to its sequence, so that one trainee, organisation or assessor is read
/// from the log by reading that subject's registry and amendment entries only, instead of every
/// registration of the log (``RegistryLog/state(_:kinds:subject:)``).
///
/// The index is on an expression of the stored text, not on a column of its own: nothing new is
/// stored, nothing is hashed differently, and no SQL can make the index and the entries disagree.
/// The entries it finds are still read and checked as entries (``LedgerRow/entry(_:)``); the index
/// only chooses which ones are read.
package enum RegistrySubject {
    static let identifier = "v10 registry subject index"

    /// The subject of a `ledger_detail` row's registry text, in `dialect`'s words (the same text
    /// in the index and in every query that uses it).
    package static func expression(_ dialect: SQLDialect) -> String {
        switch dialect {
        case .sqlite: "json_extract(registry, '$.subject')"
        case .postgresql: "(registry::jsonb ->> 'subject')"
        }
    }

    /// The index: partial, since only registry entries have registry text.
    package static let index = "ledger_by_subject"

    /// `CREATE INDEX` of ``index`` for `dialect`.
    package static func createIndex(_ dialect: SQLDialect) -> String {
        "CREATE INDEX \(index) ON ledger_detail(\(expression(dialect))) WHERE registry IS NOT NULL"
    }

    /// A condition on the `ledger_entry` view that holds for the registry entries about the subject
    /// bound to `placeholder` (`?` in SQLite, `$n` in PostgreSQL), through ``index``.
    package static func condition(_ dialect: SQLDialect, placeholder: String = "?") -> String {
        "sequence IN (SELECT sequence FROM ledger_detail WHERE registry IS NOT NULL AND \(expression(dialect)) = \(placeholder))"
    }

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(identifier) { db in try db.execute(sql: createIndex(.sqlite)) }
    }
}
