extension Trainee {
    /// The trainee with every text field cleaned by ``CleanText``, or a refusal naming the field.
    public func validated() throws(Refusal) -> Trainee {
        Trainee(
            id: try TraineeID(validating: id.rawValue, field: "id"),
            paternalSurname: try CleanText.clean(paternalSurname, field: "paternal_surname"),
            maternalSurname: try CleanText.clean(maternalSurname, field: "maternal_surname"),
            givenNames: try CleanText.clean(givenNames, field: "given_names"), curp: curp, employer: employer,
            occupation: try CleanText.clean(occupation, field: "occupation"),
            jobTitle: try CleanText.clean(jobTitle, field: "job_title"))
    }
}

extension Assessor {
    /// The assessor with id, name and accreditation cleaned by ``CleanText``, or a refusal naming the field.
    public func validated() throws(Refusal) -> Assessor {
        Assessor(
            id: try AssessorID(validating: id.rawValue, field: "id"), name: try CleanText.clean(name, field: "name"),
            accreditation: try CleanText.clean(accreditation, field: "accreditation"), units: units, publicKey: publicKey)
    }
}

extension LedgerEntry {
    /// The entry with its trainee, assessor, site and note cleaned by ``CleanText`` (the note may hold
    /// tabs and line breaks), or a refusal naming the field. The store hashes what this returns.
    public func validated() throws(Refusal) -> LedgerEntry {
        var entry = self
        entry.trainee = try TraineeID(validating: trainee.rawValue, field: "trainee")
        entry.assessor = try assessor.map { id throws(Refusal) in try AssessorID(validating: id.rawValue, field: "assessor") }
        entry.site = try site.map { text throws(Refusal) in try CleanText.clean(text, field: "site") }
        entry.note = try note.map { text throws(Refusal) in try CleanText.clean(text, field: "note", kind: .note) }
        return entry
    }
}
