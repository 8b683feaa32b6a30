public import Foundation
public import VetaProgress

/// The issuer's revocation list as a W3C `BitstringStatusListCredential`, signed as a VC-JWT.
///
/// The claims carry no time that changes between two builds of the same log: `validFrom` is the
/// first instant, in the store's zone, of the date of the newest entry the list reflects (never
/// after the instant it is signed, in any zone). Ed25519 signatures are
/// deterministic, so the same log always gives the same bytes.
public struct StatusListCredential: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, type, issuer, validFrom, credentialSubject, iss, jti, nbf
    }

    /// The VC 2.0 context.
    public var context = ["https://www.w3.org/ns/credentials/v2"]
    /// The list's URL (``StatusListIndex/listURL(issuerURL:)``).
    public var id: String
    /// `["VerifiableCredential", "BitstringStatusListCredential"]`.
    public var type = ["VerifiableCredential", "BitstringStatusListCredential"]
    /// The issuer's DID.
    public var issuer: String
    /// RFC 3339.
    public var validFrom: String
    /// The list.
    public var credentialSubject: Subject
    /// JWT `iss` (the issuer's DID).
    public var iss: String
    /// JWT `jti` (the list's URL).
    public var jti: String
    /// JWT `nbf` (validFrom, seconds since 1970).
    public var nbf: Int

    /// The `BitstringStatusList` itself.
    public struct Subject: Codable, Hashable, Sendable {
        /// `<list URL>#list`.
        public var id: String
        /// `BitstringStatusList`.
        public var type = "BitstringStatusList"
        /// `revocation`.
        public var statusPurpose: String
        /// ``BitstringStatusList/encodedList``.
        public var encodedList: String
    }

    /// The revocation list of `issuerDID` at `url`, holding `list`, valid from the first instant of
    /// `date` in `zone` (the store's zone: the site's midnight, not UTC's).
    public init(url: String, issuerDID: String, list: BitstringStatusList, validFrom date: CalendarDate, in zone: TimeZone) {
        id = url
        issuer = issuerDID
        validFrom = RFC3339.string(date, in: zone)
        credentialSubject = Subject(id: url + "#list", statusPurpose: "revocation", encodedList: list.encodedList)
        iss = issuerDID
        jti = url
        nbf = Int(RFC3339.date(validFrom)?.timeIntervalSince1970 ?? 0)
    }

    /// The compact JWS: header `{"alg":"EdDSA","kid":…,"typ":"vc+jwt"}`, the claims with sorted keys.
    public func signed(with key: SigningKey, kid: String) throws -> String {
        try CompactJWS.sign(self, key: key, kid: kid, typ: "vc+jwt")
    }
}

/// Compact JWS with EdDSA (Ed25519) over JSON with sorted keys, for the site's signed documents.
public enum CompactJWS {
    /// Signs `claims`.
    public static func sign(_ claims: some Encodable, key: SigningKey, kid: String, typ: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let header = try encoder.encode(Header(alg: "EdDSA", kid: kid, typ: typ))
        let input = Base64URLText.encode(Array(header)) + "." + Base64URLText.encode(Array(try encoder.encode(claims)))
        return input + "." + Base64URLText.encode(try key.signature(for: Array(input.utf8)))
    }

    /// The header's `kid` and the payload bytes, unverified, or ``RecordError``.
    public static func parts(_ token: String) throws -> (kid: String?, payload: [UInt8]) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URLText.decode(String(parts[0])), let payload = Base64URLText.decode(String(parts[1]))
        else { throw RecordError("not a compact JWS (three base64url parts)") }
        guard let fields = try? JSONDecoder().decode(Header.self, from: Data(header)), fields.alg == "EdDSA" else {
            throw RecordError("the JWS header is not EdDSA")
        }
        return (fields.kid, payload)
    }

    /// The payload when the signature verifies with `key`, else ``RecordError``.
    public static func verify(_ token: String, with key: PublicSigningKey) throws -> [UInt8] {
        let (_, payload) = try parts(token)
        guard let dot = token.lastIndex(of: "."), let signature = Base64URLText.decode(String(token[token.index(after: dot)...])),
            key.isValidSignature(signature, for: Array(token[..<dot].utf8))
        else { throw RecordError("the signature does not verify with the issuer's key") }
        return payload
    }

    struct Header: Codable {
        var alg: String
        var kid: String?
        var typ: String?
    }
}
