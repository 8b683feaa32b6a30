extension LedgerEntry {
    /// Signs the entry's canonical bytes (``LedgerCanonicalEncoding``) with `key`, setting ``signature``.
    /// Call it once the store has fixed the entry's sequence, time and previous hash (in a `seal`).
    public mutating func sign(with key: SigningKey) throws {
        signature = Base64URL.encode(try key.signature(for: LedgerCanonicalEncoding.bytes(of: self)))
    }

    /// Whether ``signature`` is `key`'s Ed25519 signature over the entry's canonical bytes.
    public func isSigned(by key: PublicSigningKey) -> Bool {
        guard let signature = signature.flatMap(Base64URL.decode) else { return false }
        return key.isValidSignature(signature, for: LedgerCanonicalEncoding.bytes(of: self))
    }
}
