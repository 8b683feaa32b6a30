import GRDB
public import VetaCurricula

extension SQLiteProgressStore {
    public func registry() async throws -> RegistryState {
        try await read { db in try RegistryLog.state(db) }
    }

    public func registry(about assessor: AssessorID) async throws -> RegistryState {
        try await read { db in
            try RegistryLog.state(db, kinds: [.assessor, .authorisation, .deauthorisation, .amendment], subject: assessor.rawValue)
        }
    }

    public func projectionProblems() async throws -> [String] {
        try await read { db in try RegistryTables.read(db).problems(against: try RegistryLog.state(db)) }
    }

    public func rebuildProjections(after end: Int64) async throws -> [String] {
        try await write { db in
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM ledger_entry") ?? 0
            guard last == end else {
                throw StoreError(.changed, "the ledger changed while it was verified (entry \(last) is now the last, not \(end))")
            }
            let state = try RegistryLog.state(db)
            if let first = state.problems.first {
                throw Refusal("the log's registry does not hold together at entry \(first.sequence): \(first.reason); nothing was rebuilt")
            }
            let before = try RegistryTables.read(db).problems(against: state)
            try RegistryTables.rebuild(from: state, in: db)
            return before
        }
    }

    public func amend(_ trainee: Trainee, reason: String) async throws {
        let trainee = try trainee.validated()
        try await amend("trainee", trainee.id.rawValue, trainee.registryFields, reason: reason) { db in
            if let holder = try String.fetchOne(
                db, sql: "SELECT id FROM trainee WHERE curp = ? AND id <> ?", arguments: [trainee.curp.rawValue, trainee.id.rawValue])
            {
                throw StoreError(.conflict, "trainee \(holder) already has the CURP \(trainee.curp), given for trainee \(trainee.id)")
            }
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM organisation WHERE rfc = ?", arguments: [trainee.employer.rawValue]) != nil
            else { throw StoreError(.notFound, "employer \(trainee.employer) of trainee \(trainee.id) is not registered (veta org add)") }
            try db.execute(
                sql: """
                    UPDATE trainee SET paternal_surname = ?, maternal_surname = ?, given_names = ?, curp = ?, employer_rfc = ?,
                    occupation = ?, job_title = ? WHERE id = ?
                    """,
                arguments: [
                    trainee.paternalSurname, trainee.maternalSurname, trainee.givenNames, trainee.curp.rawValue, trainee.employer.rawValue,
                    trainee.occupation, trainee.jobTitle, trainee.id.rawValue,
                ])
        }
    }

    public func amend(_ organisation: Organisation, reason: String) async throws {
        let organisation = try organisation.validated()
        try await amend("organisation", organisation.rfc.rawValue, organisation.registryFields, reason: reason) { db in
            try db.execute(
                sql: "UPDATE organisation SET name = ? WHERE rfc = ?", arguments: [organisation.name, organisation.rfc.rawValue])
            let sites = Set(organisation.sites)
            for site in try String.fetchAll(
                db, sql: "SELECT name FROM site WHERE organisation_rfc = ?", arguments: [organisation.rfc.rawValue])
            where !sites.contains(site) {
                throw StoreError(
                    .conflict, "site \(site) of organisation \(organisation.rfc) cannot be removed: an amendment keeps every site")
            }
            for site in sites.sorted() {
                try db.execute(
                    sql: "INSERT INTO site (organisation_rfc, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    arguments: [organisation.rfc.rawValue, site])
            }
        }
    }

    public func amend(_ assessor: Assessor, reason: String) async throws {
        let assessor = try assessor.validated()
        try await amend("assessor", assessor.id.rawValue, assessor.registryFields, reason: reason) { db in
            try AssessorKeyCheck.check(assessor.publicKey, for: assessor.id.rawValue, in: db)
            try db.execute(
                sql: "UPDATE assessor SET name = ?, accreditation = ?, public_key = ? WHERE id = ?",
                arguments: [assessor.name, assessor.accreditation, assessor.publicKey, assessor.id.rawValue])
        }
    }

    public func authorise(_ assessor: AssessorID, for unit: UnitCode, on date: CalendarDate, granted: Bool) async throws {
        let now = Self.timestamp(clock())
        try await write { db in
            let state = try RegistryLog.state(db)
            guard state.assessors[assessor.rawValue] != nil else { throw StoreError(.notFound, "assessor \(assessor) is not registered") }
            let current = state.currentUnits(of: assessor.rawValue).contains(unit.rawValue)
            if granted {
                guard !current else { throw StoreError(.conflict, "assessor \(assessor) is already authorised for \(unit)") }
                try db.execute(
                    sql: "INSERT INTO assessor_unit (assessor_id, unit_code) VALUES (?, ?)", arguments: [assessor.rawValue, unit.rawValue])
            } else {
                let periods = state.authorisations[assessor.rawValue]?[unit.rawValue] ?? []
                guard current, let period = periods.last, periods.count == 1 || period.from <= date else {
                    throw StoreError(.conflict, "assessor \(assessor) is not authorised for \(unit) on \(date): nothing to withdraw")
                }
                try db.execute(
                    sql: "DELETE FROM assessor_unit WHERE assessor_id = ? AND unit_code = ?", arguments: [assessor.rawValue, unit.rawValue])
            }
            try RegistryLog.append(
                [.registry(granted ? .authorisation : .deauthorisation, subject: assessor.rawValue, date: date, unit: unit)], in: db,
                recordedAt: now)
        }
    }

    /// Amends an issuer registered in the log (its new `fields`, as ``RegistryDetails`` names them:
    /// `name`, `rfc`, `publicKey`, `stpsRegistration`), saying why: a key rotation. The issuer's
    /// earlier keys stay in the log (``RegistryState/issuerKeys``). A key another issuer has had is refused.
    public func amendIssuer(_ id: String, fields: [String: String], reason: String) async throws {
        try await amend("issuer", id, fields, reason: reason) { db in
            let state = try RegistryLog.state(db, kinds: [.issuer, .amendment])
            if let key = fields["publicKey"], let other = state.issuerKeys.first(where: { $0.key != id && $0.value.contains(key) })?.key {
                throw Refusal("issuer \(other) has (or had) this key; every issuer signs with keys of its own")
            }
            try db.execute(
                sql: "UPDATE issuer SET name = ?, rfc = ?, stps_registration = ?, public_key = ? WHERE id = ?",
                arguments: [fields["name"] ?? "", fields["rfc"] ?? "", fields["stpsRegistration"], fields["publicKey"] ?? "", id])
        }
    }

    /// Appends an amendment of `subject` (registered as `of`) with its new fields, after `update`
    /// changed its table row, in one write transaction.
    private func amend(
        _ of: String, _ subject: String, _ fields: [String: String], reason: String, update: @escaping @Sendable (Database) throws -> Void
    ) async throws {
        let reason = try CleanText.clean(reason, field: "reason")
        guard !reason.isEmpty else { throw Refusal("an amendment needs a reason") }
        let now = Self.timestamp(clock())
        try await write { db in
            let state = try RegistryLog.state(db)
            let known: [String: [String: String]] =
                switch of {
                case "trainee": state.trainees
                case "organisation": state.organisations
                case "issuer": state.issuers
                default: state.assessors
                }
            guard let current = known[subject] else { throw StoreError(.notFound, "\(of) \(subject) is not registered") }
            guard current != fields else { throw Refusal("\(of) \(subject) already has these details: nothing to amend") }
            try update(db)
            try RegistryLog.append(
                [
                    .registry(
                        .amendment, subject: subject, fields: fields.merging(["of": of]) { $1 }, date: try RegistryLog.day(now, in: db),
                        note: reason)
                ],
                in: db, recordedAt: now)
        }
    }
}
