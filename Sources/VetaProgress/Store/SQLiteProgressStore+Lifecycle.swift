import GRDB
public import VetaCurricula

extension SQLiteProgressStore {
    public func moveCurriculum(
        _ ref: CurriculumRef, to status: CurriculumLifecycle.Status, successor: CurriculumRef?, on date: CalendarDate, reason: String?
    ) async throws {
        let now = Self.timestamp(clock())
        try await write { db in
            try LifecycleLog.move(
                ref.description, to: status, successor: successor?.description, on: date, reason: reason, in: db, recordedAt: now)
        }
    }
}

/// Appends lifecycle entries in the caller's write transaction, with their projection.
enum LifecycleLog {
    /// Moves `subject` to `status`, after checking the move against what the log says, and writes
    /// the projection's row: in one transaction with the caller's other writes.
    static func move(
        _ subject: String, to status: CurriculumLifecycle.Status, successor: String?, on date: CalendarDate, reason: String?,
        in db: Database, recordedAt: String
    ) throws {
        let state = try RegistryLog.state(db, kinds: [.publication, .lifecycle])
        let (entry, lifecycle) = try LifecycleRules.move(subject, to: status, successor: successor, on: date, reason: reason, in: state)
        try RegistryLog.append([entry], in: db, recordedAt: recordedAt)
        if let lifecycle { try LifecycleTable.write(subject, lifecycle, in: db) }
    }

    /// After publishing `ref`, which declares it supersedes `older`: moves `older` to superseded,
    /// unless it is not published or already superseded or withdrawn (then nothing is written).
    static func supersede(_ older: CurriculumRef, by ref: CurriculumRef, in db: Database, recordedAt: String) throws {
        guard LifecycleRules.supersedes(older, by: ref, in: try RegistryLog.state(db, kinds: [.publication, .lifecycle])) else { return }
        try move(
            older.description, to: .superseded, successor: ref.description, on: try RegistryLog.day(recordedAt, in: db),
            reason: LifecycleRules.declared(by: ref), in: db, recordedAt: recordedAt)
    }
}
