import ArgumentParser
import Foundation
import VetaCurricula
import VetaPostgres
import VetaProgress
import VetaRecords

/// `--store`, shared by every command that reads or writes trainee progress.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The store: a SQLite file, or a PostgreSQL database as postgresql://USER@HOST:PORT/DATABASE. Default: $VETA_STORE, else $XDG_DATA_HOME/veta/veta.sqlite.",
            valueName: "path"))
    var store: String?

    func validate() throws {
        if let store, StoreLocation.isPostgres(store) {
            do { _ = try PostgresAddress.parse(store) } catch { throw ValidationError(error.description) }
            return
        }
        if let store {
            guard !store.isEmpty, !store.hasSuffix("/") else { throw ValidationError("--store takes the path of a SQLite file") }
            guard !store.contains(where: \.isNewline) else { throw ValidationError("--store must not contain a line break") }
            if let reason = StoreFile.notAFilePath(store) { throw ValidationError("--store \(store) is not a file path: \(reason)") }
        }
    }

    /// The store's path; a bare file name (`veta.sqlite`) is taken in the current folder.
    var path: String {
        let path = store ?? StoreLocation.defaultPath()
        return path.contains("/") ? path : "./" + path
    }

    /// The store's path, once $VETA_STORE got the check --store gets when it is parsed (before "./"
    /// makes it look like a file).
    func checkedPath() throws -> String {
        if let address = try postgresAddress() {
            throw Refusal("this command works on a SQLite store file, and \(address.redacted) is a PostgreSQL store; nothing was done")
        }
        let given = store ?? StoreLocation.defaultPath()
        if let reason = StoreFile.notAFilePath(given) { throw StoreError(.storage, "\(given) is not a store file path: \(reason)") }
        return path
    }

    /// The PostgreSQL store `--store` or `$VETA_STORE` names, or nil when it names a file.
    func postgresAddress() throws -> PostgresAddress? {
        try PostgresAddress.parse(store ?? StoreLocation.defaultPath())
    }

    func openService(create: Bool) throws -> ProgressService {
        ProgressService(store: try openStore(create: create), validator: try CurriculumValidator())
    }

    /// The record service over the store; `create` as in ``openService(create:)``. The records share
    /// the progress store's connection pool (one per store file).
    func openRecords(create: Bool) throws -> RecordService {
        let store: any RecordLedger = try postgresStore(create: create) ?? openSQLite(create: create)
        return RecordService(
            progress: ProgressService(store: store, validator: try CurriculumValidator()), records: RecordStore(store: store))
    }

    /// The record service over an existing store opened for writing (never created): for commands
    /// that repair a store, such as `veta store rebuild`.
    func openExistingRecords() throws -> RecordService {
        let store: any RecordLedger =
            try postgresStore(create: false, migrate: true)
            ?? SQLiteProgressStore(path: try checkedPath(), create: false, readOnly: false)
        return RecordService(
            progress: ProgressService(store: store, validator: try CurriculumValidator()), records: RecordStore(store: store))
    }

    /// Opens the store; `create` is true only for commands that write, which may create a missing
    /// store and bring an older one up to date. Commands that only read open it read-only: they refuse
    /// a missing store (exit 2) rather than create an empty one, and an older one rather than upgrade it.
    private func openStore(create: Bool) throws -> any ProgressStore {
        try postgresStore(create: create) ?? openSQLite(create: create)
    }

    /// The PostgreSQL store `--store` names, or nil when it names a file; `migrate` (by default as
    /// `create`) lets it bring an older store up to date.
    private func postgresStore(create: Bool, migrate: Bool? = nil) throws -> PostgresProgressStore? {
        if let address = try postgresAddress() {
            let instant = try fixedInstant()
            // A command that writes owes a checkpoint (VETA_CHECKPOINTS); its writes check the newest one first.
            let floor = (migrate ?? create) ? try AutoCheckpoint.prepare(postgres: address) : nil
            return try PostgresProgressStore(
                address: address, create: create, migrate: migrate, clock: { instant ?? Date() }, floor: floor)
        }
        return nil
    }

    /// `VETA_NOW` (tests) fixes the instant entries are recorded at, as it fixes "today".
    private func fixedInstant() throws -> Date? {
        ProcessInfo.processInfo.environment[SiteClock.environmentVariable] != nil ? try SiteClock.currentInstant() : nil
    }

    private func openSQLite(create: Bool) throws -> SQLiteProgressStore {
        let instant = try fixedInstant()
        let path = try checkedPath()
        if create { try AutoCheckpoint.prepare(storePath: path) }
        return try SQLiteProgressStore(path: path, create: create, readOnly: !create, clock: { instant ?? Date() })
    }
}
