import Foundation
import PostgresNIO
import VetaCurricula
import VetaProgress

/// Inserts ledger entries as rows of `ledger` and its side table `ledger_detail`, as the SQLite
/// store's writer does (``LedgerDetail``): the same columns, codes, `ledger_name` ids (the `n`th name
/// of role `r` is `16 × n + r`) and 32-byte hashes, inside the caller's write transaction.
struct PostgresLedgerWriter {
    private let connection: PostgresConnection
    private var ids: [LedgerCodes.Role: [String: Int64]] = [:]
    private var nextIDs: [LedgerCodes.Role: Int64] = [:]

    /// The SQLite store's inserts (``LedgerDetail``) with PostgreSQL's numbered parameters.
    static let insertSQL = numbered(LedgerDetail.insertSQL)
    static let insertDetailSQL = numbered(LedgerDetail.insertDetailSQL)

    static func numbered(_ sql: String) -> String {
        var number = 0
        return sql.map { character -> String in
            guard character == "?" else { return String(character) }
            number += 1
            return "$\(number)"
        }.joined()
    }

    init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Inserts `entry` (sequence, hashes and all already set).
    mutating func append(_ entry: LedgerEntry) async throws {
        let registry = entry.kind.isRegistry
        let kind = Int64(LedgerCodes.code(entry.kind))
        var binds = Binds()
        binds.add(entry.sequence)
        binds.add(kind)
        binds.add(registry ? nil : try await id(.trainee, entry.trainee.rawValue))
        binds.add(registry ? nil : try await id(.curriculumCode, entry.curriculum.code.rawValue))
        binds.add(registry ? nil : try await id(.curriculumVersion, entry.curriculum.version.description))
        binds.add(try await entry.unit.asyncMap { try await id(.unit, $0.rawValue) })
        binds.add(try await entry.target.asyncMap { try await id(.target, $0.description) })
        binds.add(entry.method.map { Int64(LedgerCodes.code($0)) })
        binds.add(entry.outcome.map { Int64(LedgerCodes.code($0)) })
        binds.add(try await id(.date, entry.date.description))
        binds.add(try await entry.site.asyncMap { try await id(.site, $0) })
        binds.add(entry.minutes.map(Int64.init))
        binds.add(entry.note)
        binds.add(try await entry.assessor.asyncMap { try await id(.assessor, $0.rawValue) })
        binds.add(try await id(.recordedAt, entry.recordedAt))
        binds.add(try Self.bytes(entry.hash, "hash", entry.sequence))
        try await connection.run(Self.insertSQL, binds.bindings)
        guard LedgerDetail.hasDetail(entry) else { return }
        var detail = Binds()
        detail.add(entry.sequence)
        detail.add(kind)
        detail.add(try entry.attachmentSHA256.map { try Self.bytes($0, "attachment sha256", entry.sequence) })
        detail.add(entry.corrects)
        detail.add(entry.signature)
        detail.add(entry.derivedFrom)
        let record = entry.kind.isRecord ? entry.record : nil
        detail.add(record?.serial)
        detail.add(record?.format)
        detail.add(record?.issuer)
        detail.add(record?.validFrom?.description)
        detail.add(record?.validUntil?.description)
        detail.add(record?.supersedes)
        detail.add(record?.supersededBy)
        detail.add(record?.checkpointSize)
        detail.add(record?.checkpointHash)
        detail.add(record?.issuedAt)
        detail.add(registry ? entry.registry.map(LedgerCanonicalEncoding.registryColumn) ?? "" : nil)
        try await connection.run(Self.insertDetailSQL, detail.bindings)
    }

    /// The id of `value` in `ledger_name` for `role`, added when it has none.
    private mutating func id(_ role: LedgerCodes.Role, _ value: String) async throws -> Int64 {
        if let known = ids[role]?[value] { return known }
        var binds = Binds()
        binds.add(Int64(role.rawValue))
        binds.add(value)
        let id: Int64
        if let found = try await connection.rows("SELECT id FROM ledger_name WHERE role = $1 AND value = $2", binds.bindings).first {
            id = try found.decode(Int64.self)
        } else {
            id = try await nextID(role)
            var insert = Binds()
            insert.add(id)
            insert.add(Int64(role.rawValue))
            insert.add(value)
            try await connection.run("INSERT INTO ledger_name (id, role, value) VALUES ($1, $2, $3)", insert.bindings)
            nextIDs[role] = id + 16
        }
        ids[role, default: [:]][value] = id
        return id
    }

    /// The id of the next name of `role`, above every id the role has (``LedgerDetail/nextID(after:role:)``).
    private func nextID(_ role: LedgerCodes.Role) async throws -> Int64 {
        if let next = nextIDs[role] { return next }
        var binds = Binds()
        binds.add(Int64(role.rawValue))
        let highest = try await connection.rows("SELECT MAX(id) FROM ledger_name WHERE role = $1", binds.bindings).first?.decode(
            Int64?.self)
        return LedgerDetail.nextID(after: highest ?? 0, role: role)
    }

    /// The 32 bytes written as `hex`.
    private static func bytes(_ hex: String, _ what: String, _ sequence: Int64) throws -> Data {
        guard let data = CompactLedgerRow.bytes(hex) else {
            throw Refusal(
                "the \(what) of entry \(sequence) is not 64 lowercase hex digits, so it cannot be stored exactly",
                reasons: ["give a sha256 as 64 lowercase hex digits"])
        }
        return data
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
