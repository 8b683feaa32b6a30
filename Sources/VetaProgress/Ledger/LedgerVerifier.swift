/// Recomputes the ledger's hash chain and sign-off signatures.
public enum LedgerVerifier {
    /// What verification found.
    public struct Report: Hashable, Sendable, Codable {
        /// Entries read.
        public let entries: Int
        /// Sign-off signatures checked.
        public let signatures: Int
        /// Every problem, in sequence order; the first is where the ledger stops being trustworthy.
        public let problems: [Problem]

        /// Whether the whole ledger verifies.
        public var isIntact: Bool { problems.isEmpty }
    }

    /// One entry that does not verify.
    public struct Problem: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The entry's sequence.
        public let sequence: Int64
        /// Which check failed.
        public let reason: String

        public var description: String { "entry \(sequence): \(reason)" }
    }

    /// Verifies `rows` (every stored entry, in sequence order) using the assessors' public keys.
    public static func verify(
        _ rows: [Result<LedgerEntry, LedgerRowError>], publicKey: (AssessorID) -> PublicSigningKey?
    ) -> Report {
        verify(rows) { assessor, _ in publicKey(assessor) }
    }

    /// Verifies `rows` using, for each sign-off, the key `keyAt` gives for its assessor at its sequence.
    public static func verify(
        _ rows: [Result<LedgerEntry, LedgerRowError>], keyAt: (AssessorID, Int64) -> PublicSigningKey?
    ) -> Report {
        var problems: [Problem] = []
        var expectedSequence: Int64 = 1
        var previousHash = LedgerEntry.genesisHash
        var signatures = 0
        for row in rows {
            let entry: LedgerEntry
            switch row {
            case .failure(let error):
                let reason = error.reason.hasPrefix("the row ") ? error.reason : "the row is not a valid entry: \(error.reason)"
                problems.append(Problem(sequence: error.sequence, reason: reason))
                expectedSequence = error.sequence + 1
                previousHash = ""
                continue
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
                if let problem = signatureProblem(entry, publicKey: { keyAt($0, entry.sequence) }) {
                    problems.append(Problem(sequence: entry.sequence, reason: problem))
                }
            }
            expectedSequence = entry.sequence + 1
            previousHash = entry.hash
        }
        return Report(entries: rows.count, signatures: signatures, problems: problems)
    }

    /// Why a sign-off's signature does not verify, or `nil` when it does.
    static func signatureProblem(_ entry: LedgerEntry, publicKey: (AssessorID) -> PublicSigningKey?) -> String? {
        guard let assessor = entry.assessor else { return "the sign-off names no assessor" }
        guard let key = publicKey(assessor) else { return "the sign-off's assessor \(assessor) is not registered" }
        guard let signature = entry.signature.flatMap(Base64URL.decode) else { return "the sign-off has no signature" }
        guard key.isValidSignature(signature, for: LedgerCanonicalEncoding.bytes(of: entry)) else {
            return "the sign-off's signature does not verify with assessor \(assessor)'s public key"
        }
        return nil
    }
}
