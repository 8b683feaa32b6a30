import Foundation
import GRDB

/// The record registry's storage on SQLite (``RecordLedger``): record entries are read by serial
/// through the `ledger_by_serial` index; every write is one immediate transaction.
extension SQLiteProgressStore: RecordLedger {
    public func addIssuer(_ id: String, fields: [String: String], check: @escaping @Sendable ([String]) throws -> Void) async throws {
        let now = Self.timestamp(clock())
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM issuer WHERE id = ?", arguments: [id]) == nil,
                try RegistryLog.state(db, kinds: [.issuer], subject: id).issuers[id] == nil
            else {
                throw StoreError(.conflict, "issuer \(id) already exists")
            }
            try check(try String.fetchAll(db, sql: "SELECT id FROM issuer"))
            try db.execute(
                sql: "INSERT INTO issuer (id, name, rfc, stps_registration, public_key) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, fields["name"] ?? "", fields["rfc"] ?? "", fields["stpsRegistration"], fields["publicKey"] ?? ""])
            try RegistryLog.append(
                [.registry(.issuer, subject: id, fields: fields, date: try RegistryLog.day(now, in: db))], in: db, recordedAt: now)
        }
    }

    public func registry(of kinds: Set<LedgerEntry.Kind>, subject: String?) async throws -> RegistryState {
        try await read { db in try RegistryLog.state(db, kinds: kinds, subject: subject) }
    }

    public func reserveSerials(count: Int, year: Int) async throws -> [String] {
        let prefix = "VETA-\(year)-"
        return try await write { db in
            let counted = try Int.fetchOne(db, sql: "SELECT last FROM record_serial WHERE year = ?", arguments: [year]) ?? 0
            // A store migrated from the registry has serials the counter never counted.
            let logged = try String.fetchOne(
                db, sql: "SELECT MAX(serial) FROM ledger_entry WHERE \(LedgerCodes.condition([.issue])) AND serial LIKE ?",
                arguments: [prefix + "%"])
            let start = max(counted, logged.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
            let last = start + count - 1
            try db.execute(
                sql: "INSERT INTO record_serial (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last",
                arguments: [year, last])
            return (start...last).map { prefix + String(format: "%06d", $0) }
        }
    }

    public func head() async throws -> (size: Int64, hash: String) {
        try await read { db in
            let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1")
            return (last?["sequence"] ?? 0, last?["hash"] ?? LedgerEntry.genesisHash)
        }
    }

    public func appendRecords(
        _ entries: [LedgerEntry], serials: Set<String>, trainees: Set<TraineeID>,
        check: @escaping @Sendable ([LedgerEntry]) throws -> Void, seal: @escaping @Sendable (inout LedgerEntry) throws -> Void,
        artifacts: [String: [UInt8]]
    ) async throws -> [LedgerEntry] {
        try await append(
            entries, after: nil,
            check: { db in
                let kinds = LedgerCodes.condition([.issue, .revocation, .supersession])
                // A few serials and trainees: their rows; a cohort's worth: every record entry, in one pass.
                guard serials.count + trainees.count <= 500 else { return try check(try Self.records(db, kinds, [])) }
                let bySerial = try Self.records(db, "\(kinds) AND serial IN (\(Self.marks(serials.count)))", Array(serials))
                let byTrainee = try Self.records(
                    db, "\(kinds) AND trainee_id IN (\(Self.marks(trainees.count)))", trainees.map(\.rawValue))
                var seen = Set<Int64>()
                try check((bySerial + byTrainee).sorted { $0.sequence < $1.sequence }.filter { seen.insert($0.sequence).inserted })
            },
            seal: seal,
            then: { db, _ in
                for (serial, bytes) in artifacts.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT INTO record_artifact (serial, bytes) VALUES (?, ?)", arguments: [serial, Data(bytes)])
                }
            })
    }

    public func recordEntries(_ kinds: Set<LedgerEntry.Kind>, serial: String?) async throws -> [LedgerEntry] {
        try await read { db in
            let condition = LedgerCodes.condition(Array(kinds))
            guard let serial else { return try Self.records(db, condition, []) }
            return try Self.records(db, "\(condition) AND serial = ?", [serial])
        }
    }

    public func issueEntries(sha256: String) async throws -> [LedgerEntry] {
        try await read { db in try Self.records(db, "\(LedgerCodes.condition([.issue])) AND attachment_sha256 = ?", [sha256]) }
    }

    public func readableRecordEntries() async throws -> [LedgerEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(LedgerRowColumns.all) FROM ledger_entry WHERE serial IS NOT NULL ORDER BY sequence")
                .compactMap { try? LedgerRowColumns.entry($0).get() }.filter(\.kind.isRecord)
        }
    }

    public func hashes(at sequences: Set<Int64>) async throws -> [Int64: String] {
        try await read { db in
            var hashes: [Int64: String] = [:]
            for sequence in sequences {
                hashes[sequence] = try String.fetchOne(db, sql: "SELECT hash FROM ledger_entry WHERE sequence = ?", arguments: [sequence])
            }
            return hashes
        }
    }

    public func artifact(_ serial: String) async throws -> [UInt8]? {
        try await read { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM record_artifact WHERE serial = ?", arguments: [serial]).map(Array.init)
        }
    }

    public func artifactHashes() async throws -> [(serial: String, sha256: String)] {
        try await read { db in
            var result: [(String, String)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT serial, bytes FROM record_artifact ORDER BY serial")
            while let row = try rows.next() {
                // A serial or file stored with another type is listed so that it matches no entry and is reported.
                let bytes = row.exactBlob("bytes") ?? Data()
                result.append(
                    (row.exactText("serial") ?? "(not TEXT)", row.exactBlob("bytes") == nil ? "(not a BLOB)" : SHA256Hex.of(Array(bytes))))
            }
            return result
        }
    }

    /// The entries `condition` selects, in sequence order; a ``Refusal`` at one that cannot be read.
    static func records(_ db: Database, _ condition: String, _ arguments: [String]) throws -> [LedgerEntry] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE \(condition) ORDER BY sequence",
            arguments: StatementArguments(arguments))
        return try rows.map { row in
            switch LedgerRow.entry(row) {
            case .success(let entry): return entry
            // Bad data in the store is a finding about the store (exit 1), never an internal error.
            case .failure(let error): throw Refusal("the ledger is damaged at \(error); run veta ledger verify")
            }
        }
    }

    private static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
}
