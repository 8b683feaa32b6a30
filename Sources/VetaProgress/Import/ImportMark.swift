import VetaCurricula

/// The `import` entry that marks what one `veta import` wrote (``LedgerEntry/Kind/importBatch``):
/// appended right after the batch, in the same write transaction, it names the first and last
/// entry of the batch and carries the sha256 of the imported file. `veta import --undo ID` undoes
/// exactly the batch such an entry marks; entries that no `import` entry marks (written by
/// `veta record`, or by an import made before imports were marked) are never taken for an import.
extension ImportID {
    /// The `import` entry for `count` entries appended right after entry `end`, from a file whose
    /// sha256 is `sha256`, dated `date`.
    static func mark(after end: Int64, count: Int, sha256: String, on date: CalendarDate) -> LedgerEntry {
        let id = ImportID(first: end + 1, last: end + Int64(count))
        return .registry(
            .importBatch, subject: id.description, fields: ["first": String(id.first), "last": String(id.last)], date: date,
            sha256: sha256.isEmpty ? nil : sha256)
    }

    /// The import an `import` entry marks; `nil` for any other entry, or one whose fields do not
    /// name a batch that ends right before it.
    public init?(mark entry: LedgerEntry) {
        guard entry.kind == .importBatch, let fields = entry.registry?.fields,
            let first = fields["first"].flatMap({ Int64($0) }), let last = fields["last"].flatMap({ Int64($0) }),
            first >= 1, first <= last, last < entry.sequence, entry.registry?.subject == "\(first)-\(last)"
        else { return nil }
        self.init(first: first, last: last)
    }
}

extension ProgressService {
    /// Appends `entries` right after entry `end` and, after them, the `import` entry that marks
    /// them (``ImportID/mark(after:count:sha256:on:)``), in one write transaction; returns the
    /// stored entries without the mark. Nothing is appended (and no mark) when `entries` is empty.
    func appendImport(
        _ entries: [LedgerEntry], after end: Int64, fileSHA256: String, seal: @escaping @Sendable (inout LedgerEntry) throws -> Void
    ) async throws -> [LedgerEntry] {
        guard !entries.isEmpty else { return [] }
        let mark = ImportID.mark(after: end, count: entries.count, sha256: fileSHA256, on: try await today())
        let stored = try await store.append(entries + [mark], after: end) { entry in
            if entry.kind != .importBatch { try seal(&entry) }
        }
        return stored.filter { $0.kind != .importBatch }
    }
}
