/// A store that appends evidence one entry at a time as it is read, in one write transaction
/// (the streaming import, ``ProgressService/importCSV(fileAt:options:progress:)``): the SQLite store
/// and the PostgreSQL store. A store that is not one is given the file whole.
package protocol StreamAppendingStore: ProgressStore {
    /// Appends the entries `next` hands over until it returns nil, in one write transaction, if
    /// the ledger still ends at `end` (``StoreError/Kind/changed`` otherwise); `finish` is called
    /// with the count before the commit and may refuse it (nothing is then written).
    func appendStream(
        after end: Int64, next: @escaping @Sendable () throws -> LedgerEntry?, finish: @escaping @Sendable (Int) throws -> Void
    ) async throws -> Int
}

extension SQLiteProgressStore: StreamAppendingStore {}

/// The engine-free part of ``StreamAppendingStore/appendStream(after:next:finish:)``: each entry
/// checked, cleaned and chained after the one before, as every engine stores it.
package struct StreamChain {
    private var chain: LedgerChainer

    /// A chain after entry `end`, whose hash is `previousHash`; the entries are recorded at `recordedAt`.
    package init(after end: Int64, previousHash: String, recordedAt: String) {
        chain = LedgerChainer(after: end, hash: previousHash, recordedAt: recordedAt)
    }

    /// A ``StoreError/Kind/changed`` unless the ledger still ends at `end` (its last entry is `last`).
    package static func checkEnd(_ last: Int64, _ end: Int64) throws {
        guard end == last else {
            throw StoreError(.changed, "the ledger changed while the request was checked (entry \(last) is now the last, not \(end))")
        }
    }

    /// The next entry as it is stored: only evidence and the import's mark; ids already clean (a
    /// ``Refusal`` otherwise: they were checked in another form).
    package mutating func next(_ original: LedgerEntry) throws -> LedgerEntry {
        guard original.kind == .evidence || original.kind == .importBatch else {
            throw StoreError(.storage, "only evidence (and the import's mark) is appended one entry at a time")
        }
        // The import's mark is about no trainee: nothing in it to clean.
        let entry = original.kind == .importBatch ? original : try original.validated()
        guard entry.trainee == original.trainee, entry.assessor == original.assessor else {
            throw Refusal(
                "the ids of entry \(chain.sequence + 1) are not as the store keeps ids: they were not checked in their clean form")
        }
        return chain.link(entry) { $0.signature = nil }
    }
}
