import GRDB

/// `curriculum_lifecycle`, the projection of the log's lifecycle entries: read as registry fields
/// (`status`, `successor`, `since`) to compare with ``RegistryState/lifecycle``, and rebuilt from it.
enum LifecycleTable {
    static let table = "curriculum_lifecycle"

    /// The table's rows, by `CODE@x.y.z`.
    static func read(_ db: Database) throws -> [String: [String: String]] {
        var rows: [String: [String: String]] = [:]
        // The registry migration (v4) reads and rebuilds the tables before v5 creates this one.
        guard try db.tableExists(table) else { return rows }
        for row in try Row.fetchAll(db, sql: "SELECT code, version, status, successor, since FROM curriculum_lifecycle") {
            var fields = ["status": row.exactText("status") ?? "\u{0}", "since": row.exactText("since") ?? "\u{0}"]
            if !row.hasNull(atIndex: 3) { fields["successor"] = row.exactText("successor") ?? "\u{0}" }
            rows[(row.exactText("code") ?? "") + "@" + (row.exactText("version") ?? "")] = fields
        }
        return rows
    }

    /// What the log's lifecycle says, as the table's fields.
    static func fields(_ state: RegistryState) -> [String: [String: String]] {
        state.lifecycle.mapValues { lifecycle in
            var fields = ["status": lifecycle.status.rawValue, "since": lifecycle.since.description]
            if let successor = lifecycle.successor { fields["successor"] = successor }
            return fields
        }
    }

    /// Writes one version's row as `lifecycle` says, in the caller's write transaction.
    static func write(_ subject: String, _ lifecycle: CurriculumLifecycle, in db: Database) throws {
        guard let at = subject.firstIndex(of: "@") else { return }
        try db.execute(
            sql: """
                INSERT INTO curriculum_lifecycle (code, version, status, successor, since, reason) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code, version) DO UPDATE SET status = excluded.status, successor = excluded.successor,
                since = excluded.since, reason = excluded.reason
                """,
            arguments: [
                String(subject[..<at]), String(subject[subject.index(after: at)...]), lifecycle.status.rawValue, lifecycle.successor,
                lifecycle.since.description, lifecycle.reason,
            ])
    }

    /// Replaces every row with the projection of `state`.
    static func rebuild(from state: RegistryState, in db: Database) throws {
        guard try db.tableExists(table) else { return }
        try db.execute(sql: "DELETE FROM curriculum_lifecycle")
        for (subject, lifecycle) in state.lifecycle.sorted(by: { $0.key < $1.key }) { try write(subject, lifecycle, in: db) }
    }
}
