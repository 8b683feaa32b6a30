public import VetaProgress

/// An organisation that issues completion records.
public struct Issuer: Hashable, Sendable, Codable {
    /// The issuer's id: its URL (the credential's `issuer.id`).
    public let id: String
    /// Name.
    public let name: String
    /// RFC.
    public let rfc: RFC
    /// STPS registration as an external training agent, if it has one.
    public let stpsRegistration: String?
    /// The Ed25519 public key its records are signed with, base64url.
    public let publicKey: String
    /// Every key it has had, oldest first, the current one last (base64url); empty means only `publicKey`.
    public var keyHistory: [String] = []
    /// The keys it retired as compromised (``KeyCompromise``), in the order it retired them.
    public var compromisedKeys: [KeyCompromise] = []

    /// Creates an issuer.
    public init(id: String, name: String, rfc: RFC, stpsRegistration: String?, publicKey: String) {
        self.id = id
        self.name = name
        self.rfc = rfc
        self.stpsRegistration = stpsRegistration
        self.publicKey = publicKey
    }
}

extension Issuer {
    /// The issuer's `did:web`, derived from its URL (``DIDWeb/did(issuerURL:)``); the URL itself
    /// when it names none (the issuing service refuses such an issuer before signing).
    public var did: String { (try? DIDWeb.did(issuerURL: id)) ?? id }

    /// The issuer's keys, oldest first: the DID document's `key-1`, `key-2`, … (a key rotation
    /// appends; old keys stay so credentials signed with them still verify).
    public var keys: [PublicSigningKey] {
        (keyHistory.isEmpty ? [publicKey] : keyHistory).compactMap { try? PublicSigningKey($0) }
    }

    /// The `kid` of credentials signed with `key`: `DID#key-N`, or nil when `key` is none of the issuer's.
    public func keyID(for key: PublicSigningKey) -> String? {
        keys.firstIndex(of: key).map { DIDWeb.keyID(did: did, n: $0 + 1) }
    }

    /// The issuer as a registry entry's fields (``RegistryDetails``).
    public var registryFields: [String: String] {
        var fields = ["name": name, "rfc": rfc.rawValue, "publicKey": publicKey]
        if let stpsRegistration { fields["stpsRegistration"] = stpsRegistration }
        fields[KeyCompromise.field] = KeyCompromise.fieldValue(compromisedKeys)
        return fields
    }
}
