package import GRDB

/// Appends registry entries to the log inside the caller's write transaction, the one that also
/// updates the registry's tables (their projection), so the two never disagree after a commit.
package enum RegistryLog {
    /// Chains `entries` after the last entry of the log and inserts them.
    package static func append(_ entries: [LedgerEntry], in db: Database, recordedAt: String) throws {
        let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1")
        var chain = LedgerChainer(after: last?["sequence"] ?? 0, hash: last?["hash"], recordedAt: recordedAt)
        var writer = try LedgerWriter(db)
        for entry in entries {
            precondition(entry.kind.isRegistry && entry.registry != nil, "a registry entry without its details")
            try writer.append(chain.link(entry) { $0.signature = nil })
        }
    }

    /// The registry the log in `db` builds.
    ///
    /// With `kinds` and `subject`, only the entries of those kinds about that subject: enough to
    /// read one assessor or the issuers without folding every trainee's registration.
    package static func state(
        _ db: Database, kinds wanted: Set<LedgerEntry.Kind>? = nil, subject: String? = nil
    ) throws -> RegistryState {
        let kinds = LedgerCodes.condition(LedgerEntry.Kind.allCases.filter { $0.isRegistry && wanted?.contains($0) ?? true })
        // With a subject, only its entries are read, through the subject index (``RegistrySubject``).
        let bySubject = subject == nil ? "" : " AND " + RegistrySubject.condition(.sqlite)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE \(kinds)\(bySubject) ORDER BY sequence",
            arguments: StatementArguments(subject.map { [$0] } ?? []))
        var state = RegistryState()
        while let row = try rows.next() {
            switch LedgerRow.entry(row) {
            case .success(let entry):
                if let subject, entry.registry?.subject != subject { continue }
                state.apply(entry)
            case .failure(let error):
                throw Refusal("the ledger does not verify at \(error)", reasons: ["nothing was done; run veta ledger verify"])
            }
        }
        return state
    }

    /// The date of the instant `recordedAt` on the site's calendar (``SiteClock``): the store's time
    /// zone setting in `db`, else the system's. Registry entries (registrations, publications,
    /// amendments, supersessions) are dated by it, as every "today" is.
    ///
    /// - Throws: ``SettingError`` when the stored zone is unknown here or the date is past year 9999.
    package static func day(_ recordedAt: String, in db: Database) throws -> CalendarDate {
        guard let instant = Instant.parse(recordedAt) else { return day(recordedAt) }
        let zone = try SQLiteProgressStore.setting(.timeZone, in: db).map { try SiteClock.timeZone(named: $0) } ?? SiteClock.systemTimeZone
        return try CalendarDate(localDateOf: instant, in: zone)
    }

    /// The date part of a `recordedAt` time (the UTC date: for entries written before the site's
    /// calendar dated registry entries).
    package static func day(_ recordedAt: String) -> CalendarDate {
        CalendarDate(String(recordedAt.prefix(10))) ?? CalendarDate(unchecked: 1970, 1, 1)
    }
}
