import Foundation
import NIOCore
import PostgresNIO
public import VetaProgress

/// The record registry's storage on PostgreSQL (``RecordLedger``), as on SQLite: every write in one
/// transaction holding the append lock, so every check the registry makes holds when it commits.
extension PostgresProgressStore: RecordLedger {
    public func addIssuer(_ id: String, fields: [String: String], check: @escaping @Sendable ([String]) throws -> Void) async throws {
        let now = timestamp()
        try await write { connection in
            guard try await !self.exists("SELECT 1 FROM issuer WHERE id = $1", id, in: connection),
                try await self.state(connection, kinds: [.issuer], subject: id).issuers[id] == nil
            else {
                throw StoreError(.conflict, "issuer \(id) already exists")
            }
            try check(try await connection.rows("SELECT id FROM issuer").map { try $0.decode(String.self) })
            try await connection.run(
                "INSERT INTO issuer (id, name, rfc, stps_registration, public_key) VALUES ($1, $2, $3, $4, $5)",
                Binds.of(id, fields["name"] ?? "", fields["rfc"] ?? "", fields["stpsRegistration"], fields["publicKey"] ?? ""))
            try await self.appendRegistry(
                [.registry(.issuer, subject: id, fields: fields, date: try await self.day(now, connection))], connection, recordedAt: now)
        }
    }

    public func registry(of kinds: Set<LedgerEntry.Kind>, subject: String?) async throws -> RegistryState {
        try await read { connection in try await self.state(connection, kinds: kinds, subject: subject) }
    }

    public func reserveSerials(count: Int, year: Int) async throws -> [String] {
        let prefix = "VETA-\(year)-"
        return try await write { connection in
            var binds = Binds()
            binds.add(Int64(year))
            let row = try await connection.rows("SELECT last FROM record_serial WHERE year = $1", binds.bindings).first
            let counted = try row?.decode(Int64.self) ?? 0
            // A store whose log has serials the counter never counted (as SQLite's migrated registry).
            let logged = try await connection.rows(
                "SELECT MAX(serial) FROM ledger_entry WHERE \(LedgerCodes.condition([.issue])) AND serial LIKE $1",
                Binds.of(prefix + "%")
            ).first?.decode(String?.self)
            let start = max(Int(counted), logged.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
            let last = start + count - 1
            binds.add(Int64(last))
            try await connection.run(
                "INSERT INTO record_serial (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = excluded.last",
                binds.bindings)
            return (start...last).map { prefix + String(format: "%06d", $0) }
        }
    }

    public func head() async throws -> (size: Int64, hash: String) {
        try await read { connection in
            let (size, hash) = try await Self.head(connection)
            return (size, hash)
        }
    }

    public func appendRecords(
        _ entries: [LedgerEntry], serials: Set<String>, trainees: Set<TraineeID>,
        check: @escaping @Sendable ([LedgerEntry]) throws -> Void, seal: @escaping @Sendable (inout LedgerEntry) throws -> Void,
        artifacts: [String: [UInt8]]
    ) async throws -> [LedgerEntry] {
        try await append(
            entries, after: nil,
            check: { connection in
                var binds = PostgresBindings()
                binds.append(Array(serials))
                binds.append(trainees.map(\.rawValue))
                let stored = try await self.checkedEntries(
                    "\(Self.select) WHERE \(LedgerCodes.condition([.issue, .revocation, .supersession])) "
                        + "AND (serial = ANY($1) OR trainee_id = ANY($2)) ORDER BY sequence", binds, in: connection)
                try check(stored)
            },
            seal: seal,
            then: { connection in
                for (serial, bytes) in artifacts.sorted(by: { $0.key < $1.key }) {
                    var binds = Binds()
                    binds.add(serial)
                    binds.add(Data(bytes))
                    try await connection.run("INSERT INTO record_artifact (serial, bytes) VALUES ($1, $2)", binds.bindings)
                }
            })
    }

    public func recordEntries(_ kinds: Set<LedgerEntry.Kind>, serial: String?) async throws -> [LedgerEntry] {
        let condition = LedgerCodes.condition(Array(kinds))
        return try await read { connection in
            guard let serial else {
                return try await self.checkedEntries("\(Self.select) WHERE \(condition) ORDER BY sequence", in: connection)
            }
            return try await self.checkedEntries(
                "\(Self.select) WHERE \(condition) AND serial = $1 ORDER BY sequence", Binds.of(serial), in: connection)
        }
    }

    public func issueEntries(sha256: String) async throws -> [LedgerEntry] {
        try await read { connection in
            try await self.checkedEntries(
                "\(Self.select) WHERE \(LedgerCodes.condition([.issue])) AND attachment_sha256 = $1 ORDER BY sequence", Binds.of(sha256),
                in: connection)
        }
    }

    public func readableRecordEntries() async throws -> [LedgerEntry] {
        try await read { connection in
            try await self.entries("\(Self.select) WHERE serial IS NOT NULL ORDER BY sequence", in: connection)
                .compactMap { try? $0.get() }.filter(\.kind.isRecord)
        }
    }

    public func hashes(at sequences: Set<Int64>) async throws -> [Int64: String] {
        var binds = PostgresBindings()
        binds.append(Array(sequences))
        let bindings = binds
        return try await read { connection in
            var hashes: [Int64: String] = [:]
            for row in try await connection.rows("SELECT sequence, hash FROM ledger_entry WHERE sequence = ANY($1)", bindings) {
                let (sequence, hash) = try row.decode((Int64, String).self)
                hashes[sequence] = hash
            }
            return hashes
        }
    }

    public func artifact(_ serial: String) async throws -> [UInt8]? {
        try await read { connection in
            try await connection.rows("SELECT bytes FROM record_artifact WHERE serial = $1", Binds.of(serial)).first
                .map { Array(try $0.decode(Data.self)) }
        }
    }

    public func artifactHashes() async throws -> [(serial: String, sha256: String)] {
        try await read { connection in
            try await connection.rows("SELECT serial, bytes FROM record_artifact ORDER BY serial").map { row in
                let (serial, bytes) = try row.decode((String, Data).self)
                return (serial: serial, sha256: SHA256Hex.of(Array(bytes)))
            }
        }
    }

    /// Amends a registered issuer (its new `fields`), saying why: a key rotation. A key another issuer has had is refused.
    public func amendIssuer(_ id: String, fields: [String: String], reason: String) async throws {
        try await amend("issuer", id, fields, reason: reason) { connection in
            let state = try await self.state(connection, kinds: [.issuer, .amendment])
            if let key = fields["publicKey"], let other = state.issuerKeys.first(where: { $0.key != id && $0.value.contains(key) })?.key {
                throw Refusal("issuer \(other) has (or had) this key; every issuer signs with keys of its own")
            }
            try await connection.run(
                "UPDATE issuer SET name = $1, rfc = $2, stps_registration = $3, public_key = $4 WHERE id = $5",
                Binds.of(fields["name"] ?? "", fields["rfc"] ?? "", fields["stpsRegistration"], fields["publicKey"] ?? "", id))
        }
    }
}
