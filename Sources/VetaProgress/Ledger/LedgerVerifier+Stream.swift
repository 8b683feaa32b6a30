extension LedgerVerifier {
    /// Verifies entries one at a time, in sequence order, as they are read: it keeps the previous
    /// hash, the counts and the problems found, never the entries, so memory stays flat however
    /// long the ledger is. ``LedgerVerifier/verify(_:publicKey:)`` is this over an array.
    public struct Stream: Sendable {
        private var expectedSequence: Int64 = 1
        private var previousHash = LedgerEntry.genesisHash
        /// Entries read so far.
        public private(set) var entries = 0
        /// Sign-off signatures checked so far.
        public private(set) var signatures = 0
        /// Every problem found so far, in sequence order.
        public private(set) var problems: [Problem] = []

        /// A verifier that has read nothing yet.
        public init() {}

        /// Checks the next stored row; returns the entry's recomputed hash (`nil` for a row that is not an entry).
        @discardableResult
        public mutating func consume(
            _ row: Result<LedgerEntry, LedgerRowError>, publicKey: (AssessorID) -> PublicSigningKey?
        ) -> String? {
            entries += 1
            let entry: LedgerEntry
            switch row {
            case .failure(let error):
                let reason = error.reason.hasPrefix("the row ") ? error.reason : "the row is not a valid entry: \(error.reason)"
                problems.append(Problem(sequence: error.sequence, reason: reason))
                expectedSequence = error.sequence + 1
                previousHash = ""
                return nil
            case .success(let value):
                entry = value
            }
            if entry.sequence != expectedSequence {
                problems.append(
                    Problem(
                        sequence: entry.sequence,
                        reason: "expected entry \(expectedSequence) here: entries \(expectedSequence)–\(entry.sequence - 1) are missing"))
            }
            if !previousHash.isEmpty && entry.previousHash != previousHash {
                problems.append(Problem(sequence: entry.sequence, reason: "its previous-hash does not match the entry before it"))
            }
            let recomputed = LedgerCanonicalEncoding.hash(of: entry)
            if recomputed != entry.hash {
                problems.append(
                    Problem(
                        sequence: entry.sequence, reason: "its content does not match its hash: the entry was changed after it was recorded"
                    ))
            }
            if entry.kind == .signOff {
                signatures += 1
                if let problem = signatureProblem(entry, publicKey: publicKey) {
                    problems.append(Problem(sequence: entry.sequence, reason: problem))
                }
            }
            expectedSequence = entry.sequence + 1
            previousHash = entry.hash
            return recomputed
        }

        /// What was found in the entries read.
        public var report: Report { Report(entries: entries, signatures: signatures, problems: problems) }
    }
}
