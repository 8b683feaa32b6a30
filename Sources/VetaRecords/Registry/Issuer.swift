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
    /// The issuer as a registry entry's fields (``RegistryDetails``).
    public var registryFields: [String: String] {
        var fields = ["name": name, "rfc": rfc.rawValue, "publicKey": publicKey]
        if let stpsRegistration { fields["stpsRegistration"] = stpsRegistration }
        return fields
    }
}
