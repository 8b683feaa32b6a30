extension CleanText {
    /// Text the DC-3 prints: cleaned as a line, and refused as "paternal surname is empty" when
    /// nothing is left (a blank cell, or only spaces of any kind).
    public static func required(_ text: String, field: String) throws(Refusal) -> String {
        let cleaned = try clean(text, field: field)
        guard cleaned.isEmpty else { return cleaned }
        let words = field.replacingOccurrences(of: "_", with: " ")
        throw Refusal("\(words) is empty", reasons: ["give the \(words); the DC-3 constancia prints it"])
    }
}

extension Trainee {
    /// The trainee with every text field cleaned by ``CleanText``, or a refusal naming the field.
    /// Everything the DC-3 prints about the worker must be left non-empty (paternal surname, given
    /// names, occupation, job title); the maternal surname may be empty (people with one surname).
    public func validated() throws(Refusal) -> Trainee {
        Trainee(
            id: try TraineeID(validating: id.rawValue, field: "id"),
            paternalSurname: try CleanText.required(paternalSurname, field: "paternal_surname"),
            maternalSurname: try CleanText.clean(maternalSurname, field: "maternal_surname"),
            givenNames: try CleanText.required(givenNames, field: "given_names"), curp: curp, employer: employer,
            occupation: try CleanText.required(occupation, field: "occupation"),
            jobTitle: try CleanText.required(jobTitle, field: "job_title"),
            occupationKey: try occupationKey.map { key throws(Refusal) in try CleanText.required(key, field: "occupation_key") })
    }
}

extension Organisation {
    /// The organisation with its name and sites cleaned by ``CleanText``; the name, which the DC-3
    /// prints, must be left non-empty, and an empty site is refused.
    public func validated() throws(Refusal) -> Organisation {
        if let workers, workers < 0 { throw Refusal("the number of workers cannot be negative (\(workers))") }
        return Organisation(
            rfc: rfc, name: try CleanText.required(name, field: "name"),
            sites: try sites.map { site throws(Refusal) in try CleanText.required(site, field: "site") },
            legalRepresentative: try legalRepresentative.map { name throws(Refusal) in
                try CleanText.required(name, field: "legal representative")
            },
            workersRepresentative: try workersRepresentative.map { name throws(Refusal) in
                try CleanText.required(name, field: "workers' representative")
            }, workers: workers)
    }
}

extension Assessor {
    /// The assessor with id, name and accreditation cleaned by ``CleanText``, or a refusal naming the
    /// field; the name, which the DC-3 prints as instructor, must be left non-empty.
    public func validated() throws(Refusal) -> Assessor {
        Assessor(
            id: try AssessorID(validating: id.rawValue, field: "id"), name: try CleanText.required(name, field: "name"),
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
