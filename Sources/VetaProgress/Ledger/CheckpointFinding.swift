/// What one checkpoint says about the ledger as it is now.
public struct CheckpointFinding: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The verdict.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The log still extends the checkpoint: its entry at the checkpoint's size has the signed hash.
        case extended
        /// The log is shorter than the checkpoint: entries after its end were removed.
        case truncated
        /// The log is shorter than the checkpoint and ends exactly where an older checkpoint ended:
        /// an older copy of the store was put back.
        case rolledBack = "rolled-back"
        /// The log reaches the checkpoint's size but its entry there has another hash: entries up to
        /// the checkpoint were rewritten (hashes recomputed), or an older copy was put back and written to.
        case rewritten
        /// The checkpoint's origin is not this log's: a checkpoint of another store, or entry 1 was rewritten.
        case otherLog = "other-log"
        /// No signature on the checkpoint verifies with a key given: forged, altered, or signed by another key.
        case badSignature = "bad-signature"
        /// The file is not a signed checkpoint.
        case unreadable
        /// The log's entry at the checkpoint's size has the signed hash, but the chain is broken at or
        /// before that entry: the entries the checkpoint covers do not verify, so the log is not said to extend it.
        case notJudged = "not-judged"
    }

    /// The checkpoint file.
    public let file: String
    /// The verdict.
    public let kind: Kind
    /// The checkpoint's size, when it could be read.
    public let size: Int64?
    /// The checkpoint's time, when it has one.
    public let time: String?
    /// What was found, in words.
    public let message: String

    /// Whether the log still extends this checkpoint.
    public var holds: Bool { kind == .extended }

    public var description: String { "\(file): \(kind.rawValue): \(message)" }
}

/// Checks checkpoints against the log.
public enum CheckpointVerifier {
    /// What the check needs of the log: its size, its origin and its recomputed hashes at some sizes.
    public struct LogHeads: Sendable {
        /// The sequence of the last entry (0 for an empty log).
        public var size: Int64 = 0
        /// The origin line of the log (from its entry 1), `nil` when it is empty or entry 1 is unreadable.
        public var origin: String?
        /// The recomputed hash of the entry at each size asked for (absent when that entry is missing or unreadable).
        public var hashes: [Int64: String] = [:]

        /// Creates an empty description.
        public init() {}
    }

    /// A checkpoint file as read: its name and bytes, or why it could not be read.
    public typealias File = (path: String, bytes: Result<[UInt8], KeyError>)

    /// The checkpoints whose signature verifies with one of `keys`, and a finding for each file that does not.
    public static func read(_ files: [File], keys: [NoteVerifierKey]) -> (valid: [(String, Checkpoint)], findings: [CheckpointFinding]) {
        var valid: [(String, Checkpoint)] = []
        var findings: [CheckpointFinding] = []
        for file in files {
            do {
                let note = try SignedNote(parsing: try file.bytes.get())
                let checkpoint = try Checkpoint(body: note.text)
                guard keys.contains(where: note.isSigned(by:)) else {
                    findings.append(
                        CheckpointFinding(
                            file: file.path, kind: .badSignature, size: checkpoint.size, time: checkpoint.time,
                            message:
                                "no signature verifies with the key given: the checkpoint was forged, altered, or signed by another key"))
                    continue
                }
                valid.append((file.path, checkpoint))
            } catch {
                findings.append(
                    CheckpointFinding(
                        file: file.path, kind: .unreadable, size: nil, time: nil, message: "not a signed checkpoint: \(error)"))
            }
        }
        return (valid, findings)
    }

    /// The finding for each valid checkpoint against `log`. `brokenAt` is the first entry of the
    /// log that does not verify (``LedgerVerifier/Report/problems``), if any: a checkpoint whose
    /// entries reach it is ``CheckpointFinding/Kind/notJudged``, never extended.
    public static func check(_ checkpoints: [(String, Checkpoint)], against log: LogHeads, brokenAt: Int64? = nil) -> [CheckpointFinding] {
        let held = checkpoints.filter { $0.1.origin == log.origin && $0.1.size <= log.size && log.hashes[$0.1.size] == $0.1.head }
        return checkpoints.map { path, checkpoint in
            func finding(_ kind: CheckpointFinding.Kind, _ message: String) -> CheckpointFinding {
                CheckpointFinding(file: path, kind: kind, size: checkpoint.size, time: checkpoint.time, message: message)
            }
            let seen = "the checkpoint\(checkpoint.time.map { " of \($0)" } ?? "") saw \(checkpoint.size) entries"
            if log.size < checkpoint.size {
                if let older = held.first(where: { $0.1.size == log.size && log.size > 0 }) {
                    return finding(
                        .rolledBack,
                        "the store is an older copy: its log ends at entry \(log.size), exactly where checkpoint \(older.0)\(older.1.time.map { " of \($0)" } ?? "") ended; \(seen)"
                    )
                }
                return finding(
                    .truncated,
                    "the log ends at entry \(log.size) but \(seen): entries \(log.size + 1)–\(checkpoint.size) were removed")
            }
            guard checkpoint.origin == log.origin else {
                return finding(
                    .otherLog,
                    "the checkpoint is of log \(checkpoint.origin), this store's is \(log.origin ?? "unreadable"): a checkpoint of another store, or entry 1 was rewritten"
                )
            }
            if log.hashes[checkpoint.size] == checkpoint.head {
                if let broken = brokenAt, broken <= checkpoint.size {
                    return finding(
                        .notJudged,
                        "not judged: the chain is broken at entry \(broken), \(broken == checkpoint.size ? "the checkpoint's last entry" : "before this checkpoint's size") (\(seen)), so the log is not said to extend it; run veta ledger verify and put back a copy of the store that verifies"
                    )
                }
                return finding(.extended, "the log extends it (\(seen))")
            }
            let after = held.filter { $0.1.size < checkpoint.size }.map(\.1.size).max() ?? 0
            return finding(
                .rewritten,
                "entry \(checkpoint.size) does not have the hash the checkpoint signed: entries \(after + 1)–\(checkpoint.size) were rewritten after it was taken (or an older copy was put back and written to)"
            )
        }
    }
}
