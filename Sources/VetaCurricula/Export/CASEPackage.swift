/// A 1EdTech CASE 1.0 `CFPackage`: one framework document with all its items and associations.
///
/// Field names and required fields follow `CFPackage.Type` of the CASE 1.0 OpenAPI definition
/// (`Tests/fixtures/case/`). Optional fields that are `nil` are left out of the JSON. Inside a
/// package, items and associations carry no `CFDocumentURI`: the 1.0 definition does not allow it there.
public struct CASEPackage: Hashable, Sendable, Codable {
    /// The framework document.
    public var document: CASEDocument
    /// Every item, in curriculum order.
    public var items: [CASEItem]
    /// Every association, in curriculum order.
    public var associations: [CASEAssociation]

    enum CodingKeys: String, CodingKey {
        case document = "CFDocument"
        case items = "CFItems"
        case associations = "CFAssociations"
    }
}

/// A reference from one CASE node to another (`LinkURI` / `LinkGenURI`).
public struct CASELinkURI: Hashable, Sendable, Codable {
    /// A readable label for the target.
    public var title: String
    /// The target's identifier (a UUID).
    public var identifier: String
    /// The target's URI.
    public var uri: String
}

/// The `CFDocument` of a package: the curriculum itself.
public struct CASEDocument: Hashable, Sendable, Codable {
    /// The document's UUID.
    public var identifier: String
    /// The document's URI.
    public var uri: String
    /// Who wrote the curriculum: its issuing body.
    public var creator: String
    /// The Spanish title.
    public var title: String
    /// The publication date at midnight UTC.
    public var lastChangeDateTime: String
    /// The first cited source with an `http(s)` link, if any.
    public var officialSourceURL: String?
    /// The issuing body.
    public var publisher: String?
    /// The Spanish description.
    public var description: String?
    /// The sector.
    public var subject: [String]?
    /// `es`: the statements are in Spanish; English is in `notes`.
    public var language: String?
    /// The curriculum's semantic version.
    public var version: String?
    /// `Draft`, `Adopted` or `Deprecated`, from the curriculum's status.
    public var adoptionStatus: String?
    /// The publication date, `YYYY-MM-DD`.
    public var statusStartDate: String?
    /// The English title and description.
    public var notes: String?
}

/// A `CFItem`: a unit of competency, element, performance criterion or knowledge item.
public struct CASEItem: Hashable, Sendable, Codable {
    /// The item's UUID.
    public var identifier: String
    /// The item's URI.
    public var uri: String
    /// The Spanish text.
    public var fullStatement: String
    /// The code: `UNIT`, `UNIT 2`, `UNIT 2.3` or `UNIT K1`.
    public var humanCodingScheme: String?
    /// `Unit of competency`, `Element`, `Performance criterion` or `Knowledge evidence`.
    public var itemType: String?
    /// `es`.
    public var language: String?
    /// The curriculum's publication date at midnight UTC.
    public var lastChangeDateTime: String
    /// The position among its siblings as written: `2`, `2.3`, `K1`.
    public var listEnumeration: String?
    /// The English text.
    public var notes: String?
    /// The Spanish name of a foundation skill or range variable (schema 1.1); nil for other items.
    public var abbreviatedStatement: String? = nil

    enum CodingKeys: String, CodingKey {
        case identifier, uri, fullStatement, humanCodingScheme, language, lastChangeDateTime, listEnumeration, notes
        case abbreviatedStatement
        case itemType = "CFItemType"
    }
}

/// A `CFAssociation`: `isChildOf` for the hierarchy, `precedes` for prerequisites.
public struct CASEAssociation: Hashable, Sendable, Codable {
    /// The association's UUID.
    public var identifier: String
    /// The association's URI.
    public var uri: String
    /// `isChildOf` or `precedes`.
    public var associationType: String
    /// The child, or the prerequisite unit.
    public var originNodeURI: CASELinkURI
    /// The parent, or the unit that requires the prerequisite.
    public var destinationNodeURI: CASELinkURI
    /// The curriculum's publication date at midnight UTC.
    public var lastChangeDateTime: String
    /// The child's position under its parent, from 1; absent for `precedes`.
    public var sequenceNumber: Int?
}
