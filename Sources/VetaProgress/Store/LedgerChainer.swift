/// Numbers, chains and hashes the entries an engine appends after its log's last entry, free of
/// storage, so every engine chains alike and only the writing of rows differs (as ``AppendCheck``).
package struct LedgerChainer {
    /// The sequence of the last entry chained (the log's last before the first is chained).
    package private(set) var sequence: Int64
    /// The hash of the last entry chained.
    package private(set) var previousHash: String
    /// The time every entry of this append is recorded at.
    package let recordedAt: String

    /// A chainer after the log's last entry `sequence` (0 for an empty log) whose hash is `hash`
    /// (nil for an empty log: the genesis hash).
    package init(after sequence: Int64, hash: String?, recordedAt: String) {
        self.sequence = sequence
        previousHash = hash ?? LedgerEntry.genesisHash
        self.recordedAt = recordedAt
    }

    /// `entry` as the next entry of the log: numbered, recorded at this append's time, linked to the
    /// entry before it, then `seal`ed (a signature over its canonical bytes, or none) and hashed.
    package mutating func link(_ entry: LedgerEntry, seal: (inout LedgerEntry) throws -> Void) rethrows -> LedgerEntry {
        var entry = entry
        entry.sequence = sequence + 1
        entry.recordedAt = recordedAt
        entry.previousHash = previousHash
        try seal(&entry)
        entry.hash = LedgerCanonicalEncoding.hash(of: entry)
        sequence = entry.sequence
        previousHash = entry.hash
        return entry
    }

    /// A caller's entry as the next one: checked and cleaned (``AppendCheck/cleaned(_:sequence:)``),
    /// its signature cleared, then ``link(_:seal:)``ed with `seal`.
    package mutating func append(_ original: LedgerEntry, seal: (inout LedgerEntry) throws -> Void) throws -> LedgerEntry {
        var entry = try AppendCheck.cleaned(original, sequence: sequence + 1)
        entry.signature = nil
        return try link(entry, seal: seal)
    }
}
