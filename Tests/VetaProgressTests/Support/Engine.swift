import Foundation
import GRDB
import Testing
import VetaPostgres
import VetaProgress

/// The store engines a store-level test runs on: SQLite always, and PostgreSQL when `make test`
/// started a cluster for the run and said where (`VETA_TEST_POSTGRES`, Tests/pg/with-cluster.sh).
/// Once it is said, a PostgreSQL server that cannot be reached fails the tests: they never skip.
enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    /// The engines of this run.
    static var all: [Engine] {
        ProcessInfo.processInfo.environment["VETA_TEST_POSTGRES"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgresql] } ?? [.sqlite]
    }

    /// A new, empty store of this engine: a file in `folder`, or a new database on the test cluster.
    func makeStore(folder: String, clock: @escaping @Sendable () -> Date) async throws -> (any ProgressStore, location: String) {
        switch self {
        case .sqlite:
            let path = folder + "/store.sqlite"
            return (try SQLiteProgressStore(path: path, clock: clock), path)
        case .postgresql:
            let url = try Self.newDatabase()
            let address = try #require(try PostgresAddress.parse(url))
            return (try PostgresProgressStore(address: address, create: true, clock: clock), url)
        }
    }

    /// Creates a database of its own for one test on the cluster `VETA_TEST_POSTGRES` names; its URL.
    static func newDatabase() throws -> String {
        let base = try #require(ProcessInfo.processInfo.environment["VETA_TEST_POSTGRES"], "VETA_TEST_POSTGRES is not set")
        let name = "veta_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql(base, "CREATE DATABASE \(name)")
        return String(base[..<(base.lastIndex(of: "/") ?? base.endIndex)]) + "/" + name
    }

    /// Runs one SQL statement with psql against `url`; throws (the test fails) when psql cannot.
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let error = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("psql failed on \(url): \(error)") }
        return text
    }
}

extension Engine {
    /// Another handle on the store at `location` (as a second process would open it), recording at
    /// `clock`'s instants (by default the fixed instant the test worlds record at).
    func open(_ location: String, clock: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_000_000) }) throws
        -> any ProgressStore
    {
        switch self {
        case .sqlite: return try SQLiteProgressStore(path: location, clock: clock)
        case .postgresql:
            let address = try #require(try PostgresAddress.parse(location))
            return try PostgresProgressStore(address: address, create: false, clock: clock)
        }
    }

    /// Runs `statements` on the store's database directly, as someone with write access to it would,
    /// after turning off the append-only guard of `ledger` (SQLite's triggers, PostgreSQL's).
    func tamper(_ location: String, _ statements: [String]) throws {
        switch self {
        case .sqlite:
            let queue = try DatabaseQueue(path: location)
            try queue.write { db in
                try db.execute(sql: "DROP TRIGGER ledger_append_only_update")
                for statement in statements { try db.execute(sql: statement) }
            }
        case .postgresql:
            try Self.psql(location, (["ALTER TABLE ledger DISABLE TRIGGER ledger_append_only"] + statements).joined(separator: "; "))
        }
    }

    /// Whether the database refuses `statement` with the append-only guard in place.
    func refuses(_ location: String, _ statement: String) -> Bool {
        switch self {
        case .sqlite: (try? DatabaseQueue(path: location).write { try $0.execute(sql: statement) }) == nil
        case .postgresql: (try? Self.psql(location, statement)) == nil
        }
    }
}
