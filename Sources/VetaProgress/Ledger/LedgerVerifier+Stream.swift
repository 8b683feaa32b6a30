extension LedgerVerifier {
    /// Verifies entries one at a time, in sequence order, as they are read: it keeps the previous
    /// hash, the counts, the problems found and the registry the log builds (``RegistryState``),
    /// never the entries, so memory stays flat however long the ledger is.
    ///
    /// ``consume(_:)`` checks each sign-off against the key the log registered for its assessor
    /// when it was signed (never a table row). A store migrated from the tables that preceded the
    /// registry entries registers its assessors after their sign-offs: a sign-off whose assessor
    /// the log has not registered yet is held until the end and checked against the key a
    /// migrated registration carries (only such sign-offs are held).
    public struct Stream: Sendable {
        private var expectedSequence: Int64 = 1
        private var previousHash = LedgerEntry.genesisHash
        /// Entries read so far.
        public private(set) var entries = 0
        /// Sign-off signatures checked so far.
        public private(set) var signatures = 0
        /// The problems of the hash chain and of the signatures checked so far, in sequence order.
        public private(set) var problems: [Problem] = []
        /// The registry the entries read so far build (folded by ``consume(_:)`` only).
        public private(set) var registry = RegistryState()
        /// The key each migrated assessor registration carries, by assessor.
        private var migratedKeys: [String: String] = [:]
        /// Sign-offs read before the log registered their assessor.
        private var waiting: [LedgerEntry] = []
        /// Keys already decoded, by their base64url text.
        private var decoded: [String: PublicSigningKey] = [:]
        /// The sender's canonical bytes of each signed entry a sync receipt copied, by the copy's
        /// sequence: a copied sign-off's signature is the assessor's over the sender's bytes (``SyncReceipt``).
        private var copiedBytes: [Int64: [UInt8]] = [:]

        /// A verifier that has read nothing yet.
        public init() {}

        /// Checks the next stored row, folding it into ``registry``; each sign-off is checked with
        /// the key the log registers for its assessor. Returns the entry's recomputed hash (`nil`
        /// for a row that is not an entry).
        @discardableResult
        public mutating func consume(_ row: Result<LedgerEntry, LedgerRowError>) -> String? {
            guard let (entry, recomputed) = link(row) else { return nil }
            noteReceipt(entry)
            registry.apply(entry)
            if entry.kind == .assessor, let details = entry.registry, details.isMigrated, let key = details.fields["publicKey"] {
                migratedKeys[details.subject] = key
            }
            if entry.kind == .signOff {
                if let id = entry.assessor, registry.assessorKey(id.rawValue) == nil {
                    signatures += 1
                    waiting.append(entry)
                } else {
                    let key = entry.assessor.flatMap { registry.assessorKey($0.rawValue) }.flatMap { decode($0) }
                    checkSignature(entry) { _ in key }
                }
            }
            return recomputed
        }

        /// Checks the next stored row, each sign-off with the key `keyAt` gives for its assessor at
        /// its sequence (the registry entries are not folded). Returns the entry's recomputed hash.
        @discardableResult
        public mutating func consume(
            _ row: Result<LedgerEntry, LedgerRowError>, keyAt: (AssessorID, Int64) -> PublicSigningKey?
        ) -> String? {
            guard let (entry, recomputed) = link(row) else { return nil }
            noteReceipt(entry)
            if entry.kind == .signOff { checkSignature(entry) { keyAt($0, entry.sequence) } }
            return recomputed
        }

        /// What was found in the entries read: the chain's and the signatures' problems, the held
        /// sign-offs checked against the migrated keys, and what the registry entries get wrong.
        public var report: Report {
            var found = problems
            for entry in waiting {
                let key = entry.assessor.flatMap { migratedKeys[$0.rawValue] }.flatMap { try? PublicSigningKey($0) }
                if let problem = signatureProblem(entry, publicKey: { _ in key }) {
                    found.append(Problem(sequence: entry.sequence, reason: problem))
                }
            }
            return Report(entries: entries, signatures: signatures, problems: found)
                .adding(registry.problems.map { Problem(at: $0.sequence, $0.reason) })
        }

        /// The row's place in the chain: its sequence, previous-hash and hash; the entry and its
        /// recomputed hash, or `nil` for a row that is not an entry.
        private mutating func link(_ row: Result<LedgerEntry, LedgerRowError>) -> (LedgerEntry, String)? {
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
                        reason: "expected entry \(expectedSequence) here: "
                            + (expectedSequence == entry.sequence - 1
                                ? "entry \(expectedSequence) is missing" : "entries \(expectedSequence)–\(entry.sequence - 1) are missing"))
                )
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
            expectedSequence = entry.sequence + 1
            previousHash = entry.hash
            return (entry, recomputed)
        }

        /// Keeps the sender's bytes of the signed entries a receipt copied.
        private mutating func noteReceipt(_ entry: LedgerEntry) {
            guard entry.kind == .receipt, let receipt = SyncReceipt(entry) else { return }
            for line in receipt.lines where line.state == .copied && line.signature != nil {
                if let local = line.local { copiedBytes[local] = line.bytes }
            }
        }

        private mutating func checkSignature(_ entry: LedgerEntry, publicKey: (AssessorID) -> PublicSigningKey?) {
            signatures += 1
            if let bytes = copiedBytes.removeValue(forKey: entry.sequence) {
                if let problem = signatureProblem(entry, publicKey: publicKey, bytes: bytes) {
                    problems.append(Problem(sequence: entry.sequence, reason: problem))
                }
                return
            }
            if let problem = signatureProblem(entry, publicKey: publicKey) {
                problems.append(Problem(sequence: entry.sequence, reason: problem))
            }
        }

        private mutating func decode(_ text: String) -> PublicSigningKey? {
            if let key = decoded[text] { return key }
            let key = try? PublicSigningKey(text)
            decoded[text] = key
            return key
        }
    }
}
