import Foundation
import PostgresNIO
import VetaProgress

extension PostgresProgressStore {
    public func projectionProblems() async throws -> [String] {
        try await read { connection in
            try await Self.tables(connection).problems(against: try await self.state(connection))
        }
    }

    public func rebuildProjections(after end: Int64) async throws -> [String] {
        try await write { connection in
            let last = try await Self.head(connection).sequence
            guard last == end else {
                throw StoreError(.changed, "the ledger changed while it was verified (entry \(last) is now the last, not \(end))")
            }
            let state = try await self.state(connection)
            if let first = state.problems.first {
                throw Refusal("the log's registry does not hold together at entry \(first.sequence): \(first.reason); nothing was rebuilt")
            }
            let before = try await Self.tables(connection).problems(against: state)
            try await Self.rebuild(from: state, connection)
            return before
        }
    }

    /// The registry's tables as stored (``RegistryTables``, as the SQLite store reads them).
    static func tables(_ connection: PostgresConnection) async throws -> RegistryTables {
        var tables = RegistryTables()
        for row in try await connection.rows("SELECT rfc, name FROM organisation") {
            let (rfc, name) = try row.decode((String, String).self)
            tables.organisations[rfc] = ["name": name, "sites": ""]
        }
        var sites: [String: [String]] = [:]
        for row in try await connection.rows("SELECT organisation_rfc, name FROM site") {
            let (rfc, name) = try row.decode((String, String).self)
            sites[rfc, default: []].append(name)
        }
        for (rfc, names) in sites {
            tables.organisations[rfc, default: ["name": ""]]["sites"] = names.sorted().joined(separator: "\n")
        }
        for row in try await connection.rows("SELECT \(traineeColumns) FROM trainee") {
            let (id, paternal, maternal, given, curp, employer, occupation, jobTitle) = try row.decode(
                (String, String, String, String, String, String, String, String).self)
            tables.trainees[id] = [
                "paternalSurname": paternal, "maternalSurname": maternal, "givenNames": given, "curp": curp, "employer": employer,
                "occupation": occupation, "jobTitle": jobTitle,
            ]
        }
        for row in try await connection.rows("SELECT id, name, accreditation, public_key FROM assessor") {
            let (id, name, accreditation, key) = try row.decode((String, String, String, String).self)
            tables.assessors[id] = ["name": name, "accreditation": accreditation, "publicKey": key]
        }
        for row in try await connection.rows("SELECT assessor_id, unit_code FROM assessor_unit") {
            let (id, unit) = try row.decode((String, String).self)
            tables.units[id, default: []].insert(unit)
        }
        for row in try await connection.rows("SELECT id, name, rfc, stps_registration, public_key FROM issuer") {
            let (id, name, rfc, registration, key) = try row.decode((String, String, String, String?, String).self)
            var fields = ["name": name, "rfc": rfc, "publicKey": key]
            if let registration { fields["stpsRegistration"] = registration }
            tables.issuers[id] = fields
        }
        for row in try await connection.rows("SELECT code, version, sha256, xml FROM curriculum") {
            let (code, version, sha256, xml) = try row.decode((String, String, String, Data).self)
            tables.curricula[code + "@" + version] = (sha256, SHA256Hex.of(Array(xml)) == sha256)
        }
        for row in try await connection.rows("SELECT code, version, status, successor, since FROM curriculum_lifecycle") {
            let (code, version, status, successor, since) = try row.decode((String, String, String, String?, String).self)
            var fields = ["status": status, "since": since]
            if let successor { fields["successor"] = successor }
            tables.lifecycle[code + "@" + version] = fields
        }
        return tables
    }

    /// Replaces the registry's tables (but `curriculum`) with the projection of `state`, in the caller's write transaction.
    static func rebuild(from state: RegistryState, _ connection: PostgresConnection) async throws {
        for table in ["site", "assessor_unit", "trainee", "organisation", "assessor", "issuer", "curriculum_lifecycle"] {
            try await connection.run("DELETE FROM \(table)")
        }
        for (rfc, fields) in state.organisations {
            try await connection.run("INSERT INTO organisation (rfc, name) VALUES ($1, $2)", Binds.of(rfc, fields["name"] ?? ""))
            for site in (fields["sites"] ?? "").split(separator: "\n", omittingEmptySubsequences: true) {
                try await connection.run("INSERT INTO site (organisation_rfc, name) VALUES ($1, $2)", Binds.of(rfc, String(site)))
            }
        }
        for (id, f) in state.trainees {
            try await connection.run(
                "INSERT INTO trainee (\(traineeColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                Binds.of(
                    id, f["paternalSurname"] ?? "", f["maternalSurname"] ?? "", f["givenNames"] ?? "", f["curp"] ?? "", f["employer"] ?? "",
                    f["occupation"] ?? "", f["jobTitle"] ?? ""))
        }
        for (id, f) in state.assessors {
            try await connection.run(
                "INSERT INTO assessor (id, name, accreditation, public_key) VALUES ($1, $2, $3, $4)",
                Binds.of(id, f["name"] ?? "", f["accreditation"] ?? "", f["publicKey"] ?? ""))
            for unit in state.currentUnits(of: id).sorted() {
                try await connection.run("INSERT INTO assessor_unit (assessor_id, unit_code) VALUES ($1, $2)", Binds.of(id, unit))
            }
        }
        for (id, f) in state.issuers {
            try await connection.run(
                "INSERT INTO issuer (id, name, rfc, stps_registration, public_key) VALUES ($1, $2, $3, $4, $5)",
                Binds.of(id, f["name"] ?? "", f["rfc"] ?? "", f["stpsRegistration"], f["publicKey"] ?? ""))
        }
        for (subject, lifecycle) in state.lifecycle.sorted(by: { $0.key < $1.key }) {
            guard let at = subject.firstIndex(of: "@") else { continue }
            try await connection.run(
                "INSERT INTO curriculum_lifecycle (code, version, status, successor, since, reason) VALUES ($1, $2, $3, $4, $5, $6)",
                Binds.of(
                    String(subject[..<at]), String(subject[subject.index(after: at)...]), lifecycle.status.rawValue, lifecycle.successor,
                    lifecycle.since.description, lifecycle.reason))
        }
    }
}
