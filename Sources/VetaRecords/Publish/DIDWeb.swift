import Foundation
public import VetaProgress

/// The issuer's identity as a `did:web`, derived from its URL (did:web method specification §3.2).
///
/// `https://host[:port][/path]` becomes `did:web:host[%3Aport][:path…]`: the host in lower case,
/// a port percent-encoded (`%3A`), each path segment a further `:`-separated part. The DID
/// document is served at `https://host[:port]/.well-known/did.json` (no path) or
/// `https://host[:port]/path/did.json`; a site built by `veta site build` holds both at its root.
public enum DIDWeb {
    /// The `did:web` of an issuer URL, or ``RecordError`` when the URL breaks ``IssuerURL``'s rule
    /// (https only, an ASCII DNS host, a port 1–65535, no user information, query, fragment,
    /// empty or dot segments, `:` in segments, and short enough for the DC-3's code).
    public static func did(issuerURL: String) throws -> String {
        let parts = try IssuerURL.parts(issuerURL)
        return "did:web:" + parts.host + (parts.port.map { "%3A\($0)" } ?? "") + parts.segments.map { ":" + $0 }.joined()
    }

    /// The issuer URL a `did:web` stands for (`https://`, the inverse of ``did(issuerURL:)``), or nil.
    public static func url(did: String) -> String? {
        guard did.hasPrefix("did:web:") else { return nil }
        let parts = did.dropFirst("did:web:".count).split(separator: ":", omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty, !parts.contains(where: \.isEmpty) else { return nil }
        return "https://" + host.replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%3a", with: ":")
            + parts.dropFirst().map { "/" + $0 }.joined()
    }

    /// The verification method id of an issuer's `n`th key (1-based, in the order the log registers
    /// them): `DID#key-n`. It is the `kid` of the credentials signed with that key.
    public static func keyID(did: String, n: Int) -> String { "\(did)#key-\(n)" }

    /// The DID document listing `keys` (given oldest first, `key-1` the oldest) as Ed25519
    /// `JsonWebKey2020` verification methods, every one an assertion method, so credentials signed
    /// with a rotated-out key still verify. The current key is listed first: verifiers that take a
    /// document's first key for a JWT without a usable `kid` (openbadgeslib checks a status list
    /// that way) find the key the site's documents are signed with.
    ///
    /// A key retired as compromised (`revoked`: base64url key → the RFC 3339 instant it is revoked
    /// from) stays a verification method marked `revoked` (W3C Controlled Identifiers 1.0, "Verification Methods") and
    /// is dropped from `assertionMethod` and `authentication`: verifiers that know only this document
    /// reject what it signed, while the issuer's site still says which earlier credentials stand.
    public static func document(did: String, keys: [PublicSigningKey], revoked: [String: String] = [:]) -> DIDDocument {
        let methods = keys.enumerated().reversed().map { index, key in
            var method = DIDDocument.VerificationMethod(
                id: keyID(did: did, n: index + 1), controller: did, publicKeyJwk: .init(x: key.base64URL))
            method.revoked = revoked[key.base64URL]
            return method
        }
        let usable = methods.filter { $0.revoked == nil }.map(\.id)
        var document = DIDDocument(id: did, verificationMethod: methods, assertionMethod: usable, authentication: usable)
        if !revoked.isEmpty { document.context.append(DIDDocument.controlledIdentifierContext) }
        return document
    }
}

/// A DID document with Ed25519 keys as JWKs (W3C DID Core 1.0).
public struct DIDDocument: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, verificationMethod, assertionMethod, authentication
    }

    /// DID Core and the JWS 2020 suite.
    public var context = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"]
    /// The DID.
    public var id: String
    /// The keys.
    public var verificationMethod: [VerificationMethod]
    /// The keys that may sign credentials.
    public var assertionMethod: [String]
    /// The keys that may authenticate the issuer.
    public var authentication: [String]

    /// One key.
    public struct VerificationMethod: Codable, Hashable, Sendable {
        /// `DID#key-N`.
        public var id: String
        /// `JsonWebKey2020`.
        public var type = "JsonWebKey2020"
        /// The DID.
        public var controller: String
        /// The Ed25519 public key as an OKP JWK.
        public var publicKeyJwk: JWK
        /// When the key was revoked (retired as compromised), RFC 3339 UTC; absent for a key in good standing.
        public var revoked: String?
    }

    /// The W3C Controlled Identifiers 1.0 context, which defines `revoked`: added only to a document
    /// with a revoked key, so every other document keeps its bytes.
    public static let controlledIdentifierContext = "https://www.w3.org/ns/cid/v1"

    /// An Ed25519 public JWK.
    public struct JWK: Codable, Hashable, Sendable {
        /// `OKP`.
        public var kty = "OKP"
        /// `Ed25519`.
        public var crv = "Ed25519"
        /// The key, base64url.
        public var x: String
    }

    /// The public key of the verification method `id` (a full `DID#key-N` or `#key-N`), or nil.
    public func key(_ id: String) -> PublicSigningKey? {
        let full = id.hasPrefix("#") ? self.id + id : id
        guard let method = verificationMethod.first(where: { $0.id == full }), method.publicKeyJwk.kty == "OKP",
            method.publicKeyJwk.crv == "Ed25519"
        else { return nil }
        return try? PublicSigningKey(method.publicKeyJwk.x)
    }
}
