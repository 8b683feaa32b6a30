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
        let (valid, unreadable) = CheckpointVerifier.read(files, keys: keys)
        let scan = try await scanLedger(heads: Set(valid.map(\.1.size)))
        let report = scan.report
        let log = scan.log
        // Sequence 0 is a problem about no one entry (a registry table), not a break in the chain.
        let brokenAt = report.problems.map(\.sequence).filter { $0 > 0 }.min()
        let findings = unreadable + CheckpointVerifier.check(valid, against: log, brokenAt: brokenAt)
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
    ///
    /// With `previous` (the newest checkpoint already kept), the entries from its size to the end
    /// are checked too, and a log that does not extend it is refused: a checkpoint after a write
    /// never vouches for a log that was truncated, rolled back or rewritten since the last one.
    public func checkpoint(
        key: SigningKey, keyName: String, verify: Bool, extending previous: Checkpoint? = nil, at now: Date = Date()
    ) async throws -> (Checkpoint, String) {
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
        if let previous { try await checkExtends(previous, end: end, origin: LedgerCanonicalEncoding.hash(of: first)) }
        let checkpoint = Checkpoint(
            origin: Checkpoint.origin(firstHash: LedgerCanonicalEncoding.hash(of: first)), size: end, head: last.hash,
            time: SQLiteProgressStore.timestamp(now))
        return (checkpoint, try SignedNote.sign(checkpoint.body, keyName: keyName, key: key))
    }

    /// Refuses unless the entries from `previous.size` to `end` chain and the first of them has the signed head.
    private func checkExtends(_ previous: Checkpoint, end: Int64, origin firstHash: String) async throws {
        func refuse(_ why: String) -> Refusal {
            Refusal(
                "the ledger does not extend the newest checkpoint (\(previous.size) entries\(previous.time.map { ", \($0)" } ?? "")): \(why)",
                reasons: ["no checkpoint was written; run veta ledger verify --checkpoint with the checkpoint folder"])
        }
        guard previous.origin == Checkpoint.origin(firstHash: firstHash) else { throw refuse("it is of another log") }
        guard previous.size <= end else { throw refuse("the log ends at entry \(end)") }
        var expected = previous.size
        var hash = previous.head
        for row in try await store.entries(from: previous.size, through: end) {
            guard case .success(let entry) = row, entry.sequence == expected else {
                throw refuse("entry \(expected) is missing or unreadable")
            }
            let recomputed = LedgerCanonicalEncoding.hash(of: entry)
            if entry.sequence == previous.size {
                guard recomputed == previous.head else { throw refuse("entry \(expected) does not have the signed hash") }
            } else {
                guard entry.previousHash == hash, recomputed == entry.hash else { throw refuse("entry \(expected) does not verify") }
            }
            hash = recomputed
            expected += 1
        }
        guard expected == end + 1 else {
            throw refuse(expected == end ? "entry \(end) is missing" : "entries \(expected)–\(end) are missing")
        }
    }

    static func sequence(of row: Result<LedgerEntry, LedgerRowError>) -> Int64 {
        switch row {
        case .success(let entry): entry.sequence
        case .failure(let error): error.sequence
        }
    }
}
