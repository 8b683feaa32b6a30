import Foundation
import PostgresNIO
import VetaCurricula
public import VetaProgress

extension PostgresProgressStore {
    // MARK: the log's registry

    /// The registry the log builds; with `kinds` and `subject`, from those entries only (``RegistryLog/state(_:kinds:subject:)``).
    func state(
        _ connection: PostgresConnection, kinds wanted: Set<LedgerEntry.Kind>? = nil, subject: String? = nil
    ) async throws -> RegistryState {
        let kinds = LedgerCodes.condition(LedgerEntry.Kind.allCases.filter { $0.isRegistry && wanted?.contains($0) ?? true })
        var state = RegistryState()
        // With a subject, only its entries are read, through the subject index (``RegistrySubject``).
        let bySubject = subject == nil ? "" : " AND " + RegistrySubject.condition(.postgresql, placeholder: "$1")
        var binds = PostgresBindings()
        if let subject { binds.append(subject) }
        for entry in try await checkedEntries("\(Self.select) WHERE \(kinds)\(bySubject) ORDER BY sequence", binds, in: connection) {
            if let subject, entry.registry?.subject != subject { continue }
            state.apply(entry)
        }
        return state
    }

    /// The date of `recordedAt` on the site's calendar (the store's time zone setting), as ``RegistryLog/day(_:in:)``.
    func day(_ recordedAt: String, _ connection: PostgresConnection) async throws -> CalendarDate {
        guard let instant = Instant.parse(recordedAt) else { return RegistryLog.day(recordedAt) }
        let zone =
            try await state(connection, kinds: [.setting], subject: StoreSetting.timeZone.rawValue).settings[StoreSetting.timeZone.rawValue]
            .map { try SiteClock.timeZone(named: $0) } ?? SiteClock.systemTimeZone
        return try CalendarDate(localDateOf: instant, in: zone)
    }

    /// Chains registry `entries` after the log's last entry and inserts them, in the caller's write transaction.
    func appendRegistry(_ entries: [LedgerEntry], _ connection: PostgresConnection, recordedAt: String) async throws {
        let (sequence, previousHash) = try await Self.head(connection)
        var chain = LedgerChainer(after: sequence, hash: previousHash, recordedAt: recordedAt)
        var writer = PostgresLedgerWriter(connection)
        for entry in entries {
            guard entry.kind.isRegistry, entry.registry != nil else { throw StoreError(.storage, "a registry entry without its details") }
            try await writer.append(chain.link(entry) { $0.signature = nil })
        }
    }

    func exists(_ sql: String, _ values: String?..., in connection: PostgresConnection) async throws -> Bool {
        var binds = Binds()
        for value in values { binds.add(value) }
        return try await !connection.rows(sql, binds.bindings).isEmpty
    }

    // MARK: curricula

    public func publish(_ curriculum: PublishedCurriculum) async throws -> PublishOutcome {
        let now = timestamp()
        return try await write { connection in
            let ref = Binds.of(curriculum.ref.code.rawValue, curriculum.ref.version.description)
            if let existing = try await connection.rows("SELECT sha256 FROM curriculum WHERE code = $1 AND version = $2", ref).first {
                let sha256 = try existing.decode(String.self)
                guard sha256 == curriculum.sha256 else {
                    throw StoreError(
                        .conflict,
                        "\(curriculum.ref) is already published with different content (sha256 \(sha256.prefix(12))…); a published version is immutable: publish the change under a new version"
                    )
                }
                if let older = curriculum.supersedes { try await self.supersede(older, by: curriculum.ref, connection, now) }
                return .alreadyPublished
            }
            try await Self.insert(curriculum, publishedAt: now, connection)
            try await self.appendRegistry(
                [
                    .registry(
                        .publication, subject: curriculum.ref.description, date: try await self.day(now, connection),
                        sha256: curriculum.sha256)
                ],
                connection, recordedAt: now)
            if let older = curriculum.supersedes { try await self.supersede(older, by: curriculum.ref, connection, now) }
            return .published
        }
    }

    public func publishedCurriculum(_ ref: CurriculumRef) async throws -> PublishedCurriculum? {
        try await read { connection in
            guard
                let row = try await connection.rows(
                    "SELECT xml, sha256 FROM curriculum WHERE code = $1 AND version = $2",
                    Binds.of(ref.code.rawValue, ref.version.description)
                ).first
            else { return nil }
            let (xml, sha256) = try row.decode((Data, String).self)
            return try PublishedCurriculum.stored(ref, xml: Array(xml), sha256: sha256)
        }
    }

    public func publishedCurricula() async throws -> [CurriculumRef] {
        try await read { connection in
            try await connection.rows("SELECT code, version FROM curriculum").compactMap { row -> CurriculumRef? in
                let (code, version) = try row.decode((String, String).self)
                return SemanticVersion(version).map { CurriculumRef(code: CurriculumCode(code), version: $0) }
            }.sorted { ($0.code, $0.version) < ($1.code, $1.version) }
        }
    }

    // MARK: organisations, trainees, assessors

    public func add(_ organisation: Organisation) async throws {
        let organisation = try organisation.validated()
        let now = timestamp()
        try await write { connection in
            guard try await !self.exists("SELECT 1 FROM organisation WHERE rfc = $1", organisation.rfc.rawValue, in: connection) else {
                throw StoreError(.conflict, "organisation \(organisation.rfc) already exists")
            }
            try await connection.run(
                "INSERT INTO organisation (rfc, name) VALUES ($1, $2)", Binds.of(organisation.rfc.rawValue, organisation.name))
            for site in Set(organisation.sites).sorted() {
                try await connection.run(
                    "INSERT INTO site (organisation_rfc, name) VALUES ($1, $2)", Binds.of(organisation.rfc.rawValue, site))
            }
            try await self.appendRegistry(
                [
                    .registry(
                        .organisation, subject: organisation.rfc.rawValue, fields: organisation.registryFields,
                        date: try await self.day(now, connection))
                ], connection, recordedAt: now)
        }
    }

    /// The organisation as the log registers it (``RegistryState/organisation(_:)``), never the
    /// `organisation` and `site` tables, which anyone who can write the database could change.
    public func organisation(_ rfc: RFC) async throws -> Organisation? {
        try await read { connection in
            try await self.state(connection, kinds: [.organisation, .amendment], subject: rfc.rawValue).organisation(rfc)
        }
    }

    public func add(_ trainee: Trainee) async throws {
        try await add([trainee])
    }

    public func add(_ trainees: [Trainee]) async throws {
        let trainees = try trainees.map { trainee throws(Refusal) in try trainee.validated() }
        let now = timestamp()
        try await write { connection in
            for trainee in trainees {
                guard try await !self.exists("SELECT 1 FROM trainee WHERE id = $1", trainee.id.rawValue, in: connection) else {
                    throw StoreError(.conflict, "trainee \(trainee.id) already exists")
                }
                if let holder = try await connection.rows("SELECT id FROM trainee WHERE curp = $1", Binds.of(trainee.curp.rawValue)).first {
                    throw StoreError(
                        .conflict,
                        "trainee \(try holder.decode(String.self)) already has the CURP \(trainee.curp), given for trainee \(trainee.id)")
                }
                guard try await self.exists("SELECT 1 FROM organisation WHERE rfc = $1", trainee.employer.rawValue, in: connection) else {
                    throw StoreError(.notFound, "employer \(trainee.employer) of trainee \(trainee.id) is not registered (veta org add)")
                }
                try await connection.run(
                    """
                    INSERT INTO trainee (id, paternal_surname, maternal_surname, given_names, curp, employer_rfc, occupation, job_title)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    """,
                    Binds.of(
                        trainee.id.rawValue, trainee.paternalSurname, trainee.maternalSurname, trainee.givenNames, trainee.curp.rawValue,
                        trainee.employer.rawValue, trainee.occupation, trainee.jobTitle))
            }
            let day = try await self.day(now, connection)
            try await self.appendRegistry(
                trainees.map { .registry(.trainee, subject: $0.id.rawValue, fields: $0.registryFields, date: day) }, connection,
                recordedAt: now)
        }
    }

    static let traineeColumns = "id, paternal_surname, maternal_surname, given_names, curp, employer_rfc, occupation, job_title"

    /// The trainee as the log registers it (``RegistryState/trainee(_:)``), never the `trainee`
    /// table, which anyone who can write the database could change.
    public func trainee(_ id: TraineeID) async throws -> Trainee? {
        try await read { connection in try await self.state(connection, kinds: [.trainee, .amendment], subject: id.rawValue).trainee(id) }
    }

    /// Every trainee as the log registers them, by id (``RegistryState/allTrainees()``).
    public func trainees() async throws -> [Trainee] {
        try await read { connection in try await self.state(connection, kinds: [.trainee, .amendment]).allTrainees() }
    }

    public func add(_ assessor: Assessor) async throws {
        let assessor = try assessor.validated()
        let now = timestamp()
        try await write { connection in
            guard try await !self.exists("SELECT 1 FROM assessor WHERE id = $1", assessor.id.rawValue, in: connection) else {
                throw StoreError(.conflict, "assessor \(assessor.id) already exists")
            }
            try await self.checkKey(assessor.publicKey, for: assessor.id.rawValue, connection)
            try await connection.run(
                "INSERT INTO assessor (id, name, accreditation, public_key) VALUES ($1, $2, $3, $4)",
                Binds.of(assessor.id.rawValue, assessor.name, assessor.accreditation, assessor.publicKey))
            for unit in assessor.units.sorted() {
                try await connection.run(
                    "INSERT INTO assessor_unit (assessor_id, unit_code) VALUES ($1, $2)", Binds.of(assessor.id.rawValue, unit.rawValue))
            }
            let day = try await self.day(now, connection)
            try await self.appendRegistry(
                [.registry(.assessor, subject: assessor.id.rawValue, fields: assessor.registryFields, date: day)]
                    + assessor.units.sorted().map { .registry(.authorisation, subject: assessor.id.rawValue, date: day, unit: $0) },
                connection, recordedAt: now)
        }
    }

    /// Two assessors never share a key (``AssessorKeyCheck``), checked against the log.
    func checkKey(_ key: String, for assessor: String, _ connection: PostgresConnection) async throws {
        let entries = try await checkedEntries(
            "\(Self.select) WHERE \(LedgerCodes.condition([.assessor, .amendment])) ORDER BY sequence", in: connection)
        try AssessorKeyCheck.check(key, for: assessor, against: entries)
    }

    public func assessor(_ id: AssessorID) async throws -> Assessor? {
        let state = try await registry(about: id)
        guard let fields = state.assessors[id.rawValue] else { return nil }
        return Assessor(
            id: id, name: fields["name"] ?? "", accreditation: fields["accreditation"] ?? "",
            units: Set(state.currentUnits(of: id.rawValue).map(UnitCode.init)), publicKey: fields["publicKey"] ?? "")
    }

    public func registry() async throws -> RegistryState {
        try await read { connection in try await self.state(connection) }
    }

    public func registry(about assessor: AssessorID) async throws -> RegistryState {
        try await read { connection in
            try await self.state(connection, kinds: [.assessor, .authorisation, .deauthorisation, .amendment], subject: assessor.rawValue)
        }
    }

    // MARK: settings

    public func setting(_ name: StoreSetting) async throws -> String? {
        try await read { connection in try await self.state(connection, kinds: [.setting], subject: name.rawValue).settings[name.rawValue] }
    }

    public func set(_ name: StoreSetting, to value: String, reason: String?, on date: CalendarDate) async throws {
        let now = timestamp()
        let reason = try reason.map { try CleanText.clean($0, field: "reason") }.flatMap { $0.isEmpty ? nil : $0 }
        try await write { connection in
            try await self.appendRegistry(
                [.registry(.setting, subject: name.rawValue, fields: ["value": value], date: date, note: reason)], connection,
                recordedAt: now)
        }
    }

    /// Stores `curriculum`'s row (its exact bytes), published at `publishedAt`: by `publish` and by a
    /// sync import's copies alike.
    static func insert(_ curriculum: PublishedCurriculum, publishedAt: String, _ connection: PostgresConnection) async throws {
        var binds = Binds()
        binds.add(curriculum.ref.code.rawValue)
        binds.add(curriculum.ref.version.description)
        binds.add(curriculum.sha256)
        binds.add(Data(curriculum.xml))
        binds.add(publishedAt)
        try await connection.run(
            "INSERT INTO curriculum (code, version, sha256, xml, published_at) VALUES ($1, $2, $3, $4, $5)", binds.bindings)
    }
}
