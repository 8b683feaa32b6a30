public import VetaCurricula

/// Who the log registers, as the model's types: the one place a trainee's, an organisation's or an
/// assessor's identity (names, CURP, employer, sites, key) is read from. The registry tables are a
/// projection of the log; a row changed there by hand (SQL, not an amendment) is never what a
/// report shows (`veta ledger verify` names the row; `veta store rebuild` puts it back).
extension RegistryState {
    /// Trainee `id` as the log's registration and amendments leave it, or nil.
    public func trainee(_ id: TraineeID) -> Trainee? {
        trainees[id.rawValue].flatMap { Trainee(id: id, registryFields: $0) }
    }

    /// Every trainee the log registers, by id.
    public func allTrainees() -> [Trainee] {
        trainees.keys.sorted().compactMap { trainee(TraineeID($0)) }
    }

    /// Organisation `rfc` as the log leaves it, or nil.
    public func organisation(_ rfc: RFC) -> Organisation? {
        organisations[rfc.rawValue].flatMap { Organisation(rfc: rfc, registryFields: $0) }
    }

    /// Assessor `id` as the log leaves it (its latest data and the units it is authorised for now), or nil.
    public func assessor(_ id: AssessorID) -> Assessor? {
        guard let fields = assessors[id.rawValue] else { return nil }
        return Assessor(
            id: id, name: fields["name"] ?? "", accreditation: fields["accreditation"] ?? "",
            units: Set(currentUnits(of: id.rawValue).map(UnitCode.init)), publicKey: fields["publicKey"] ?? "")
    }
}

extension Trainee {
    /// The trainee a registry entry's (or amendment's) `fields` describe; nil when a required field
    /// is missing or the CURP or RFC is not well formed (the log verifier names such an entry).
    public init?(id: TraineeID, registryFields fields: [String: String]) {
        guard let paternal = fields["paternalSurname"], let given = fields["givenNames"],
            let curp = fields["curp"].flatMap({ try? CURP($0) }), let employer = fields["employer"].flatMap({ try? RFC($0) })
        else { return nil }
        self.init(
            id: id, paternalSurname: paternal, maternalSurname: fields["maternalSurname"] ?? "", givenNames: given, curp: curp,
            employer: employer, occupation: fields["occupation"] ?? "", jobTitle: fields["jobTitle"] ?? "",
            occupationKey: fields["occupationKey"])
    }
}
