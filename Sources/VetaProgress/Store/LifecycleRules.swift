/// The rules of a curriculum version's lifecycle, free of storage, so every engine checks a move the
/// same way inside the write transaction that appends it (``LifecycleLog`` on SQLite).
package enum LifecycleRules {
    /// The lifecycle entry that moves `subject` to `status`, after checking the move against `state`
    /// (built from the log's publication and lifecycle entries), and the lifecycle it gives `subject`
    /// (the projection's row); a ``Refusal`` when the move is not allowed.
    package static func move(
        _ subject: String, to status: CurriculumLifecycle.Status, successor: String?, on date: CalendarDate, reason: String?,
        in state: RegistryState
    ) throws -> (entry: LedgerEntry, lifecycle: CurriculumLifecycle?) {
        guard state.curricula[subject] != nil else { throw Refusal("\(subject) is not published (veta publish FILE)") }
        if let successor, state.curricula[successor] == nil {
            throw Refusal("\(successor), which supersedes \(subject), is not published")
        }
        if let problem = CurriculumLifecycle.transitionProblem(from: state.lifecycle[subject], to: status, subject: subject) {
            throw Refusal(problem)
        }
        let entry = LedgerEntry.registry(
            .lifecycle, subject: subject, fields: CurriculumLifecycle.fields(status, successor: successor), date: date, note: reason)
        var after = state
        var stored = entry
        stored.sequence = Int64.max
        after.apply(stored)
        return (entry, after.lifecycle[subject])
    }

    /// Whether publishing `ref`, which declares it supersedes `older`, moves `older` to superseded:
    /// only when `older` is published, is not `ref`, and is neither superseded nor withdrawn yet.
    package static func supersedes(_ older: CurriculumRef, by ref: CurriculumRef, in state: RegistryState) -> Bool {
        state.curricula[older.description] != nil && state.lifecycle[older.description] == nil && older != ref
    }

    /// The reason a supersession declared in `<supersedes>` is given.
    package static func declared(by ref: CurriculumRef) -> String { "superseded by \(ref) (declared in its <supersedes>)" }
}
