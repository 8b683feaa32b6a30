import Foundation
import GRDB
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// The registry's tables are projections of the log: on random histories of registrations,
/// amendments, authorisations, enrolments and evidence (refused steps included), the tables the
/// commands wrote one step at a time are exactly what `veta store rebuild` writes from the log alone.
@Suite struct RebuildPropertyTests {
    static let tables = [
        "organisation ORDER BY rfc", "site ORDER BY organisation_rfc, name", "trainee ORDER BY id", "assessor ORDER BY id",
        "assessor_unit ORDER BY assessor_id, unit_code",
    ]
    static let units = [UnitCode("RIIWHS201E"), UnitCode("RIIERR302D")]

    /// Every row of every registry table, as text.
    static func dump(_ world: TestWorld) async throws -> [String] {
        if world.engine == .postgresql {
            return try tables.flatMap { table in
                try Engine.psql(world.storePath, "SELECT * FROM \(table)").split(separator: "\n").map {
                    "\(table.prefix { $0 != " " }): \($0)"
                }
            }
        }
        var configuration = Configuration()
        configuration.readonly = true
        return try await DatabaseQueue(path: world.storePath, configuration: configuration).read { db in
            try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table.prefix { $0 != " " }): \($0)" }
            }
        }
    }

    /// A valid CURP (check digit included) for `n` in 0..<280.
    static func curp(_ n: Int) throws -> CURP {
        let body = Array("GALA9001" + String(format: "%02d", n % 28 + 1) + "MZSRPN" + String(n / 28 % 10))
        let alphabet = Array("0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ")
        let total = body.enumerated().reduce(0) { $0 + (alphabet.firstIndex(of: $1.element) ?? 0) * (18 - $1.offset) }
        return try CURP(String(body) + String((10 - total % 10) % 10))
    }

    /// Applies step `code` of a random history; a refused step changes nothing.
    static func step(_ code: Int, _ world: TestWorld) async throws {
        let store = world.service.store
        let k = code / 10
        let day = TestWorld.day("2026-01-01").adding(days: k % 90)
        let employers = [try RFC(TestWorld.employer), try RFC("CMP961028AB1")]
        func trainee(_ n: Int, job: String = "Operadora", employer: RFC? = nil) throws -> Trainee {
            Trainee(
                id: TraineeID("T\(n)"), paternalSurname: "García", maternalSurname: "", givenNames: "Ana", curp: try curp(n),
                employer: employer ?? employers[0], occupation: "Operadora", jobTitle: job)
        }
        do {
            switch code % 10 {
            case 0: try await store.add(try trainee(k % 6))
            case 1: try await store.add(Organisation(rfc: employers[1], name: "Otra", sites: ["S\(k % 3)"]))
            case 2:
                try await store.add(
                    Assessor(
                        id: AssessorID("A\(k % 3)"), name: "N", accreditation: "EV", units: Set(units.prefix(k % 3)),
                        publicKey: SigningKey().publicKey.base64URL))
            case 3: try await store.amend(try trainee(k % 6, job: "J\(k)", employer: employers[k % 2]), reason: "cambio \(k)")
            case 4:
                try await store.amend(
                    Organisation(rfc: employers[k % 2], name: "Nombre \(k)", sites: ["Mina Saucito", "S\(k % 3)"]), reason: "r")
            case 5:
                if let current = try await store.assessor(AssessorID("A\(k % 3)")) {
                    try await store.amend(
                        Assessor(
                            id: current.id, name: "N\(k)", accreditation: current.accreditation, units: current.units,
                            publicKey: k % 2 == 0 ? current.publicKey : SigningKey().publicKey.base64URL), reason: "r")
                }
            case 6: try await store.authorise(AssessorID("A\(k % 3)"), for: units[k % 2], on: day, granted: true)
            case 7: try await store.authorise(AssessorID("A\(k % 3)"), for: units[k % 2], on: day, granted: false)
            case 8: _ = try await world.service.enrol(TraineeID("T\(k % 6)"), in: world.ref, on: day)
            default:
                var entry = world.evidence(units[k % 2].rawValue, .element(1), date: "2026-02-01")
                entry.assessor = AssessorID("A\(k % 3)")
                _ = try await world.service.record(entry)
            }
        } catch is Refusal {
        } catch is StoreError {
        }
    }

    @Test(arguments: Engine.all) func rebuildingFromTheLogGivesTheTablesTheCommandsWrote(engine: Engine) async throws {
        // Fewer histories on PostgreSQL, where every request opens a connection: the rule is the same.
        await propertyCheck(count: engine == .postgresql ? 6 : 15, input: Gen.int(in: 0...899).array(of: 5...40)) { history in
            do {
                let world = try await TestWorld.make(engine: engine)
                for code in history { try await Self.step(code, world) }
                let incremental = try await Self.dump(world)
                #expect(try await world.service.store.projectionProblems() == [], "history \(history)")
                #expect(try await world.service.verifyLedger().isIntact, "history \(history)")
                // The tables emptied behind Veta's back, then rebuilt from the log alone.
                if engine == .postgresql {
                    try Engine.psql(
                        world.storePath,
                        "DELETE FROM site; DELETE FROM assessor_unit; DELETE FROM assessor; DELETE FROM trainee; DELETE FROM organisation")
                } else {
                    var configuration = Configuration()
                    configuration.foreignKeysEnabled = false
                    try await DatabaseQueue(path: world.storePath, configuration: configuration).write { db in
                        try db.execute(sql: "DELETE FROM site; DELETE FROM assessor_unit; DELETE FROM assessor; DELETE FROM trainee;")
                        try db.execute(sql: "DELETE FROM organisation;")
                    }
                }
                #expect(try await world.service.store.projectionProblems().isEmpty == false)
                let end = try await world.service.store.ledgerEnd()
                _ = try await world.service.store.rebuildProjections(after: end)
                #expect(try await Self.dump(world) == incremental, "history \(history)")
                #expect(try await world.service.verifyLedger().isIntact, "history \(history)")
            } catch {
                Issue.record("history \(history): \(error)")
            }
        }
    }

    /// "Was this assessor authorised for this unit on that day" follows the dated entries.
    @Test(arguments: Engine.all) func authorisationIsAnsweredByDate(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let store = world.service.store
        let unit = UnitCode("RIIERR302D")
        try await store.authorise(world.assessor, for: unit, on: TestWorld.day("2026-03-01"), granted: false)
        try await store.authorise(world.assessor, for: unit, on: TestWorld.day("2026-04-01"), granted: true)
        let registry = try await store.registry()
        #expect(registry.isAuthorised(world.assessor, for: unit, on: TestWorld.day("2026-02-28")))
        #expect(!registry.isAuthorised(world.assessor, for: unit, on: TestWorld.day("2026-03-01")))
        #expect(!registry.isAuthorised(world.assessor, for: unit, on: TestWorld.day("2026-03-31")))
        #expect(registry.isAuthorised(world.assessor, for: unit, on: TestWorld.day("2026-04-01")))
        var entry = world.evidence(unit.rawValue, .element(1), date: "2026-03-15")
        entry.unit = unit
        let refusal = await #expect(throws: Refusal.self) { try await world.service.record(entry) }
        #expect(refusal?.description.contains("was not authorised for RIIERR302D on 2026-03-15") == true, "\(String(describing: refusal))")
    }

    /// An amendment keeps the history: the log holds the data before and after, with the reason.
    @Test(arguments: Engine.all) func anAmendmentKeepsTheHistoryAndSaysWhy(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let store = world.service.store
        let before = try #require(try await store.trainee(world.trainee))
        let amended = Trainee(
            id: before.id, paternalSurname: before.paternalSurname, maternalSurname: before.maternalSurname, givenNames: before.givenNames,
            curp: try Self.curp(100), employer: before.employer, occupation: before.occupation, jobTitle: "Supervisora")
        try await store.amend(amended, reason: "promoted")
        #expect(try await store.trainee(world.trainee) == amended)
        let entries = try await store.entries(ofKinds: [.trainee, .amendment])
        #expect(entries.map(\.kind) == [.trainee, .amendment])
        #expect(entries[0].registry?.fields["curp"] == before.curp.rawValue)
        #expect(entries[1].registry?.fields["curp"] == amended.curp.rawValue && entries[1].note == "promoted")
        await #expect(throws: Refusal.self) { try await store.amend(amended, reason: "again") }
        #expect(try await world.service.verifyLedger().isIntact)
    }
}

extension RebuildPropertyTests {
    /// A registry entry cannot be appended on its own, without the table rows it registers.
    @Test(arguments: Engine.all) func aRegistryEntryIsNeverAppendedWithoutItsRows(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let entry = LedgerEntry.registry(
            .issuer, subject: "https://rogue.example.mx", fields: ["name": "R", "rfc": "CMN150101AB1", "publicKey": "x"],
            date: TestWorld.day("2026-03-01"))
        await #expect(throws: Refusal.self) { try await world.service.store.append([entry]) { _ in } }
        #expect(try await world.service.store.registry().issuers.isEmpty)
    }
}
