import VetaCurricula

extension ProgressService {
    /// Voids several entries at once with one reason: every one of them, or none.
    ///
    /// Each entry must be one a correction may void (not a correction, an issued record's entry or
    /// a registry entry) and not yet corrected; if any is not, nothing is written and every reason
    /// is given. The corrections are appended in one write transaction, after checking against the
    /// log as it is then that no other correction voided one of them (``checkedWrite(_:)``).
    public func correct(_ sequences: [Int64], reason: String, on date: CalendarDate) async throws -> [LedgerEntry] {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Refusal("a correction must say why") }
        try await requireNotAfterToday(date, for: "a correction")
        let wanted = Array(Set(sequences)).sorted()
        guard !wanted.isEmpty else { throw Refusal("name at least one entry to correct") }
        var bySequence: [Int64: LedgerEntry] = [:]
        for case .success(let entry) in try await store.allEntries() { bySequence[entry.sequence] = entry }
        var problems: [String] = []
        var corrections: [LedgerEntry] = []
        for sequence in wanted {
            guard let target = bySequence[sequence] else {
                problems.append("there is no entry \(sequence)")
                continue
            }
            if let problem = Self.uncorrectable(target) {
                problems.append(problem)
                continue
            }
            corrections.append(
                LedgerEntry(
                    kind: .correction, trainee: target.trainee, curriculum: target.curriculum, date: date, note: reason,
                    corrects: sequence))
        }
        guard problems.isEmpty else { throw Refusal("nothing was corrected", reasons: problems) }
        return try await checkedWrite { end in
            let voided = try await correctedEntries()
            let already = wanted.compactMap { sequence in voided[sequence].map { "entry \(sequence) is already corrected by entry \($0)" } }
            guard already.isEmpty else { throw Refusal("nothing was corrected", reasons: already) }
            return try await store.append(corrections, after: end) { _ in }
        }
    }

    /// Voids every entry `veta import` wrote as `id` (``ImportReport/importID``) with one reason,
    /// in one write transaction; entries of it already voided stay as they are.
    ///
    /// Refused, with nothing written, when `id` does not name the entries of one import: entries
    /// `first` through `last` must all exist, be enrolments or all be evidence, and have been
    /// recorded at one instant, as one import writes them, and the entries just before and after
    /// them must not be of that kind recorded at that instant (part of an import is not an import).
    public func undoImport(_ id: ImportID, reason: String, on date: CalendarDate) async throws -> [LedgerEntry] {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Refusal("undoing an import must say why") }
        try await requireNotAfterToday(date, for: "a correction")
        let rows = try await store.entries(from: id.first - 1, through: id.last + 1)
        var entries: [LedgerEntry] = []
        var neighbours: [LedgerEntry] = []
        for row in rows {
            switch row {
            case .success(let entry):
                if entry.sequence < id.first || entry.sequence > id.last { neighbours.append(entry) } else { entries.append(entry) }
            case .failure(let error):
                throw Refusal("the ledger does not verify at \(error)", reasons: ["nothing was done; run veta ledger verify"])
            }
        }
        let notAnImport = "import \(id) is not one import: veta import prints the id of the entries it wrote (FIRST-LAST)"
        guard entries.count == Int(id.last - id.first + 1), let first = entries.first else {
            throw Refusal(notAnImport, reasons: ["the log has no entries \(id.first) through \(id.last)"])
        }
        guard first.kind == .enrolment || first.kind == .evidence,
            entries.allSatisfy({ $0.kind == first.kind && $0.recordedAt == first.recordedAt })
        else {
            throw Refusal(notAnImport, reasons: ["entries \(id) are not enrolments or evidence all recorded at one instant"])
        }
        // The whole import, not part of it: the entries just before and after were not written with it.
        if let joined = neighbours.first(where: { $0.kind == first.kind && $0.recordedAt == first.recordedAt }) {
            throw Refusal(
                notAnImport,
                reasons: ["entry \(joined.sequence) was recorded at the same instant as entries \(id): \(id) is part of a larger import"])
        }
        let imported = entries
        return try await checkedWrite { end in
            let voided = try await correctedEntries()
            let open = imported.filter { voided[$0.sequence] == nil }
            guard !open.isEmpty else { throw Refusal("every entry of import \(id) is already voided: nothing to undo") }
            let corrections = open.map {
                LedgerEntry(
                    kind: .correction, trainee: $0.trainee, curriculum: $0.curriculum, date: date, note: reason, corrects: $0.sequence)
            }
            return try await store.append(corrections, after: end) { _ in }
        }
    }

    /// Why a correction may not void `target`, or `nil`.
    static func uncorrectable(_ target: LedgerEntry) -> String? {
        if target.kind == .correction {
            return "entry \(target.sequence) is a correction (of entry \(target.corrects ?? 0)); corrections cannot be corrected"
        }
        if target.kind.isRecord {
            return "entry \(target.sequence) is about an issued record; revoke or re-issue the record instead (veta revoke, veta reissue)"
        }
        if target.kind.isRegistry {
            return
                "entry \(target.sequence) is a \(target.kind.rawValue) entry of the registry; amend the data instead (veta org|trainee|assessor amend)"
        }
        return nil
    }

    /// The entries corrections void: the voided entry's sequence, and the first correction voiding it.
    private func correctedEntries() async throws -> [Int64: Int64] {
        var voided: [Int64: Int64] = [:]
        for correction in try await store.entries(ofKinds: [.correction]) {
            if let target = correction.corrects, voided[target] == nil { voided[target] = correction.sequence }
        }
        return voided
    }
}
