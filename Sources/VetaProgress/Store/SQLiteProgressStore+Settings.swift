import GRDB

extension SQLiteProgressStore {
    public func setting(_ name: StoreSetting) async throws -> String? {
        try await read { db in try Self.setting(name, in: db) }
    }

    public func set(_ name: StoreSetting, to value: String, reason: String?, on date: CalendarDate) async throws {
        let now = Self.timestamp(clock())
        let reason = try reason.map { try CleanText.clean($0, field: "reason") }.flatMap { $0.isEmpty ? nil : $0 }
        try await write { db in
            try RegistryLog.append(
                [.registry(.setting, subject: name.rawValue, fields: ["value": value], date: date, note: reason)], in: db, recordedAt: now)
        }
    }

    /// The newest value of `name` in the log in `db`: the last setting entry about it.
    static func setting(_ name: StoreSetting, in db: Database) throws -> String? {
        try RegistryLog.state(db, kinds: [.setting], subject: name.rawValue).settings[name.rawValue]
    }
}
