import GRDB

/// The registry's tables as stored (`organisation`, `site`, `trainee`, `assessor`,
/// `assessor_unit`, `issuer`, `curriculum`), read as registry fields so they can be compared with
/// what the log registers (``RegistryState``), and written back from it by ``rebuild(from:in:)``.
package struct RegistryTables: Sendable {
    package var organisations: [String: [String: String]] = [:]
    package var trainees: [String: [String: String]] = [:]
    package var assessors: [String: [String: String]] = [:]
    package var units: [String: Set<String>] = [:]
    package var issuers: [String: [String: String]] = [:]
    /// Each curriculum's sha256 column, and whether its stored bytes still have that sha256.
    package var curricula: [String: (sha256: String, bytesMatch: Bool)] = [:]

    package init() {}
    /// `curriculum_lifecycle`, by `CODE@x.y.z` (``LifecycleTable``).
    package var lifecycle: [String: [String: String]] = [:]

    /// The tables in `db`.
    static func read(_ db: Database) throws -> RegistryTables {
        var tables = RegistryTables()
        for row in try Row.fetchAll(db, sql: "SELECT rfc, name FROM organisation") {
            tables.organisations[Self.text(row, 0)] = ["name": Self.text(row, 1), "sites": ""]
        }
        var sites: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT organisation_rfc, name FROM site") {
            sites[Self.text(row, 0), default: []].append(Self.text(row, 1))
        }
        for (rfc, names) in sites {
            tables.organisations[rfc, default: ["name": ""]]["sites"] = names.sorted().joined(separator: "\n")
        }
        for row in try Row.fetchAll(
            db,
            sql: "SELECT id, paternal_surname, maternal_surname, given_names, curp, employer_rfc, occupation, job_title FROM trainee")
        {
            tables.trainees[Self.text(row, 0)] = [
                "paternalSurname": Self.text(row, 1), "maternalSurname": Self.text(row, 2), "givenNames": Self.text(row, 3),
                "curp": Self.text(row, 4), "employer": Self.text(row, 5), "occupation": Self.text(row, 6), "jobTitle": Self.text(row, 7),
            ]
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name, accreditation, public_key FROM assessor") {
            tables.assessors[Self.text(row, 0)] = [
                "name": Self.text(row, 1), "accreditation": Self.text(row, 2), "publicKey": Self.text(row, 3),
            ]
        }
        for row in try Row.fetchAll(db, sql: "SELECT assessor_id, unit_code FROM assessor_unit") {
            tables.units[Self.text(row, 0), default: []].insert(Self.text(row, 1))
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name, rfc, stps_registration, public_key FROM issuer") {
            var fields = ["name": Self.text(row, 1), "rfc": Self.text(row, 2), "publicKey": Self.text(row, 4)]
            if !row.hasNull(atIndex: 3) { fields["stpsRegistration"] = Self.text(row, 3) }
            tables.issuers[Self.text(row, 0)] = fields
        }
        for row in try Row.fetchAll(db, sql: "SELECT code, version, sha256, xml FROM curriculum") {
            let bytes: [UInt8] = (row[3] as DatabaseValue).storage.bytes
            let sha256 = Self.text(row, 2)
            tables.curricula[Self.text(row, 0) + "@" + Self.text(row, 1)] = (sha256, SHA256Hex.of(bytes) == sha256)
        }
        tables.lifecycle = try LifecycleTable.read(db)
        return tables
    }

    /// A column as exact text: a value of another storage class reads as a marker that never
    /// matches a registered value, so a re-encoded column is a finding, never converted.
    private static func text(_ row: Row, _ index: Int) -> String {
        switch (row[index] as DatabaseValue).storage {
        case .string(let text): text
        case .null: "\u{0}NULL"
        default: "\u{0}not TEXT"
        }
    }

    /// Where the tables differ from what `state` registers, as findings naming the table and key.
    package func problems(against state: RegistryState) -> [String] {
        var problems: [String] = []
        func compare(_ table: String, _ stored: [String: [String: String]], _ logged: [String: [String: String]]) {
            for key in Set(stored.keys).union(logged.keys).sorted() {
                switch (stored[key], logged[key]) {
                case (.some, nil): problems.append("table \(table), key \(key): a row the log does not register")
                case (nil, .some): problems.append("table \(table), key \(key): registered in the log but missing from the table")
                case (.some(let row), .some(let fields)) where row != fields:
                    let columns = Set(row.keys).union(fields.keys).filter { row[$0] != fields[$0] }.sorted().joined(separator: ", ")
                    problems.append("table \(table), key \(key): its columns differ from what the log registers (\(columns))")
                default: break
                }
            }
        }
        // The organisation table keeps name and sites; the DC-3 signatories are read from the log.
        compare("organisation", organisations, state.organisations.mapValues { $0.filter { $0.key == "name" || $0.key == "sites" } })
        // The trainee table has no column for the occupation's catalogue key: it is read from the log.
        compare("trainee", trainees, state.trainees.mapValues { $0.filter { $0.key != "occupationKey" } })
        compare("assessor", assessors, state.assessors)
        // The issuer table has no column for retired keys (`compromisedKeys`): they are read from the log.
        compare("issuer", issuers, state.issuers.mapValues { $0.filter { $0.key != "compromisedKeys" } })
        compare("curriculum_lifecycle", lifecycle, LifecycleTable.fields(state))
        for id in Set(units.keys).union(state.authorisations.keys).sorted() {
            let stored = units[id] ?? []
            let logged = state.currentUnits(of: id)
            if stored != logged {
                let extra = stored.subtracting(logged).sorted()
                let missing = logged.subtracting(stored).sorted()
                problems.append(
                    "table assessor_unit, key \(id): units differ from the authorisations in the log"
                        + (extra.isEmpty ? "" : " (not authorised: \(extra.joined(separator: " ")))")
                        + (missing.isEmpty ? "" : " (missing: \(missing.joined(separator: " ")))"))
            }
        }
        for key in Set(curricula.keys).union(state.curricula.keys).sorted() {
            switch (curricula[key], state.curricula[key]) {
            case (.some, nil): problems.append("table curriculum, key \(key): a curriculum the log does not publish")
            case (nil, .some): problems.append("table curriculum, key \(key): published in the log but missing from the table")
            case (.some(let row), .some(let sha256)):
                if row.sha256 != sha256 { problems.append("table curriculum, key \(key): its sha256 is not the one the log publishes") }
                if !row.bytesMatch {
                    problems.append(
                        "table curriculum, key \(key): its stored bytes are not the ones published (not the sha256 the log publishes)")
                }
            default: break
            }
        }
        return problems
    }

    /// Replaces the registry's tables (but `curriculum`, whose bytes are not in the log and whose
    /// rows are immutable) with the projection of `state`, in the caller's write transaction.
    static func rebuild(from state: RegistryState, in db: Database) throws {
        // The log's rows reference trainees and assessors: checked at commit, once the tables are whole again.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        try db.execute(sql: "DELETE FROM site; DELETE FROM assessor_unit; DELETE FROM trainee; DELETE FROM organisation;")
        try db.execute(sql: "DELETE FROM assessor; DELETE FROM issuer;")
        for (rfc, fields) in state.organisations {
            try db.execute(sql: "INSERT INTO organisation (rfc, name) VALUES (?, ?)", arguments: [rfc, fields["name"] ?? ""])
            for site in (fields["sites"] ?? "").split(separator: "\n", omittingEmptySubsequences: true) {
                try db.execute(sql: "INSERT INTO site (organisation_rfc, name) VALUES (?, ?)", arguments: [rfc, String(site)])
            }
        }
        for (id, f) in state.trainees {
            try db.execute(
                sql: """
                    INSERT INTO trainee (id, paternal_surname, maternal_surname, given_names, curp, employer_rfc, occupation, job_title)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, f["paternalSurname"] ?? "", f["maternalSurname"] ?? "", f["givenNames"] ?? "", f["curp"] ?? "", f["employer"] ?? "",
                    f["occupation"] ?? "", f["jobTitle"] ?? "",
                ])
        }
        for (id, f) in state.assessors {
            try db.execute(
                sql: "INSERT INTO assessor (id, name, accreditation, public_key) VALUES (?, ?, ?, ?)",
                arguments: [id, f["name"] ?? "", f["accreditation"] ?? "", f["publicKey"] ?? ""])
            for unit in state.currentUnits(of: id).sorted() {
                try db.execute(sql: "INSERT INTO assessor_unit (assessor_id, unit_code) VALUES (?, ?)", arguments: [id, unit])
            }
        }
        for (id, f) in state.issuers {
            try db.execute(
                sql: "INSERT INTO issuer (id, name, rfc, stps_registration, public_key) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, f["name"] ?? "", f["rfc"] ?? "", f["stpsRegistration"], f["publicKey"] ?? ""])
        }
        try LifecycleTable.rebuild(from: state, in: db)
    }
}

extension DatabaseValue.Storage {
    fileprivate var bytes: [UInt8] {
        switch self {
        case .blob(let data): Array(data)
        case .string(let text): Array(text.utf8)
        default: []
        }
    }
}
