import Foundation
import NIOCore
import PostgresNIO
import VetaProgress

/// The store's connection to the server: opened for each request and closed after it, one request
/// at a time, so a write transaction's statements never interleave with another request's and no
/// connection outlives the request (a process that crashes holds no lock).
actor PostgresSession {
    private let address: PostgresAddress
    private let create: Bool
    private let migrate: Bool
    private var ready = false
    /// The schema version the store had when this session first reached it (nil when it created the store).
    private(set) var found: Int64?
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// The driver's logger: quiet (a command prints its own messages, and `--format json` exactly one document).
    static let logger: Logger = {
        var logger = Logger(label: "veta.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// A session with `address`; `create` gives a database with no store one, and `migrate` (by
    /// default as `create`) brings an older store up to date.
    init(address: PostgresAddress, create: Bool, migrate: Bool? = nil) {
        self.address = address
        self.create = create
        self.migrate = migrate ?? create
    }

    /// Runs `body` on the connection, alone; the connection is opened first when there is none.
    func run<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        let connection = try await open()
        do {
            if !ready {
                found = try await prepare(connection)
                ready = true
            }
            let result = try await body(connection)
            try? await connection.close()
            return result
        } catch let error as PSQLError {
            try? await connection.close()
            throw Self.storeError(error, address: address)
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private func open() async throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        if let folder = address.socketFolder {
            configuration = .init(
                unixSocketPath: folder + "/.s.PGSQL.\(address.port)", username: address.user, password: address.password,
                database: address.database)
        } else {
            guard !address.requireTLS else {
                throw StoreError(
                    .storage, "\(address.redacted): sslmode=require is not supported yet; connect over a Unix socket or a trusted network")
            }
            configuration = .init(
                host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
                tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(10)
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
        } catch let error as PSQLError {
            throw Self.storeError(error, address: address, connecting: true)
        } catch {
            throw StoreError(.storage, "cannot reach the PostgreSQL server at \(address.redacted): \(error)")
        }
    }

    /// Checks that the database holds a Veta store this veta can read; creates one (under the
    /// append lock, so two processes never both create it) when there is none and `create` is set.
    /// - Returns: The schema version the store had, or nil when there was none and it was created.
    private nonisolated func prepare(_ connection: PostgresConnection) async throws -> Int64? {
        if let version = try await Self.schemaVersion(connection), version >= PostgresSchema.version {
            try check(version)
            return version
        }
        if let version = try await Self.schemaVersion(connection) {
            // An older store: a command that writes brings it up to date; one that only reads never changes it.
            guard migrate else {
                throw StoreError(
                    .storage,
                    "\(address.redacted) has PostgreSQL store schema version \(version), older than this veta's "
                        + "(\(PostgresSchema.version)); a command that only reads never upgrades a store, so it was left unchanged: "
                        + "run `veta store upgrade --store \(address.redacted)` once (an older veta cannot use it afterwards), then try again"
                )
            }
            return try await connection.writeTransaction {
                guard let stored = try await Self.schemaVersion(connection) else { return version }
                try self.check(stored)
                try await PostgresMigrations.migrate(from: stored, connection)
                return stored
            }
        }
        guard create else {
            throw StoreError(
                .storage,
                "\(address.redacted) holds no Veta store (no veta_schema table); a command that writes, such as veta publish, creates one")
        }
        return try await connection.writeTransaction {
            if let version = try await Self.schemaVersion(connection) {
                try self.check(version)
                try await PostgresMigrations.migrate(from: version, connection)
                return version
            }
            let existing = try await connection.rows(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('ledger', 'trainee', 'curriculum')"
            )
            guard existing.isEmpty else {
                throw StoreError(
                    .storage,
                    "\(address.redacted) has tables named as Veta's but is not a Veta store (no veta_schema table); nothing was changed")
            }
            for statement in PostgresSchema.statements { try await connection.run(statement) }
            return nil
        }
    }

    private nonisolated func check(_ version: Int64) throws {
        guard version <= PostgresSchema.version else {
            throw StoreError(
                .storage,
                "\(address.redacted) is a Veta store of schema version \(version), newer than this veta's (\(PostgresSchema.version)): use a newer veta"
            )
        }
    }

    private static func schemaVersion(_ connection: PostgresConnection) async throws -> Int64? {
        guard try await connection.rows("SELECT to_regclass('veta_schema') IS NOT NULL").first?.decode(Bool.self) == true else {
            return nil
        }
        return try await connection.rows("SELECT max(version) FROM veta_schema").first?.decode(Int64?.self)
    }

    /// The server's own words (never the SQL or its arguments), as a storage error.
    static func storeError(_ error: PSQLError, address: PostgresAddress, connecting: Bool = false) -> StoreError {
        if let message = error.serverInfo?[.message] {
            let detail = error.serverInfo?[.detail].map { " (\($0))" } ?? ""
            let code = error.serverInfo?[.sqlState].map { " [SQLSTATE \($0)]" } ?? ""
            let what =
                connecting
                ? "cannot connect to the PostgreSQL store at \(address.redacted)" : "the PostgreSQL store \(address.redacted) refused"
            return StoreError(.storage, "\(what): \(message)\(detail)\(code)")
        }
        let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
        return StoreError(.storage, "cannot reach the PostgreSQL server at \(address.redacted): \(cause)")
    }
}

extension PostgresConnection {
    /// Runs `sql` with `binds` and returns every row, each cell read by `decode`.
    func rows(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: PostgresSession.logger) {
            rows.append(row)
        }
        return rows
    }

    /// Runs `sql` (a statement with no result rows).
    func run(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) async throws {
        _ = try await rows(sql, binds)
    }

    /// Runs `body` inside one transaction that first takes the store's append lock
    /// (`pg_advisory_xact_lock`): every writer of the log waits for the one before it, so every check
    /// made inside `body` holds when it commits. Rolls back when `body` throws.
    func writeTransaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await run("BEGIN")
        do {
            try await run("SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLock))")
            let result = try await body()
            try await run("COMMIT")
            return result
        } catch {
            try? await run("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside one read-only transaction with one snapshot (REPEATABLE READ).
    func readTransaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let result = try await body()
            try await run("COMMIT")
            return result
        } catch {
            try? await run("ROLLBACK")
            throw error
        }
    }
}

/// Binds built one value at a time.
struct Binds {
    var bindings = PostgresBindings()

    mutating func add(_ value: String?) {
        if let value { bindings.append(value) } else { bindings.appendNull() }
    }

    mutating func add(_ value: Int64?) {
        if let value { bindings.append(value) } else { bindings.appendNull() }
    }

    mutating func add(_ value: Data?) {
        if let value { bindings.append(ByteBuffer(bytes: value)) } else { bindings.appendNull() }
    }

    static func of(_ values: String?...) -> PostgresBindings {
        var binds = Binds()
        for value in values { binds.add(value) }
        return binds.bindings
    }
}
