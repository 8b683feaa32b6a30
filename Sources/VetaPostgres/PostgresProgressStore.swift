public import Foundation
import PostgresNIO
import VetaCurricula
public import VetaProgress

/// The central store on a PostgreSQL server: the same log, canonical encoding, hashes, tables and
/// compact layout as ``SQLiteProgressStore`` (``PostgresSchema``), through postgres-nio.
///
/// Every write runs in one transaction that first takes the store's advisory lock
/// (`pg_advisory_xact_lock`), reads the log's end, runs every check the SQLite store runs inside
/// its write transaction (the caller's `end`, the enrolment guard, duplicate ids, shared keys), and
/// appends: processes on many machines writing at once append one at a time, and no check can be
/// passed by two of them. Reads run in one REPEATABLE READ snapshot.
public final class PostgresProgressStore: ProgressStore {
    /// Where the store is.
    public let address: PostgresAddress
    let session: PostgresSession
    let rows: PostgresLedgerRows
    let clock: @Sendable () -> Date
    /// The newest checkpoint every write must still extend (``CheckpointFloor``), checked in the write transaction.
    let floor: CheckpointFloor?

    /// A store at `address`. Nothing is sent to the server until the first request: then a database
    /// with no Veta store is given one when `create` is true (refused otherwise), and a store of a
    /// newer schema than this veta's is refused. An unreachable server is a ``StoreError`` (`storage`).
    ///
    /// - Parameters:
    ///   - create: Whether the store's tables may be created: true for commands that write.
    ///   - migrate: Whether an older store may be brought up to date (by default as `create`).
    ///   - clock: The source of `recordedAt` times; tests pass a fixed one.
    ///   - floor: The checkpoint every write must still extend (`VETA_CHECKPOINTS`), or nil.
    public init(
        address: PostgresAddress, create: Bool = true, migrate: Bool? = nil, clock: @escaping @Sendable () -> Date = { Date() },
        floor: CheckpointFloor? = nil
    ) throws {
        self.address = address
        self.clock = clock
        self.floor = floor
        session = PostgresSession(address: address, create: create, migrate: migrate)
        rows = try PostgresLedgerRows()
    }

    /// Brings the store at `address` up to this veta's schema version, as every command that writes
    /// does first (for a store a reading command refused as older); a database with no store is refused.
    ///
    /// - Returns: The store's schema version before and after.
    public static func upgrade(_ address: PostgresAddress) async throws -> (from: Int, to: Int) {
        let session = PostgresSession(address: address, create: false, migrate: true)
        try await session.run { _ in }
        let found = await session.found
        return (Int(found ?? PostgresSchema.version), Int(PostgresSchema.version))
    }

    // MARK: plumbing

    /// Runs `work` in one write transaction holding the append lock (after the ``floor`` check, when there is one).
    func write<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await session.run { connection in
            try await connection.writeTransaction {
                try await self.checkFloor(connection)
                return try await work(connection)
            }
        }
    }

    /// Runs `work` in one read-only snapshot.
    func read<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await session.run { connection in try await connection.readTransaction { try await work(connection) } }
    }

    /// The entries `sql` selects (it selects ``LedgerRowColumns/all`` from `ledger_entry`), each read or refused.
    func entries(_ sql: String, _ binds: PostgresBindings = PostgresBindings(), in connection: PostgresConnection) async throws
        -> [Result<LedgerEntry, LedgerRowError>]
    {
        var result: [Result<LedgerEntry, LedgerRowError>] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: PostgresSession.logger) {
            result.append(try rows.entry(row))
        }
        return result
    }

    /// The entries `sql` selects; a ``Refusal`` at the first that cannot be read.
    func checkedEntries(_ sql: String, _ binds: PostgresBindings = PostgresBindings(), in connection: PostgresConnection) async throws
        -> [LedgerEntry]
    {
        try await entries(sql, binds, in: connection).map { row in
            switch row {
            case .success(let entry): return entry
            case .failure(let error):
                throw Refusal("the ledger does not verify at \(error)", reasons: ["nothing was done; run veta ledger verify"])
            }
        }
    }

    static let select = "SELECT \(LedgerRowColumns.all) FROM ledger_entry"

    /// The last entry's sequence and hash, or 0 and the genesis hash.
    static func head(_ connection: PostgresConnection) async throws -> (sequence: Int64, hash: String) {
        guard let row = try await connection.rows("SELECT sequence, encode(hash, 'hex') FROM ledger ORDER BY sequence DESC LIMIT 1").first
        else { return (0, LedgerEntry.genesisHash) }
        let (sequence, hash) = try row.decode((Int64, String).self)
        return (sequence, hash)
    }

    func timestamp() -> String { SQLiteProgressStore.timestamp(clock()) }

    // MARK: ledger

    public func append(
        _ entries: [LedgerEntry], after end: Int64?, seal: @escaping @Sendable (inout LedgerEntry) throws -> Void
    ) async throws -> [LedgerEntry] {
        try await append(entries, after: end, check: { _ in }, seal: seal, then: { _ in })
    }

    /// Appends as ``append(_:after:seal:)`` does, inside one write transaction that also runs
    /// `check` first (an invariant that must hold where the entries are appended: it throws to
    /// refuse) and `then` last (rows a projection keeps beside them).
    func append(
        _ entries: [LedgerEntry], after end: Int64?, check: @escaping @Sendable (PostgresConnection) async throws -> Void,
        seal: @escaping @Sendable (inout LedgerEntry) throws -> Void, then: @escaping @Sendable (PostgresConnection) async throws -> Void
    ) async throws -> [LedgerEntry] {
        let recordedAt = timestamp()
        return try await write { connection in
            try await check(connection)
            let (sequence, previousHash) = try await Self.head(connection)
            if let end, end != sequence {
                throw StoreError(
                    .changed, "the ledger changed while the request was checked (entry \(sequence) is now the last, not \(end))")
            }
            try await self.checkEnrolments(entries, end: sequence, in: connection)
            var chain = LedgerChainer(after: sequence, hash: previousHash, recordedAt: recordedAt)
            var writer = PostgresLedgerWriter(connection)
            var stored: [LedgerEntry] = []
            for original in entries {
                let entry = try chain.append(original, seal: seal)
                try await writer.append(entry)
                stored.append(entry)
            }
            try await then(connection)
            return stored
        }
    }

    /// The enrolment guard (``EnrolmentGuard``) against the stored enrolments of the batch's trainees.
    func checkEnrolments(_ batch: [LedgerEntry], end: Int64, in connection: PostgresConnection) async throws {
        guard batch.contains(where: { $0.kind == .enrolment }) else { return }
        let trainees = Array(Set(batch.filter { $0.kind == .enrolment }.map(\.trainee.rawValue)))
        var binds = PostgresBindings()
        binds.append(trainees)
        let stored = try await entries(
            "\(Self.select) WHERE \(LedgerCodes.condition([.enrolment, .withdrawal, .correction])) AND trainee_id = ANY($1) ORDER BY sequence",
            binds, in: connection)
        var byTrainee: [TraineeID: [LedgerEntry]] = [:]
        for case .success(let entry) in stored { byTrainee[entry.trainee, default: []].append(entry) }
        try EnrolmentGuard.check(batch, stored: byTrainee, end: end)
    }

    public func ledgerEnd() async throws -> Int64 {
        try await read { connection in try await Self.head(connection).sequence }
    }

    public func entries(for trainee: TraineeID) async throws -> [LedgerEntry] {
        try await linkedEntries(where: "trainee_id = $1", Binds.of(trainee.rawValue))
    }

    public func entries(in curriculum: CurriculumRef) async throws -> [LedgerEntry] {
        try await linkedEntries(
            where: "curriculum_code = $1 AND curriculum_version = $2",
            Binds.of(curriculum.code.rawValue, curriculum.version.description))
    }

    /// The entries `condition` selects, each with its links to its neighbours checked (``LedgerLinkCheck``).
    private func linkedEntries(where condition: String, _ binds: PostgresBindings) async throws -> [LedgerEntry] {
        try await read { connection in
            let entries = try await self.checkedEntries("\(Self.select) WHERE \(condition) ORDER BY sequence", binds, in: connection)
            guard !entries.isEmpty else { return entries }
            let end = try await Self.head(connection).sequence
            let held = Set(entries.map(\.sequence))
            let wanted = Set(entries.flatMap { [$0.sequence - 1, $0.sequence + 1] }).subtracting(held).filter { (1...end).contains($0) }
            var neighbours: [Int64: Result<LedgerEntry, LedgerRowError>] = [:]
            if !wanted.isEmpty {
                var ids = PostgresBindings()
                ids.append(Array(wanted))
                for row in try await self.entries("\(Self.select) WHERE sequence = ANY($1)", ids, in: connection) {
                    switch row {
                    case .success(let entry): neighbours[entry.sequence] = row
                    case .failure(let error): neighbours[error.sequence] = row
                    }
                }
            }
            try LedgerLinkCheck.check(entries, end: end) { sequence in
                guard let row = neighbours[sequence] else { return nil }
                guard case .success(let entry) = row, LedgerCanonicalEncoding.hash(of: entry) == entry.hash else {
                    throw Refusal(
                        "the ledger does not verify at entry \(sequence): its content does not match its hash",
                        reasons: ["nothing was done; run veta ledger verify to see every entry that does not verify"])
                }
                return entry
            }
            return entries
        }
    }

    public func entries(ofKinds kinds: Set<LedgerEntry.Kind>) async throws -> [LedgerEntry] {
        try await read { connection in
            try await self.checkedEntries("\(Self.select) WHERE \(LedgerCodes.condition(Array(kinds))) ORDER BY sequence", in: connection)
        }
    }

    public func entries(ofKinds kinds: Set<LedgerEntry.Kind>, about subject: String) async throws -> [LedgerEntry] {
        let condition = LedgerCodes.condition(Array(kinds)) + " AND " + RegistrySubject.condition(.postgresql, placeholder: "$1")
        return try await read { connection in
            try await self.checkedEntries("\(Self.select) WHERE \(condition) ORDER BY sequence", Binds.of(subject), in: connection)
                .filter { $0.registry?.subject == subject }
        }
    }

    public func entries(from first: Int64, through last: Int64) async throws -> [Result<LedgerEntry, LedgerRowError>] {
        var binds = Binds()
        binds.add(first)
        binds.add(last)
        let bindings = binds.bindings
        return try await read { connection in
            try await self.entries("\(Self.select) WHERE sequence BETWEEN $1 AND $2 ORDER BY sequence", bindings, in: connection)
        }
    }

    public func allEntries() async throws -> [Result<LedgerEntry, LedgerRowError>] {
        try await read { connection in try await self.entries("\(Self.select) ORDER BY sequence", in: connection) }
    }

    public func scanEntries<State: Sendable>(
        ofKinds kinds: Set<LedgerEntry.Kind>?, into state: State,
        _ body: @escaping @Sendable (inout State, Result<LedgerEntry, LedgerRowError>) throws -> Void
    ) async throws -> State {
        let condition = kinds.map { "WHERE \(LedgerCodes.condition(Array($0))) " } ?? ""
        // One query in one snapshot; rows arrive as the server streams them and are dropped once handed on.
        return try await read { connection in
            var state = state
            let sequence = try await connection.query(
                PostgresQuery(unsafeSQL: "\(Self.select) \(condition)ORDER BY sequence"), logger: PostgresSession.logger)
            for try await row in sequence { try body(&state, try self.rows.entry(row)) }
            return state
        }
    }
}
