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

    /// Verifies `rows` using, for each sign-off, the key `keyAt` gives for its assessor at its sequence
    /// (``Stream/consume(_:keyAt:)`` over each row; the registry entries are not folded).
    public static func verify(
        _ rows: [Result<LedgerEntry, LedgerRowError>], keyAt: (AssessorID, Int64) -> PublicSigningKey?
    ) -> Report {
        var stream = Stream()
        for row in rows { stream.consume(row, keyAt: keyAt) }
        return stream.report
    }

    /// Why a sign-off's signature does not verify, or `nil` when it does.
    static func signatureProblem(
        _ entry: LedgerEntry, publicKey: (AssessorID) -> PublicSigningKey?, bytes: [UInt8]? = nil
    ) -> String? {
        guard let assessor = entry.assessor else { return "the sign-off names no assessor" }
        guard let key = publicKey(assessor) else { return "the sign-off's assessor \(assessor) is not registered" }
        guard let signature = entry.signature.flatMap(Base64URL.decode) else { return "the sign-off has no signature" }
        guard key.isValidSignature(signature, for: bytes ?? LedgerCanonicalEncoding.bytes(of: entry)) else {
            return "the sign-off's signature does not verify with assessor \(assessor)'s public key"
        }
        return nil
    }
}
