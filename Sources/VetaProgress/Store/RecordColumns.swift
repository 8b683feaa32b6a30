package import GRDB

/// The columns of `ledger_entry` that hold a record entry's ``RecordDetails`` (NULL on every other kind).
enum RecordColumns {
    static let names =
        "serial, record_format, issuer_id, valid_from, valid_until, supersedes, superseded_by, checkpoint_size, checkpoint_hash, issued_at"
    static let count = 10

    static func arguments(_ entry: LedgerEntry) -> StatementArguments {
        let record = entry.kind.isRecord ? entry.record : nil
        return [
            record?.serial, record?.format, record?.issuer, record?.validFrom?.description, record?.validUntil?.description,
            record?.supersedes, record?.supersededBy, record?.checkpointSize, record?.checkpointHash, record?.issuedAt,
        ]
    }

    /// The details in the ten columns from `start`, or why they are not valid for `kind`.
    static func details(_ row: Row, from start: Int, kind: LedgerEntry.Kind) -> Result<RecordDetails?, RecordColumnsError> {
        let serial: String? = row[start]
        guard kind.isRecord else {
            let values = (start..<(start + count)).map { row.hasNull(atIndex: $0) }
            return values.allSatisfy { $0 }
                ? .success(nil) : .failure(RecordColumnsError("record columns set on \(kind.withArticle) entry"))
        }
        guard let serial else { return .failure(RecordColumnsError("\(kind.withArticle) entry without a serial")) }
        var details = RecordDetails(serial: serial)
        details.format = row[start + 1]
        details.issuer = row[start + 2]
        if let text = row[start + 3] as String? {
            guard let date = CalendarDate(text) else { return .failure(RecordColumnsError("bad valid-from date")) }
            details.validFrom = date
        }
        if let text = row[start + 4] as String? {
            guard let date = CalendarDate(text) else { return .failure(RecordColumnsError("bad valid-until date")) }
            details.validUntil = date
        }
        details.supersedes = row[start + 5]
        details.supersededBy = row[start + 6]
        details.checkpointSize = row[start + 7]
        details.checkpointHash = row[start + 8]
        details.issuedAt = row[start + 9]
        return .success(details)
    }
}

/// Why a row's record columns are not a record entry's details.
struct RecordColumnsError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The ledger's columns and row reading, for the record registry's reads of record entries.
package enum LedgerRowColumns {
    /// Every column of an entry, in the order ``entry(_:)`` reads them.
    package static var all: String { LedgerRow.columns }

    /// The entry in `row` (selected with ``all``), or why the row is not one.
    package static func entry(_ row: Row) -> Result<LedgerEntry, LedgerRowError> { LedgerRow.entry(row) }
}
