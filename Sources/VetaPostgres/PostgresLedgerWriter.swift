import Foundation
import PostgresNIO
import VetaCurricula
import VetaProgress

/// Inserts ledger entries as rows of the compact `ledger` table, as the SQLite store's writer does:
/// the same columns, codes, `ledger_name` ids and 32-byte hashes, inside the caller's write transaction.
struct PostgresLedgerWriter {
    private let connection: PostgresConnection
    private var ids: [LedgerCodes.Role: [String: Int64]] = [:]

    /// The SQLite store's insert (``CompactLedgerRow``) with PostgreSQL's numbered parameters.
    static let insertSQL: String = {
        var number = 0
        return CompactLedgerRow.insertSQL.map { character -> String in
            guard character == "?" else { return String(character) }
            number += 1
            return "$\(number)"
        }.joined()
    }()

    init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Inserts `entry` (sequence, hashes and all already set).
    mutating func append(_ entry: LedgerEntry) async throws {
        let registry = entry.kind.isRegistry
        var binds = Binds()
        binds.add(entry.sequence)
        binds.add(Int64(LedgerCodes.code(entry.kind)))
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
        binds.add(try entry.attachmentSHA256.map { try Self.bytes($0, "attachment sha256", entry.sequence) })
        binds.add(try await entry.assessor.asyncMap { try await id(.assessor, $0.rawValue) })
        binds.add(entry.corrects)
        binds.add(try await id(.recordedAt, entry.recordedAt))
        binds.add(try Self.bytes(entry.hash, "hash", entry.sequence))
        binds.add(entry.signature)
        binds.add(entry.derivedFrom)
        let record = entry.kind.isRecord ? entry.record : nil
        binds.add(record?.serial)
        binds.add(record?.format)
        binds.add(record?.issuer)
        binds.add(record?.validFrom?.description)
        binds.add(record?.validUntil?.description)
        binds.add(record?.supersedes)
        binds.add(record?.supersededBy)
        binds.add(record?.checkpointSize)
        binds.add(record?.checkpointHash)
        binds.add(record?.issuedAt)
        binds.add(registry ? entry.registry.map(LedgerCanonicalEncoding.registryColumn) ?? "" : nil)
        try await connection.run(Self.insertSQL, binds.bindings)
    }

    /// The id of `value` in `ledger_name` for `role`, added when it has none.
    private mutating func id(_ role: LedgerCodes.Role, _ value: String) async throws -> Int64 {
        if let known = ids[role]?[value] { return known }
        var binds = Binds()
        binds.add(Int64(role.rawValue))
        binds.add(value)
        var found = try await connection.rows("SELECT id FROM ledger_name WHERE role = $1 AND value = $2", binds.bindings).first
        if found == nil {
            found = try await connection.rows("INSERT INTO ledger_name (role, value) VALUES ($1, $2) RETURNING id", binds.bindings).first
        }
        guard let id = try found?.decode(Int64.self) else { throw StoreError(.storage, "ledger_name gave no id") }
        ids[role, default: [:]][value] = id
        return id
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
