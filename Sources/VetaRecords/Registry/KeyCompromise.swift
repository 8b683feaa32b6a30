public import VetaProgress

/// One of an issuer's keys retired as compromised (`veta issuer retire-key`): from `since` on, the
/// key no longer vouches for anything.
///
/// The rule (``Issuer/compromise(voiding:signedOn:)``): a record whose signature is this key's and
/// whose issue entry is dated `since` or later is NOT VALID (`KEY COMPROMISED`); a record the log
/// dates earlier stays valid, because the issuer's hash-chained log (or the site built from it)
/// reliably says it existed before the compromise. This follows the W3C Controlled Identifiers
/// 1.0 revocation semantics: revocation is not retroactive only where the time a signature was made
/// can be reliably known; a verifier that has only the DID document (and the date the signer
/// claims) rejects every signature of the key.
///
/// It is stored in the issuer's registry fields as `compromisedKeys`, one line per key,
/// `KEY DATE REASON` (the key base64url, the date `YYYY-MM-DD`): an issuer amendment entry of the
/// log carries it, and every later amendment (a key rotation) carries it on.
public struct KeyCompromise: Hashable, Sendable, Codable {
    /// The retired key, base64url.
    public let key: String
    /// The first day on which the key is not trusted (on the site's calendar).
    public let since: CalendarDate
    /// Why, as the issuer gave it.
    public let reason: String

    /// Creates a compromise record.
    public init(key: String, since: CalendarDate, reason: String) {
        self.key = key
        self.since = since
        self.reason = reason
    }

    /// The registry field the compromises are stored in.
    public static let field = "compromisedKeys"

    /// The compromises a `compromisedKeys` field lists (lines that do not read are skipped).
    public static func parse(_ field: String?) -> [KeyCompromise] {
        (field ?? "").split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2, let since = CalendarDate(String(parts[1])) else { return nil }
            return KeyCompromise(key: String(parts[0]), since: since, reason: parts.count == 3 ? String(parts[2]) : "")
        }
    }

    /// The `compromisedKeys` field of `compromises` (nil when there are none, so an issuer without
    /// any encodes as it always did).
    public static func fieldValue(_ compromises: [KeyCompromise]) -> String? {
        compromises.isEmpty ? nil : compromises.map { "\($0.key) \($0.since) \($0.reason)" }.joined(separator: "\n")
    }
}

extension Issuer {
    /// The compromise recorded for `key`, if the issuer retired it.
    public func compromise(of key: PublicSigningKey) -> KeyCompromise? {
        compromisedKeys.first { $0.key == key.base64URL }
    }

    /// The compromise that makes a record signed with `key` and dated `day` by the issuer's log NOT
    /// VALID: `key` was retired as compromised since a day on or before `day`. Nil when the record
    /// stands (the key was never retired, or the log dates the record before the compromise).
    public func compromise(voiding key: PublicSigningKey, signedOn day: CalendarDate) -> KeyCompromise? {
        compromise(of: key).flatMap { $0.since <= day ? $0 : nil }
    }

    /// The `DID#key-N` of a retired key, or its base64url when it is none of the issuer's keys.
    public func keyID(of compromise: KeyCompromise) -> String {
        (try? PublicSigningKey(compromise.key)).flatMap(keyID(for:)) ?? compromise.key
    }
}
