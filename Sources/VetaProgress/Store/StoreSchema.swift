/// The store's schema version as people read it, and the refusals of a store this veta cannot use
/// as it is.
///
/// A store's version is the number of the newest numbered migration applied to it (`v2 …` is
/// version 2); this veta's is the number of its own newest migration. A store with a migration this
/// veta does not know is newer and is refused by every command, untouched; a store missing some of
/// this veta's migrations is older: commands that write bring it up to date, commands that only
/// read refuse it, untouched, and say how to upgrade it.
public enum StoreSchema {
    /// The schema version this veta reads and writes.
    public static var version: Int { Migrations.migrator.migrations.compactMap(number).max() ?? 0 }

    /// The version of a store with these migrations applied.
    static func version(of applied: Set<String>) -> Int { applied.compactMap(number).max() ?? 0 }

    /// The number of a migration named `vN …`, or nil.
    static func number(_ identifier: String) -> Int? {
        guard identifier.first == "v" else { return nil }
        let digits = identifier.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, identifier.dropFirst(1 + digits.count).first == " " else { return nil }
        return Int(digits)
    }

    /// The refusal of a store with migrations this veta does not know.
    static func newer(_ path: String, unknown: Set<String>, applied: Set<String>) -> StoreError {
        let stored = version(of: applied)
        let names = unknown.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        // No unknown migration is a numbered Veta one: another program's database, not a newer Veta's.
        guard unknown.contains(where: { number($0) != nil }) else {
            return StoreError(
                .storage,
                "\(path) holds migrations that are not Veta's (\(names)): it is not a Veta store, or another program changed it. "
                    + "It was left unchanged: give --store (or VETA_STORE) the path of a Veta store")
        }
        let what = stored > version ? "schema version \(stored)" : "changes beyond schema version \(version)"
        return StoreError(
            .storage,
            "\(path) has \(what), newer than this veta knows (schema version \(version)): a newer veta wrote it "
                + "(migrations not known here: \(names)). It was left unchanged: use that newer veta (or a later one) with this store")
    }

    /// The refusal, by a command that only reads, of a store that needs migrations this veta has.
    static func older(_ path: String, applied: Set<String>) -> StoreError {
        StoreError(
            .storage,
            "\(path) has schema version \(version(of: applied)), older than this veta's (schema version \(version)); a command "
                + "that only reads never upgrades a store, so it was left unchanged: run `veta store upgrade --store \(path)` "
                + "once (an older veta cannot open it afterwards), then try again")
    }
}

extension StoreSchema {
    /// Brings an existing store's schema up to this veta's version (what every command that writes
    /// does first), for a store a reading command refused as older.
    ///
    /// - Returns: The store's schema version before and after.
    /// - Throws: ``StoreError`` `.storage` when there is no store at `path`, when it is not a Veta
    ///   store, or when it is newer than this veta; it is then left unchanged.
    public static func upgrade(_ path: String) throws -> (from: Int, to: Int) {
        let applied = try StoreFile.check(path, create: false)
        _ = try SQLiteProgressStore(path: path, create: false)
        return (version(of: applied), version)
    }
}
