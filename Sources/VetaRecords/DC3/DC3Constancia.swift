/// The fields of a DC-3 *Constancia de competencias o de habilidades laborales* (STPS), as printed.
///
/// Every value is filled from the store; the renderer only lays them out.
public struct DC3Constancia: Hashable, Sendable, Codable {
    /// The record's serial number, printed on the form and in the signed credential.
    public var serial: String
    /// Datos del trabajador.
    public var worker: Worker
    /// Datos de la empresa.
    public var company: Company
    /// Datos del programa de capacitación, adiestramiento y productividad.
    public var programme: Programme
    /// Names printed under the signature lines.
    public var signatures: Signatures
    /// Ties the paper to the signed credential: printed as text and encoded in a QR code.
    public var verification: Verification

    /// Creates a constancia.
    public init(serial: String, worker: Worker, company: Company, programme: Programme, signatures: Signatures, verification: Verification)
    {
        self.serial = serial
        self.worker = worker
        self.company = company
        self.programme = programme
        self.signatures = signatures
        self.verification = verification
    }

    /// The heading the STPS form carries above its title.
    public static let stpsHeading = ["SECRETARÍA DEL TRABAJO Y PREVISIÓN SOCIAL"]

    /// Datos del trabajador.
    public struct Worker: Hashable, Sendable, Codable {
        /// Apellido paterno.
        public var paternalSurname: String
        /// Apellido materno.
        public var maternalSurname: String
        /// Nombre(s).
        public var givenNames: String
        /// Clave Única de Registro de Población.
        public var curp: String
        /// Ocupación específica (catálogo nacional de ocupaciones).
        public var occupation: String
        /// Puesto.
        public var jobTitle: String

        /// Creates the worker section.
        public init(
            paternalSurname: String, maternalSurname: String, givenNames: String, curp: String, occupation: String, jobTitle: String
        ) {
            self.paternalSurname = paternalSurname
            self.maternalSurname = maternalSurname
            self.givenNames = givenNames
            self.curp = curp
            self.occupation = occupation
            self.jobTitle = jobTitle
        }
    }

    /// Datos de la empresa.
    public struct Company: Hashable, Sendable, Codable {
        /// Nombre o razón social.
        public var name: String
        /// Registro Federal de Contribuyentes con homoclave.
        public var rfc: String

        /// Creates the company section.
        public init(name: String, rfc: String) {
            self.name = name
            self.rfc = rfc
        }
    }

    /// Datos del programa.
    public struct Programme: Hashable, Sendable, Codable {
        /// Nombre del curso.
        public var courseName: String
        /// Duración en horas.
        public var hours: Int
        /// Periodo de ejecución: de (YYYY-MM-DD).
        public var from: String
        /// Periodo de ejecución: a (YYYY-MM-DD).
        public var to: String
        /// Área temática del curso.
        public var thematicArea: String
        /// Nombre del agente capacitador o STPS (registro del agente externo, o la empresa para instructores internos).
        public var trainingAgent: String

        /// Creates the programme section.
        public init(courseName: String, hours: Int, from: String, to: String, thematicArea: String, trainingAgent: String) {
            self.courseName = courseName
            self.hours = hours
            self.from = from
            self.to = to
            self.thematicArea = thematicArea
            self.trainingAgent = trainingAgent
        }
    }

    /// Names under the signature lines.
    public struct Signatures: Hashable, Sendable, Codable {
        /// Instructor o tutor.
        public var instructor: String
        /// Patrón o representante legal.
        public var employerRepresentative: String
        /// Representante de los trabajadores (comisión mixta), for companies with more than 50 workers.
        public var workersRepresentative: String?

        /// The instructors' names one by one (``instructor`` lists several assessors separated by ", "),
        /// each printed on a line of its own.
        public var instructorNames: [String] {
            instructor.components(separatedBy: ", ").filter { !$0.isEmpty }
        }

        /// Creates the signatures section.
        public init(instructor: String, employerRepresentative: String, workersRepresentative: String?) {
            self.instructor = instructor
            self.employerRepresentative = employerRepresentative
            self.workersRepresentative = workersRepresentative
        }
    }

    /// What ties the paper to the signed credential.
    public struct Verification: Hashable, Sendable, Codable {
        /// The code printed beside the QR code: the record's verification page URL.
        public var code: String
        /// The text encoded in the QR code: the record's verification page URL
        /// (`https://issuer.example/records/VETA-2026-000001/`).
        public var payload: String

        /// Creates the verification section.
        public init(code: String, payload: String) {
            self.code = code
            self.payload = payload
        }
    }
}
