/// What `veta sync import` asks of a store: one write transaction that appends a receipt, the
/// entries it copied and the curricula those copies publish.
public struct SyncWrite: Sendable {
    /// The ``LedgerEntry/Kind/receipt`` entry (sequence, time and hashes are the store's to fill).
    public var receipt: LedgerEntry
    /// The copies, in order; each keeps its signature (made over the sender's bytes, ``SiteChains``).
    public var copies: [LedgerEntry]
    /// The exact bytes of each curriculum a copied publication publishes.
    public var curricula: [PublishedCurriculum]
}

extension ProgressStore {
    /// Refused: this store cannot take sync bundles (the SQLite and PostgreSQL stores can).
    public func receive(_ write: SyncWrite, after end: Int64) async throws -> [LedgerEntry] {
        throw Refusal("this store cannot take sync bundles (veta sync import runs on a SQLite or PostgreSQL store); nothing was written")
    }
}
