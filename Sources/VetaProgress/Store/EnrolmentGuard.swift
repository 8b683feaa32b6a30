import GRDB

/// The store's own check, inside the write transaction, that a batch enrols nobody twice.
///
/// Services check before writing too, with better messages; this check is the one that holds when
/// two processes enrol the same trainee at once, and it covers every way of writing an enrolment
/// (`veta enrol`, `veta import`), since both append through ``SQLiteProgressStore/append(_:seal:)``.
package enum EnrolmentGuard {
    /// Throws a ``Refusal`` when an enrolment in `batch` names a curriculum (any version) the trainee
    /// is enrolled in and has not withdrawn from, in the store or earlier in the batch.
    static func check(_ batch: [LedgerEntry], in db: Database) throws {
        guard batch.contains(where: { $0.kind == .enrolment }) else { return }
        // A few trainees (`veta enrol`): their rows only; a bulk import: one pass over the table.
        let trainees = Array(Set(batch.filter { $0.kind == .enrolment }.map(\.trainee.rawValue)))
        var sql = "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE \(LedgerCodes.condition([.enrolment, .withdrawal, .correction]))"
        var arguments = StatementArguments()
        if trainees.count <= 100 {
            sql += " AND trainee_id IN (\(Array(repeating: "?", count: trainees.count).joined(separator: ", ")))"
            arguments += StatementArguments(trainees)
        }
        let rows = try Row.fetchAll(db, sql: sql + " ORDER BY sequence", arguments: arguments)
        var byTrainee: [TraineeID: [LedgerEntry]] = [:]
        for row in rows {
            if case .success(let entry) = LedgerRow.entry(row) { byTrainee[entry.trainee, default: []].append(entry) }
        }
        // The batch's entries get the sequences the store will give them, so they order after the stored ones.
        try check(batch, stored: byTrainee, end: try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM ledger_entry") ?? 0)
    }

    /// The check of ``check(_:in:)`` against `stored`, the enrolments, withdrawals and corrections
    /// of the batch's trainees read from any store whose ledger ends at `end`.
    package static func check(_ batch: [LedgerEntry], stored: [TraineeID: [LedgerEntry]], end: Int64) throws {
        var byTrainee = stored
        var sequence = end
        for var entry in batch {
            sequence += 1
            guard [.enrolment, .withdrawal, .correction].contains(entry.kind) else { continue }
            let own = byTrainee[entry.trainee] ?? []
            if entry.kind == .enrolment,
                let active = EnrolmentState.activeEnrolment(in: own, trainee: entry.trainee, code: entry.curriculum.code)
            {
                throw EnrolmentState.alreadyEnrolled(entry.trainee, in: entry.curriculum, active: active)
            }
            entry.sequence = sequence
            byTrainee[entry.trainee, default: []].append(entry)
        }
    }
}
