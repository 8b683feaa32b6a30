import GRDB

/// A stored row must be exactly the canonical form of the entry that was hashed: each column of the
/// SQLite type the schema gives it (SQLite `typeof()`), and each parsed value written back as the
/// same text. Otherwise the hash can still verify while a reader (`status`, `cohort`) that reads
/// the column another way sees something else: a TEXT column stored as a BLOB, a version `01.0.0`
/// for `1.0.0`, a date `2026-1-5`, a hash in upper case.
extension LedgerRow {
    /// The storage class each column of ``columns`` must have, and whether it may be NULL.
    private static let types: [(name: String, integer: Bool, nullable: Bool)] = [
        ("sequence", true, false), ("kind", false, false), ("trainee_id", false, true), ("curriculum_code", false, true),
        ("curriculum_version", false, true), ("unit_code", false, true), ("target", false, true), ("method", false, true),
        ("outcome", false, true), ("date", false, false), ("site", false, true), ("minutes", true, true), ("note", false, true),
        ("attachment_sha256", false, true), ("assessor_id", false, true), ("corrects", true, true), ("recorded_at", false, false),
        ("previous_hash", false, false), ("hash", false, false), ("signature", false, true), ("derived_from", true, true),
        // The record columns (``RecordColumns``), NULL on every kind but the record kinds.
        ("serial", false, true), ("record_format", false, true), ("issuer_id", false, true), ("valid_from", false, true),
        ("valid_until", false, true), ("supersedes", false, true), ("superseded_by", false, true), ("checkpoint_size", true, true),
        ("checkpoint_hash", false, true), ("issued_at", false, true),
        // The registry entries' details (``RegistryDetails``), NULL on every other kind.
        ("registry", false, true),
    ]

    /// Why a column of `row` is not of its schema type, or `nil`. Checked before any value is read,
    /// so a value of another type is named, never converted.
    static func typeProblem(_ row: Row) -> String? {
        for (index, column) in types.enumerated() where index < row.count {
            let kind: String
            switch (row[index] as DatabaseValue).storage {
            case .null:
                if column.nullable { continue }
                kind = "NULL"
            case .int64: if column.integer { continue } else { kind = "INTEGER" }
            case .string: if !column.integer { continue } else { kind = "TEXT" }
            case .double: kind = "REAL"
            case .blob: kind = "BLOB"
            }
            return "column \(column.name) is stored as \(kind), not \(column.integer ? "INTEGER" : "TEXT")"
        }
        return nil
    }

    /// Why the text stored in `row` is not the canonical text of `entry` (parsed from it), or `nil`.
    static func canonicalProblem(_ row: Row, _ entry: LedgerEntry) -> String? {
        func differs(_ index: Int, _ canonical: String?) -> Bool { (row[index] as String?) != canonical }
        if !entry.kind.isRegistry, differs(4, entry.curriculum.version.description) {
            return "curriculum_version is not written as \(entry.curriculum.version)"
        }
        if differs(9, entry.date.description) { return "date is not written as \(entry.date)" }
        if differs(6, entry.target?.description) { return "target is not written as \(entry.target?.description ?? "")" }
        if !isHex(entry.previousHash) { return "previous_hash is not 64 lowercase hex digits" }
        if !isHex(entry.hash) { return "hash is not 64 lowercase hex digits" }
        if let attachment = entry.attachmentSHA256, !isHex(attachment) { return "attachment_sha256 is not 64 lowercase hex digits" }
        if !isTimestamp(entry.recordedAt) { return "recorded_at is not YYYY-MM-DDTHH:MM:SSZ" }
        if let signature = entry.signature, Base64URL.decode(signature).map(Base64URL.encode) != signature {
            return "signature is not base64url without padding"
        }
        return nil
    }

    private static func isHex(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.count == 64 && bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) } }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`: the separators where they go, ASCII digits elsewhere.
    private static let timestampShape = Array("0000-00-00T00:00:00Z".utf8)

    private static func isTimestamp(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == 20 else { return false }
            for (byte, shape) in zip(bytes, timestampShape) {
                if shape == 0x30 ? !(0x30...0x39).contains(byte) : byte != shape { return false }
            }
            return true
        }
    }
}
