public import VetaCurricula

/// Who and what the log registers, folded from its registry entries in sequence order: the state
/// every registry table is a projection of (``LedgerEntry/Kind/isRegistry``).
///
/// Fields are as ``RegistryDetails`` names them (without `migrated` and `of`); an amendment
/// replaces a subject's fields from its sequence on, and the entries before it keep the history.
public struct RegistryState: Hashable, Sendable {
    /// One period during which an assessor is authorised for a unit: from `from` (included) until
    /// `until` (excluded; `nil` while it lasts).
    public struct Period: Hashable, Sendable {
        /// The first day of the authorisation.
        public let from: CalendarDate
        /// The day it was withdrawn, or `nil`.
        public var until: CalendarDate?
    }

    /// Organisations by RFC.
    public private(set) var organisations: [String: [String: String]] = [:]
    /// Trainees by id.
    public private(set) var trainees: [String: [String: String]] = [:]
    /// Assessors by id.
    public private(set) var assessors: [String: [String: String]] = [:]
    /// Issuers by id.
    public private(set) var issuers: [String: [String: String]] = [:]
    /// Every public key each issuer has had, oldest first (a key rotation is an amendment that
    /// changes `publicKey`): the keys of its DID document, so old credentials still verify.
    public private(set) var issuerKeys: [String: [String]] = [:]
    /// Each assessor's authorisations, by unit, in the order they were granted.
    public private(set) var authorisations: [String: [String: [Period]]] = [:]
    /// Store settings (``LedgerEntry/Kind/setting``) by name, as the newest setting entry left them.
    public private(set) var settings: [String: String] = [:]
    /// Published curricula (`CODE@x.y.z`) and the sha256 of their exact bytes.
    public private(set) var curricula: [String: String] = [:]
    /// The lifecycle of published curricula (`CODE@x.y.z`) that were superseded or withdrawn.
    public private(set) var lifecycle: [String: CurriculumLifecycle] = [:]
    /// What the registry entries get wrong (a subject registered twice, an amendment of nobody), by sequence.
    public private(set) var problems: [(sequence: Int64, reason: String)] = []

    /// The empty registry.
    public init() {}

    /// The registry the registry entries among `entries` build, in sequence order.
    public init(_ entries: some Sequence<LedgerEntry>) {
        for entry in entries { apply(entry) }
    }

    /// Applies one entry (entries of other kinds change nothing).
    public mutating func apply(_ entry: LedgerEntry) {
        guard entry.kind.isRegistry else { return }
        func problem(_ reason: String) { problems.append((entry.sequence, reason)) }
        guard let details = entry.registry, !details.subject.isEmpty else {
            return problem("\(entry.kind.withArticle) entry names no subject")
        }
        let subject = details.subject
        var fields = details.fields
        fields["migrated"] = nil
        let of = fields.removeValue(forKey: "of")
        func register(_ table: inout [String: [String: String]], _ what: String) {
            if table[subject] != nil { return problem("\(what) \(subject) is registered a second time") }
            table[subject] = fields
        }
        switch entry.kind {
        case .organisation: register(&organisations, "organisation")
        case .trainee: register(&trainees, "trainee")
        case .assessor: register(&assessors, "assessor")
        case .issuer:
            register(&issuers, "issuer")
            if let key = fields["publicKey"], issuerKeys[subject] == nil { issuerKeys[subject] = [key] }
        case .publication:
            if curricula[subject] != nil { return problem("curriculum \(subject) is published a second time") }
            curricula[subject] = entry.attachmentSHA256 ?? ""
        case .lifecycle:
            if let reason = applyLifecycle(entry, subject: subject, fields: fields) { return problem(reason) }
        case .amendment:
            switch of {
            case "organisation" where organisations[subject] != nil: organisations[subject] = fields
            case "trainee" where trainees[subject] != nil: trainees[subject] = fields
            case "assessor" where assessors[subject] != nil: assessors[subject] = fields
            case "issuer" where issuers[subject] != nil:
                issuers[subject] = fields
                if let key = fields["publicKey"], issuerKeys[subject]?.contains(key) == false {
                    issuerKeys[subject, default: []].append(key)
                }
            default: problem("an amendment of \(of ?? "nothing") \(subject), which no earlier entry registers")
            }
        case .setting:
            guard let value = fields["value"], !value.isEmpty else { return problem("setting \(subject) has no value") }
            settings[subject] = value
        case .authorisation, .deauthorisation:
            guard assessors[subject] != nil, let unit = entry.unit?.rawValue else {
                return problem("\(entry.kind.withArticle) of assessor \(subject), which no earlier entry registers, or of no unit")
            }
            var periods = authorisations[subject, default: [:]][unit, default: []]
            let open = periods.last.map { $0.until == nil } ?? false
            if entry.kind == .authorisation {
                if open { return problem("assessor \(subject) is already authorised for \(unit)") }
                periods.append(Period(from: entry.date, until: nil))
            } else {
                guard open, let last = periods.indices.last, last == 0 || periods[last].from <= entry.date else {
                    return problem("assessor \(subject) is not authorised for \(unit) on \(entry.date): nothing to withdraw")
                }
                periods[last].until = entry.date
            }
            authorisations[subject, default: [:]][unit] = periods
        default: return
        }
    }

    /// Applies a lifecycle entry; returns what is wrong with it instead, if anything.
    private mutating func applyLifecycle(_ entry: LedgerEntry, subject: String, fields: [String: String]) -> String? {
        guard curricula[subject] != nil else { return "a lifecycle entry of curriculum \(subject), which no earlier entry publishes" }
        guard let status = fields["status"].flatMap(CurriculumLifecycle.Status.init(rawValue:)) else {
            return "a lifecycle entry of \(subject) with no status superseded or withdrawn"
        }
        let successor = fields["successor"]
        if status == .superseded {
            guard let successor, curricula[successor] != nil, successor != subject else {
                return "curriculum \(subject) is superseded by \(successor ?? "nothing"), which no earlier entry publishes"
            }
        }
        if let reason = CurriculumLifecycle.transitionProblem(from: lifecycle[subject], to: status, subject: subject) { return reason }
        lifecycle[subject] = CurriculumLifecycle(
            status: status, successor: status == .superseded ? successor : lifecycle[subject]?.successor, since: entry.date,
            reason: entry.note)
        return nil
    }

    /// Whether the log authorises `assessor` for `unit` on `date`: some period of authorisation
    /// holds that day. The first one reaches back before its date (the registry never said since
    /// when an assessor assesses, and evidence is often recorded after the fact); one granted again
    /// after a withdrawal starts on its date. Every period ends the day it is withdrawn.
    public func isAuthorised(_ assessor: AssessorID, for unit: UnitCode, on date: CalendarDate) -> Bool {
        (authorisations[assessor.rawValue]?[unit.rawValue] ?? []).enumerated().contains { index, period in
            (index == 0 || period.from <= date) && period.until.map { date < $0 } ?? true
        }
    }

    /// The units `assessor` is authorised for now (granted and not withdrawn).
    public func currentUnits(of assessor: String) -> Set<String> {
        Set((authorisations[assessor] ?? [:]).filter { $0.value.last?.until == nil }.keys)
    }

    /// The public key (base64url) the log registers for assessor `id`.
    public func assessorKey(_ id: String) -> String? { assessors[id]?["publicKey"] }

    /// The public key (base64url) the log registers for issuer `id`.
    public func issuerKey(_ id: String) -> String? { issuers[id]?["publicKey"] }

    public static func == (lhs: RegistryState, rhs: RegistryState) -> Bool {
        lhs.organisations == rhs.organisations && lhs.trainees == rhs.trainees && lhs.assessors == rhs.assessors
            && lhs.issuers == rhs.issuers && lhs.authorisations == rhs.authorisations && lhs.curricula == rhs.curricula
            && lhs.lifecycle == rhs.lifecycle
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(organisations)
        hasher.combine(trainees)
        hasher.combine(curricula)
    }
}

extension Organisation {
    /// The organisation as a registry entry's fields.
    ///
    /// The DC-3 signatories (`legalRepresentative`, `workersRepresentative`, `workers`) are fields
    /// only when given, so an organisation without them encodes as it always did.
    public var registryFields: [String: String] {
        var fields = ["name": name, "sites": Set(sites).sorted().joined(separator: "\n")]
        fields["legalRepresentative"] = legalRepresentative
        fields["workersRepresentative"] = workersRepresentative
        fields["workers"] = workers.map(String.init)
        return fields
    }

    /// The organisation a registry entry's (or amendment's) `fields` describe.
    public init?(rfc: RFC, registryFields fields: [String: String]) {
        guard let name = fields["name"] else { return nil }
        self.init(
            rfc: rfc, name: name, sites: (fields["sites"] ?? "").split(separator: "\n").map(String.init),
            legalRepresentative: fields["legalRepresentative"], workersRepresentative: fields["workersRepresentative"],
            workers: fields["workers"].flatMap { Int($0) })
    }
}

extension Trainee {
    /// The trainee as a registry entry's fields (`occupationKey` only when given, so a trainee
    /// without one encodes as it always did).
    public var registryFields: [String: String] {
        var fields = [
            "paternalSurname": paternalSurname, "maternalSurname": maternalSurname, "givenNames": givenNames, "curp": curp.rawValue,
            "employer": employer.rawValue, "occupation": occupation, "jobTitle": jobTitle,
        ]
        fields["occupationKey"] = occupationKey
        return fields
    }
}

extension Assessor {
    /// The assessor as a registry entry's fields (the units are authorisation entries of their own).
    public var registryFields: [String: String] { ["name": name, "accreditation": accreditation, "publicKey": publicKey] }
}
