/// An Open Badges 3.0 `AchievementCredential`: the claims set of a VC-JWT (OB 3.0 §8.2).
///
/// Unordered sets (`type`, `alignment`, `identifier`) are JSON arrays, as the official schema requires.
public struct AchievementCredential: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, type, issuer, validFrom, validUntil, name, description, credentialSubject, credentialStatus, evidence
    }

    /// The VC 2.0 context first, then the OB 3.0 context.
    public var context = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    /// `urn:veta:record:SERIAL`.
    public var id: String
    /// `["VerifiableCredential", "OpenBadgeCredential"]`.
    public var type = ["VerifiableCredential", "OpenBadgeCredential"]
    /// The issuing organisation.
    public var issuer: Profile
    /// The sign-off (completion) date, RFC 3339.
    public var validFrom: String
    /// The expiry, when the curriculum has a validity period.
    public var validUntil: String?
    /// The credential's name.
    public var name: String
    /// What it certifies.
    public var description: String?
    /// The trainee and the achievement.
    public var credentialSubject: AchievementSubject
    /// Where revocation is published.
    public var credentialStatus: CredentialStatus?
    /// Evidence: the checkpoint of the issuer's log the credential was issued at
    /// (``CredentialBuilder/checkpointEvidence(size:hash:)``).
    public var evidence: [Evidence]?

    /// The issuer's profile.
    public struct Profile: Codable, Hashable, Sendable {
        /// The issuer's id (its URL).
        public var id: String
        /// `["Profile"]`.
        public var type = ["Profile"]
        /// The issuer's name.
        public var name: String
        /// The issuer's web page.
        public var url: String?
        /// RFC and STPS registration.
        public var otherIdentifier: [IdentifierEntry]?
    }

    /// An identifier of the issuer (RFC, STPS agent registration).
    public struct IdentifierEntry: Codable, Hashable, Sendable {
        /// `IdentifierEntry`.
        public var type = "IdentifierEntry"
        /// The identifier.
        public var identifier: String
        /// Its kind, e.g. `ext:RFC`.
        public var identifierType: String
    }

    /// The trainee (by hashed CURP) and what they achieved.
    public struct AchievementSubject: Codable, Hashable, Sendable {
        /// `urn:veta:subject:` + the salted hash, so no personal number is published.
        public var id: String
        /// `["AchievementSubject"]`.
        public var type = ["AchievementSubject"]
        /// The hashed CURP.
        public var identifier: [IdentityObject]
        /// What was achieved.
        public var achievement: Achievement
    }

    /// A hashed personal identifier.
    public struct IdentityObject: Codable, Hashable, Sendable {
        /// `IdentityObject`.
        public var type = "IdentityObject"
        /// `true`: the value is hashed.
        public var hashed = true
        /// `sha256$` + hex sha256 of (CURP + salt).
        public var identityHash: String
        /// `nationalIdentityNumber`.
        public var identityType = "nationalIdentityNumber"
        /// The salt.
        public var salt: String
    }

    /// The achievement: a curriculum (Certification) or a unit (Competency).
    public struct Achievement: Codable, Hashable, Sendable {
        /// `urn:veta:achievement:CODE:VERSION[:UNIT]`.
        public var id: String
        /// `["Achievement"]`.
        public var type = ["Achievement"]
        /// `Certification` for a curriculum, `Competency` for a unit.
        public var achievementType: String
        /// Spanish / English name.
        public var name: String
        /// Spanish and English description.
        public var description: String
        /// How it is earned.
        public var criteria: Criteria
        /// The curriculum or unit code.
        public var humanCode: String
        /// Nominal hours.
        public var creditsAvailable: Double
        /// External standards it aligns to.
        public var alignment: [Alignment]?
    }

    /// How the achievement is earned.
    public struct Criteria: Codable, Hashable, Sendable {
        /// A narrative built from the units.
        public var narrative: String
    }

    /// An alignment to an external framework item (EC, NOM clause, unit of competency).
    public struct Alignment: Codable, Hashable, Sendable {
        /// `["Alignment"]`.
        public var type = ["Alignment"]
        /// The item's name.
        public var targetName: String
        /// A URI for it.
        public var targetUrl: String
        /// Its code.
        public var targetCode: String?
        /// Its framework.
        public var targetFramework: String?
    }

    /// An OB 3.0 `Evidence` object.
    public struct Evidence: Codable, Hashable, Sendable {
        /// A URI naming the evidence.
        public var id: String
        /// `["Evidence"]`.
        public var type = ["Evidence"]
        /// Its name.
        public var name: String
        /// What it shows, in words.
        public var narrative: String
        /// Its kind.
        public var genre: String
    }

    /// Where the credential's revocation is published: a W3C Bitstring Status List entry
    /// (`BitstringStatusListEntry`), or in credentials issued before it, `1EdTechRevocationList`.
    public struct CredentialStatus: Codable, Hashable, Sendable {
        /// The status list entry: `<statusListCredential>#<statusListIndex>`.
        public var id: String
        /// `BitstringStatusListEntry` (older credentials: `1EdTechRevocationList`).
        public var type = "1EdTechRevocationList"
        /// `revocation`.
        public var statusPurpose: String?
        /// The bit's index, as a decimal string (``StatusListIndex``).
        public var statusListIndex: String?
        /// The URL of the status list credential.
        public var statusListCredential: String?

        /// An entry of the older kind, naming only where revocation is published.
        public init(id: String) { self.id = id }

        /// A `BitstringStatusListEntry` for the revocation bit `index` of the list at `list`.
        public init(revocationIndex index: Int, list: String) {
            id = "\(list)#\(index)"
            type = "BitstringStatusListEntry"
            statusPurpose = "revocation"
            statusListIndex = String(index)
            statusListCredential = list
        }
    }
}
