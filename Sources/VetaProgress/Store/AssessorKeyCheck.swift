import GRDB

/// Two assessors never share one public key: a sign-off names its assessor, and a key that two
/// assessors hold would let one sign as the other. Checked against the log (every key each
/// assessor was ever registered with, rotated keys included, since old sign-offs still verify
/// against them) inside the write transaction that registers or amends the assessor.
package enum AssessorKeyCheck {
    /// Throws a conflict when `key` (base64url) is or was registered for an assessor other than `assessor`.
    static func check(_ key: String, for assessor: String, in db: Database) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE kind IN ('assessor', 'amendment') ORDER BY sequence")
        var entries: [LedgerEntry] = []
        while let row = try rows.next() {
            if case .success(let entry) = LedgerRow.entry(row) { entries.append(entry) }
        }
        try check(key, for: assessor, against: entries)
    }

    /// The check of ``check(_:for:in:)`` against the assessor and amendment entries of any store.
    package static func check(_ key: String, for assessor: String, against entries: [LedgerEntry]) throws {
        for entry in entries {
            guard let details = entry.registry,
                entry.kind == .assessor || details.fields["of"] == "assessor", details.subject != assessor,
                details.fields["publicKey"] == key
            else { continue }
            throw StoreError(
                .conflict,
                "the public key given for assessor \(assessor) is registered for assessor \(details.subject) (log entry \(entry.sequence)): "
                    + "two assessors never share a key; generate a key of their own (veta keys generate)")
        }
    }
}
