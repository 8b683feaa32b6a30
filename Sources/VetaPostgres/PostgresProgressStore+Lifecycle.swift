import PostgresNIO
public import VetaCurricula
public import VetaProgress

extension PostgresProgressStore {
    public func moveCurriculum(
        _ ref: CurriculumRef, to status: CurriculumLifecycle.Status, successor: CurriculumRef?, on date: CalendarDate, reason: String?
    ) async throws {
        let now = timestamp()
        try await write { connection in
            try await self.move(ref.description, to: status, successor: successor?.description, on: date, reason: reason, connection, now)
        }
    }

    /// Moves `subject` to `status` after checking the move against the log (``LifecycleRules``), and
    /// writes the projection's row, in the caller's write transaction.
    func move(
        _ subject: String, to status: CurriculumLifecycle.Status, successor: String?, on date: CalendarDate, reason: String?,
        _ connection: PostgresConnection, _ recordedAt: String
    ) async throws {
        let state = try await self.state(connection, kinds: [.publication, .lifecycle])
        let (entry, lifecycle) = try LifecycleRules.move(subject, to: status, successor: successor, on: date, reason: reason, in: state)
        try await appendRegistry([entry], connection, recordedAt: recordedAt)
        guard let lifecycle, let at = subject.firstIndex(of: "@") else { return }
        try await connection.run(
            """
            INSERT INTO curriculum_lifecycle (code, version, status, successor, since, reason) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (code, version) DO UPDATE SET status = excluded.status, successor = excluded.successor,
            since = excluded.since, reason = excluded.reason
            """,
            Binds.of(
                String(subject[..<at]), String(subject[subject.index(after: at)...]), lifecycle.status.rawValue, lifecycle.successor,
                lifecycle.since.description, lifecycle.reason))
    }

    /// After publishing `ref`, which declares it supersedes `older`: moves `older` to superseded,
    /// unless it is not published or already superseded or withdrawn (then nothing is written).
    func supersede(_ older: CurriculumRef, by ref: CurriculumRef, _ connection: PostgresConnection, _ recordedAt: String) async throws {
        guard LifecycleRules.supersedes(older, by: ref, in: try await self.state(connection, kinds: [.publication, .lifecycle])) else {
            return
        }
        try await move(
            older.description, to: .superseded, successor: ref.description, on: try await day(recordedAt, connection),
            reason: LifecycleRules.declared(by: ref), connection, recordedAt)
    }
}
