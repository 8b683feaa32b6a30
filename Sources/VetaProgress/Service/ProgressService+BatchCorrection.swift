import VetaCurricula

extension ProgressService {
    /// Voids several entries at once with one reason: every one of them, or none.
    ///
    /// Each entry follows exactly the rules of a single correction (``checkedCorrections(of:reason:on:after:)``:
    /// a correction of a correction reinstates; an issued record's entry or a registry entry is
    /// refused; an entry is corrected once; an enrolment is not reinstated while enrolled again);
    /// if any entry may not be corrected, nothing is written and every reason is given. The
    /// corrections are appended in one write transaction, checked against the log as it is then
    /// (``checkedWrite(_:)``).
    public func correct(_ sequences: [Int64], reason: String, on date: CalendarDate) async throws -> [LedgerEntry] {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Refusal("a correction must say why") }
        try await requireNotAfterToday(date, for: "a correction")
        let wanted = Array(Set(sequences)).sorted()
        guard !wanted.isEmpty else { throw Refusal("name at least one entry to correct") }
        var bySequence: [Int64: LedgerEntry] = [:]
        for case .success(let entry) in try await store.allEntries() { bySequence[entry.sequence] = entry }
        var problems: [String] = []
        var targets: [LedgerEntry] = []
        for sequence in wanted {
            guard let target = bySequence[sequence] else {
                problems.append("there is no entry \(sequence)")
                continue
            }
            if let problem = Self.uncorrectable(target) {
                problems.append(problem)
                continue
            }
            targets.append(target)
        }
        guard problems.isEmpty else { throw Refusal("nothing was corrected", reasons: problems) }
        return try await checkedWrite { end in
            let corrections = try await checkedCorrections(of: targets, reason: reason, on: date, after: end)
            return try await store.append(corrections, after: end) { _ in }
        }
    }

    /// Voids every entry `veta import` wrote as `id` (``ImportReport/importID``) with one reason,
    /// in one write transaction; entries of it already voided (by the engine's rule, ``Voiding``)
    /// stay as they are.
    ///
    /// Refused, with nothing written, when no `import` entry of the log marks entries `first`
    /// through `last` as one import (``ImportID/init(mark:)``): entries written by `veta record`
    /// are never taken for an import, whatever their recording times. An import made before
    /// imports were marked (canonical version 7) is undone with `veta correct` and its entries.
    public func undoImport(_ id: ImportID, reason: String, on date: CalendarDate) async throws -> [LedgerEntry] {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Refusal("undoing an import must say why") }
        try await requireNotAfterToday(date, for: "a correction")
        let notAnImport = "import \(id) is not one import: veta import prints the id of the entries it wrote (FIRST-LAST)"
        let marks = try await store.entries(ofKinds: [.importBatch]).compactMap { ImportID(mark: $0) }
        guard marks.contains(id) else {
            let overlapping = marks.filter { $0.first <= id.last && id.first <= $0.last }.map(\.description)
            throw Refusal(
                notAnImport,
                reasons: [
                    overlapping.isEmpty
                        ? "no import entry of the log marks entries \(id) as one import"
                        : "the log marks import \(overlapping.joined(separator: ", ")), not \(id)",
                    "entries written otherwise (or by an import before imports were marked) are voided with veta correct N ... --reason",
                ])
        }
        var entries: [LedgerEntry] = []
        for row in try await store.entries(from: id.first, through: id.last) {
            switch row {
            case .success(let entry): entries.append(entry)
            case .failure(let error):
                throw Refusal("the ledger does not verify at \(error)", reasons: ["nothing was done; run veta ledger verify"])
            }
        }
        guard entries.count == Int(id.last - id.first + 1), entries.allSatisfy({ $0.kind == .enrolment || $0.kind == .evidence }) else {
            throw Refusal(notAnImport, reasons: ["the log does not hold the enrolments or evidence \(id.first) through \(id.last)"])
        }
        let imported = entries
        return try await checkedWrite { end in
            // The engine's voiding rule (a correction of a correction reinstates), read in the transaction.
            let voided = Voiding(try await store.entries(ofKinds: [.correction]) + imported, asOf: .latest).voided
            let open = imported.filter { !voided.contains($0.sequence) }
            guard !open.isEmpty else { throw Refusal("every entry of import \(id) is already voided: nothing to undo") }
            let corrections = open.map {
                LedgerEntry(
                    kind: .correction, trainee: $0.trainee, curriculum: $0.curriculum, date: date, note: reason, corrects: $0.sequence)
            }
            return try await store.append(corrections, after: end) { _ in }
        }
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
