public import VetaCurricula
public import VetaProgress

/// Fills a DC-3 constancia from the store: worker, company, programme, signatures, and the link
/// to the signed credential.
public enum DC3Mapping {
    /// The thematic area the curriculum's `<dc3>` block names (schema 1.1); without one, derived:
    /// 6000 Seguridad for curricula with safety-critical units, else 1000 Producción general.
    static func thematicArea(_ curriculum: Curriculum, unit: VetaCurricula.Unit?) -> String {
        if let declared = curriculum.dc3?.thematicArea { return declared.printed }
        let safety = unit.map(\.isSafetyCritical) ?? curriculum.units.contains(where: \.isSafetyCritical)
        return safety ? "6000 Seguridad" : "1000 Producción general"
    }

    /// The course name printed: a unit's code and title for a unit's constancia; for the whole
    /// curriculum, the `<dc3>` course name when the file has one, else its code and title.
    static func courseName(_ curriculum: Curriculum, unit: VetaCurricula.Unit?) -> String {
        if let unit { return "\(unit.code) \(unit.title.es)" }
        return curriculum.dc3?.courseName ?? "\(curriculum.code) \(curriculum.title.es)"
    }

    /// The occupation's catalogue key printed beside its name: the trainee's own, or else the SINCO
    /// code of the curriculum's occupation when it names exactly one.
    static func occupationKey(_ trainee: Trainee, _ curriculum: Curriculum) -> String? {
        trainee.occupationKey ?? (curriculum.occupations.count == 1 ? curriculum.occupations.first?.sinco : nil)
    }

    /// The constancia for a completion. `hours` is the duration printed: the hours of the units
    /// achieved (``AchievedHours``); nil prints the unit's hours or the curriculum's volume.
    public static func constancia(
        serial: String, trainee: Trainee, organisation: Organisation?, curriculum: Curriculum, unit: VetaCurricula.Unit?, issuer: Issuer,
        enrolledOn: CalendarDate, completedOn: CalendarDate, instructor: String, credentialSerial: String, credentialHash: String,
        hours: Int? = nil
    ) -> DC3Constancia {
        let companyName = organisation?.name ?? trainee.employer.rawValue
        return DC3Constancia(
            serial: serial,
            worker: DC3Constancia.Worker(
                paternalSurname: trainee.paternalSurname, maternalSurname: trainee.maternalSurname, givenNames: trainee.givenNames,
                curp: trainee.curp.rawValue,
                occupation: occupationKey(trainee, curriculum).map { "\($0) \(trainee.occupation)" } ?? trainee.occupation,
                jobTitle: trainee.jobTitle),
            company: DC3Constancia.Company(name: companyName, rfc: trainee.employer.rawValue),
            programme: DC3Constancia.Programme(
                courseName: courseName(curriculum, unit: unit),
                hours: hours ?? unit?.hours ?? curriculum.volumeOfLearningHours, from: enrolledOn.description, to: completedOn.description,
                thematicArea: thematicArea(curriculum, unit: unit),
                trainingAgent: issuer.stpsRegistration.map { "\(issuer.name) — registro STPS \($0)" }
                    ?? "\(issuer.name) (instructor interno)"),
            signatures: DC3Constancia.Signatures(
                instructor: instructor.isEmpty ? issuer.name : instructor,
                // An employer that registered no signatory gets a blank line, to be filled in by hand.
                employerRepresentative: organisation?.legalRepresentative ?? "",
                workersRepresentative: organisation?.hasMixedCommission == true ? organisation?.workersRepresentative ?? "" : nil),
            // The printed code and the QR code both lead to the credential's verification page.
            verification: DC3Constancia.Verification(
                code: RecordPage.url(issuer: issuer.id, recordID: credentialSerial),
                payload: RecordPage.url(issuer: issuer.id, recordID: credentialSerial)))
    }
}
