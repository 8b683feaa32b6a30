import PostgresNIO
public import VetaCurricula
public import VetaProgress

extension PostgresProgressStore {
    public func amend(_ trainee: Trainee, reason: String) async throws {
        let trainee = try trainee.validated()
        try await amend("trainee", trainee.id.rawValue, trainee.registryFields, reason: reason) { connection in
            if let holder = try await connection.rows(
                "SELECT id FROM trainee WHERE curp = $1 AND id <> $2", Binds.of(trainee.curp.rawValue, trainee.id.rawValue)
            ).first {
                throw StoreError(
                    .conflict,
                    "trainee \(try holder.decode(String.self)) already has the CURP \(trainee.curp), given for trainee \(trainee.id)")
            }
            guard try await self.exists("SELECT 1 FROM organisation WHERE rfc = $1", trainee.employer.rawValue, in: connection) else {
                throw StoreError(.notFound, "employer \(trainee.employer) of trainee \(trainee.id) is not registered (veta org add)")
            }
            try await connection.run(
                """
                UPDATE trainee SET paternal_surname = $1, maternal_surname = $2, given_names = $3, curp = $4, employer_rfc = $5,
                occupation = $6, job_title = $7 WHERE id = $8
                """,
                Binds.of(
                    trainee.paternalSurname, trainee.maternalSurname, trainee.givenNames, trainee.curp.rawValue, trainee.employer.rawValue,
                    trainee.occupation, trainee.jobTitle, trainee.id.rawValue))
        }
    }

    public func amend(_ organisation: Organisation, reason: String) async throws {
        let organisation = try organisation.validated()
        try await amend("organisation", organisation.rfc.rawValue, organisation.registryFields, reason: reason) { connection in
            let rfc = organisation.rfc.rawValue
            try await connection.run("UPDATE organisation SET name = $1 WHERE rfc = $2", Binds.of(organisation.name, rfc))
            let sites = Set(organisation.sites)
            for row in try await connection.rows("SELECT name FROM site WHERE organisation_rfc = $1", Binds.of(rfc)) {
                let site = try row.decode(String.self)
                guard sites.contains(site) else {
                    throw StoreError(.conflict, "site \(site) of organisation \(rfc) cannot be removed: an amendment keeps every site")
                }
            }
            for site in sites.sorted() {
                try await connection.run(
                    "INSERT INTO site (organisation_rfc, name) VALUES ($1, $2) ON CONFLICT DO NOTHING", Binds.of(rfc, site))
            }
        }
    }

    public func amend(_ assessor: Assessor, reason: String) async throws {
        let assessor = try assessor.validated()
        try await amend("assessor", assessor.id.rawValue, assessor.registryFields, reason: reason) { connection in
            try await self.checkKey(assessor.publicKey, for: assessor.id.rawValue, connection)
            try await connection.run(
                "UPDATE assessor SET name = $1, accreditation = $2, public_key = $3 WHERE id = $4",
                Binds.of(assessor.name, assessor.accreditation, assessor.publicKey, assessor.id.rawValue))
        }
    }

    public func authorise(_ assessor: AssessorID, for unit: UnitCode, on date: CalendarDate, granted: Bool) async throws {
        let now = timestamp()
        try await write { connection in
            let state = try await self.state(connection)
            guard state.assessors[assessor.rawValue] != nil else { throw StoreError(.notFound, "assessor \(assessor) is not registered") }
            let current = state.currentUnits(of: assessor.rawValue).contains(unit.rawValue)
            let key = Binds.of(assessor.rawValue, unit.rawValue)
            if granted {
                guard !current else { throw StoreError(.conflict, "assessor \(assessor) is already authorised for \(unit)") }
                try await connection.run("INSERT INTO assessor_unit (assessor_id, unit_code) VALUES ($1, $2)", key)
            } else {
                let periods = state.authorisations[assessor.rawValue]?[unit.rawValue] ?? []
                guard current, let period = periods.last, periods.count == 1 || period.from <= date else {
                    throw StoreError(.conflict, "assessor \(assessor) is not authorised for \(unit) on \(date): nothing to withdraw")
                }
                try await connection.run("DELETE FROM assessor_unit WHERE assessor_id = $1 AND unit_code = $2", key)
            }
            try await self.appendRegistry(
                [.registry(granted ? .authorisation : .deauthorisation, subject: assessor.rawValue, date: date, unit: unit)], connection,
                recordedAt: now)
        }
    }

    /// Appends an amendment of `subject` (registered as `of`) after `update` changed its table row, in one write transaction.
    func amend(
        _ of: String, _ subject: String, _ fields: [String: String], reason: String,
        update: @escaping @Sendable (PostgresConnection) async throws -> Void
    ) async throws {
        let reason = try CleanText.clean(reason, field: "reason")
        guard !reason.isEmpty else { throw Refusal("an amendment needs a reason") }
        let now = timestamp()
        try await write { connection in
            let state = try await self.state(connection)
            let known: [String: [String: String]] =
                switch of {
                case "trainee": state.trainees
                case "organisation": state.organisations
                case "issuer": state.issuers
                default: state.assessors
                }
            guard let current = known[subject] else { throw StoreError(.notFound, "\(of) \(subject) is not registered") }
            guard current != fields else { throw Refusal("\(of) \(subject) already has these details: nothing to amend") }
            try await update(connection)
            try await self.appendRegistry(
                [
                    .registry(
                        .amendment, subject: subject, fields: fields.merging(["of": of]) { $1 }, date: try await self.day(now, connection),
                        note: reason)
                ], connection, recordedAt: now)
        }
    }
}
