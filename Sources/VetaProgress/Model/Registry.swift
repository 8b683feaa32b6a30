public import VetaCurricula

/// An employer: name, RFC and the sites where training happens.
public struct Organisation: Hashable, Sendable, Codable {
    /// The company's RFC; it identifies the organisation.
    public let rfc: RFC
    /// Name or razón social.
    public let name: String
    /// Sites (mines, plants) where evidence may be recorded.
    public let sites: [String]
    /// The employer's legal representative (*patrón o representante legal*), who signs the DC-3.
    public var legalRepresentative: String?
    /// The workers' representative on the mixed training commission, who signs the DC-3 when the
    /// employer has one (required with more than 50 workers).
    public var workersRepresentative: String?
    /// How many workers the employer has; more than 50 means a mixed training commission.
    public var workers: Int?

    /// Creates an organisation.
    public init(
        rfc: RFC, name: String, sites: [String], legalRepresentative: String? = nil, workersRepresentative: String? = nil,
        workers: Int? = nil
    ) {
        self.rfc = rfc
        self.name = name
        self.sites = sites
        self.legalRepresentative = legalRepresentative
        self.workersRepresentative = workersRepresentative
        self.workers = workers
    }

    /// Whether the employer has a mixed training commission whose workers' representative signs
    /// the DC-3: more than 50 workers, or a representative registered.
    public var hasMixedCommission: Bool { (workers ?? 0) > 50 || workersRepresentative != nil }
}

/// A worker in training.
public struct Trainee: Hashable, Sendable, Codable {
    /// The trainee's id in the store.
    public let id: TraineeID
    /// Apellido paterno.
    public let paternalSurname: String
    /// Apellido materno (may be empty).
    public let maternalSurname: String
    /// Nombre(s).
    public let givenNames: String
    /// The trainee's CURP.
    public let curp: CURP
    /// The employer's RFC.
    public let employer: RFC
    /// Specific occupation (national occupations catalogue).
    public let occupation: String
    /// Job title (puesto).
    public let jobTitle: String
    /// The occupation's key in the national occupations catalogue, printed beside its name on the DC-3.
    public var occupationKey: String?

    /// Creates a trainee.
    public init(
        id: TraineeID, paternalSurname: String, maternalSurname: String, givenNames: String, curp: CURP, employer: RFC,
        occupation: String, jobTitle: String, occupationKey: String? = nil
    ) {
        self.id = id
        self.paternalSurname = paternalSurname
        self.maternalSurname = maternalSurname
        self.givenNames = givenNames
        self.curp = curp
        self.employer = employer
        self.occupation = occupation
        self.jobTitle = jobTitle
        self.occupationKey = occupationKey
    }

    /// `Given Paternal Maternal`.
    public var fullName: String {
        [givenNames, paternalSurname, maternalSurname].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// A person authorised to assess and sign off units.
public struct Assessor: Hashable, Sendable, Codable {
    /// The assessor's id in the store.
    public let id: AssessorID
    /// Full name.
    public let name: String
    /// Accreditation or registration (e.g. STPS agent registration, CONOCER evaluator number).
    public let accreditation: String
    /// The units the assessor may assess and sign off.
    public let units: Set<UnitCode>
    /// The assessor's Ed25519 public key, 32 bytes, base64url.
    public let publicKey: String

    /// Creates an assessor.
    public init(id: AssessorID, name: String, accreditation: String, units: Set<UnitCode>, publicKey: String) {
        self.id = id
        self.name = name
        self.accreditation = accreditation
        self.units = units
        self.publicKey = publicKey
    }
}
