public import Foundation

/// The ledger verified, and each checkpoint given checked against it.
public struct LedgerVerification: Hashable, Sendable, Codable {
    /// Entries read.
    public let entries: Int
    /// Sign-off signatures checked.
    public let signatures: Int
    /// Every entry that does not verify (``LedgerVerifier/Report/problems``).
    public let problems: [LedgerVerifier.Problem]
    /// One finding per checkpoint file given.
    public let checkpoints: [CheckpointFinding]

    /// Whether the ledger verifies and extends every checkpoint.
    public var isIntact: Bool { problems.isEmpty && checkpoints.allSatisfy(\.holds) }
}

extension ProgressService {
    /// Verifies the ledger (``verifyLedger()``) and proves it still extends every checkpoint in
    /// `files` whose signature verifies with one of `keys`.
    public func verifyLedger(checkpoints files: [CheckpointVerifier.File], keys: [NoteVerifierKey]) async throws -> LedgerVerification {
        let rows = try await store.allEntries()
        let report = try await verifyLedger(rows)
        let (valid, unreadable) = CheckpointVerifier.read(files, keys: keys)
        let sizes = Set(valid.map(\.1.size))
        var log = CheckpointVerifier.LogHeads()
        for case .success(let entry) in rows where entry.sequence == 1 || sizes.contains(entry.sequence) {
            let hash = LedgerCanonicalEncoding.hash(of: entry)
            if entry.sequence == 1 { log.origin = Checkpoint.origin(firstHash: hash) }
            if sizes.contains(entry.sequence) { log.hashes[entry.sequence] = hash }
        }
        log.size = rows.last.map(Self.sequence(of:)) ?? 0
        let findings = unreadable + CheckpointVerifier.check(valid, against: log)
        let order = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        return LedgerVerification(
            entries: report.entries, signatures: report.signatures, problems: report.problems,
            checkpoints: findings.sorted { order[$0.file, default: 0] < order[$1.file, default: 0] })
    }

    /// A signed checkpoint of the ledger as it is now, as the text of a signed note.
    ///
    /// With `verify`, the whole ledger is verified first and a ledger that does not verify is
    /// refused (a checkpoint would vouch for it). Without it (the checkpoint after each write), only
    /// the first and last entries are read: the last one's hash must be its content's and its
    /// previous-hash that of the entry before it.
    public func checkpoint(key: SigningKey, keyName: String, verify: Bool, at now: Date = Date()) async throws -> (Checkpoint, String) {
        let end = try await store.ledgerEnd()
        guard end > 0 else { throw Refusal("the ledger is empty: there is nothing to checkpoint yet") }
        if verify {
            let report = try await verifyLedger()
            if let first = report.problems.first {
                throw Refusal("the ledger does not verify (\(first)); a checkpoint would vouch for it: run veta ledger verify")
            }
        }
        var rows = try await store.entries(from: max(1, end - 1), through: end)
        if end > 2 { rows += try await store.entries(from: 1, through: 1) }
        var byNumber: [Int64: LedgerEntry] = [:]
        for row in rows {
            guard case .success(let entry) = row else {
                throw Refusal("the ledger is damaged at entry \(Self.sequence(of: row)); run veta ledger verify")
            }
            byNumber[entry.sequence] = entry
        }
        guard let last = byNumber[end], let first = byNumber[1], LedgerCanonicalEncoding.hash(of: last) == last.hash,
            last.previousHash == (byNumber[end - 1]?.hash ?? LedgerEntry.genesisHash)
        else { throw Refusal("the ledger's last entry \(end) does not verify; run veta ledger verify") }
        let checkpoint = Checkpoint(
            origin: Checkpoint.origin(firstHash: LedgerCanonicalEncoding.hash(of: first)), size: end, head: last.hash,
            time: SQLiteProgressStore.timestamp(now))
        return (checkpoint, try SignedNote.sign(checkpoint.body, keyName: keyName, key: key))
    }

    static func sequence(of row: Result<LedgerEntry, LedgerRowError>) -> Int64 {
        switch row {
        case .success(let entry): entry.sequence
        case .failure(let error): error.sequence
        }
    }
}
