import Foundation
import Testing
import VetaCurricula
import VetaPostgres
import VetaProgress

@testable import VetaRecords

/// The record registry's rules on every engine of the run: SQLite, and PostgreSQL when `make test`
/// started a cluster (`VETA_TEST_POSTGRES`, Tests/pg/with-cluster.sh). Each test builds its own store
/// from nothing: the example curriculum, a trainee whose safety unit is signed off, an issuer.
@Suite struct RecordEngineTests {
    enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite
        case postgresql

        var testDescription: String { rawValue }

        /// The engines of this run.
        static var all: [Engine] {
            ProcessInfo.processInfo.environment["VETA_TEST_POSTGRES"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgresql] } ?? [.sqlite]
        }

        /// A new, empty store of this engine: a file in `folder`, or a database of its own on the test cluster.
        func makeStore(folder: String) throws -> any RecordLedger {
            switch self {
            case .sqlite: return try SQLiteProgressStore(path: folder + "/store.sqlite")
            case .postgresql:
                let base = try #require(ProcessInfo.processInfo.environment["VETA_TEST_POSTGRES"])
                let name = "veta_records_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
                process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", base, "-c", "CREATE DATABASE \(name)"]
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else { throw RecordError("the test cluster at \(base) cannot be reached") }
                let url = String(base[..<(base.lastIndex(of: "/") ?? base.endIndex)]) + "/" + name
                return try PostgresProgressStore(address: try #require(try PostgresAddress.parse(url)))
            }
        }
    }

    static let example = RecordLogTests.root.appendingPathComponent("Examples/valid-working-safely.xml").path
    static let issuer = "https://capacitacion.example.mx"
    static func day(_ text: String) -> CalendarDate { CalendarDate(text) ?? .earliest }

    struct World {
        let service: RecordService
        let folder: String
        let key: SigningKey
        let ref: CurriculumRef

        func issue(_ unit: String = "RIIWHS201E") async throws -> [RecordService.Issued] {
            try await service.issue(
                trainee: TraineeID("T001"), curriculum: ref, unit: UnitCode(unit), dc3: false, issuer: RecordEngineTests.issuer, key: key,
                outputFolder: folder + "/out", asOf: RecordEngineTests.day("2026-02-10"))
        }

        func verdict(_ issued: RecordService.Issued, on date: String = "2026-02-20") async throws -> String {
            let bytes = Array(try #require(FileManager.default.contents(atPath: issued.path)))
            return try await service.verify(bytes, asOf: RecordEngineTests.day(date)).verdict
        }
    }

    static func world(_ engine: Engine) async throws -> World {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veta-record-engine-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try engine.makeStore(folder: folder)
        let progress = ProgressService(store: store, validator: try CurriculumValidator())
        let (result, _) = try await progress.publish(fileAt: example)
        let curriculum = try #require(result.curriculum)
        let ref = CurriculumRef(code: curriculum.code, version: curriculum.version)
        let employer = try RFC("MFR110315AB1")
        try await store.add(Organisation(rfc: employer, name: "Minera Fresnillo", sites: ["Mina Saucito"]))
        try await store.add(
            Trainee(
                id: TraineeID("T001"), paternalSurname: "García", maternalSurname: "López", givenNames: "Ana María",
                curp: try CURP("GALA900101MZSRPN05"), employer: employer, occupation: "Operadora", jobTitle: "Operadora"))
        let assessorKey = SigningKey()
        try await store.add(
            Assessor(
                id: AssessorID("A01"), name: "Luis Pérez", accreditation: "EV-1", units: [UnitCode("RIIWHS201E")],
                publicKey: assessorKey.publicKey.base64URL))
        let trainee = TraineeID("T001")
        _ = try await progress.enrol(trainee, in: ref, on: day("2026-01-05"))
        let targets: [(EvidenceTarget, EvidenceMethod)] = [
            (.element(1), .observation), (.element(2), .practical), (.knowledge("K1"), .writtenTest), (.knowledge("K2"), .oralTest),
        ]
        for (date, (target, method)) in zip(["2026-02-01", "2026-02-03", "2026-02-03", "2026-02-03"], targets) {
            _ = try await progress.record(
                LedgerEntry(
                    kind: .evidence, trainee: trainee, curriculum: ref, date: day(date), unit: UnitCode("RIIWHS201E"), target: target,
                    method: method, outcome: .satisfactory, minutes: 60, assessor: AssessorID("A01")))
        }
        _ = try await progress.signOff(
            trainee, unit: UnitCode("RIIWHS201E"), in: ref, by: AssessorID("A01"), on: day("2026-02-05"), key: assessorKey)
        let records = RecordStore(store: store)
        let key = SigningKey()
        try await records.add(
            Issuer(
                id: issuer, name: "Capacitación", rfc: try RFC("CMN150101AB1"), stpsRegistration: nil, publicKey: key.publicKey.base64URL))
        return World(service: RecordService(progress: progress, records: records), folder: folder, key: key, ref: ref)
    }

    @Test(arguments: Engine.all) func anIssuedRecordVerifiesAndItsSerialIsNeverGivenAgain(engine: Engine) async throws {
        let world = try await Self.world(engine)
        let first = try await world.issue()
        let second = try await world.issue()
        #expect(first.map(\.record.serial) == ["VETA-2026-000001"])
        #expect(second.map(\.record.serial) == ["VETA-2026-000002"])
        #expect(try await world.verdict(first[0]) == "VALID")
        #expect(try await world.service.records.artifact(first[0].record.serial) != nil)
        #expect(try await world.service.records.records().map(\.serial) == ["VETA-2026-000001", "VETA-2026-000002"])
        #expect(try await world.service.records.reserveSerials(count: 2, year: 2026) == ["VETA-2026-000003", "VETA-2026-000004"])
        #expect(try await world.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all) func aRecordIsRevokedOnceAndThenReportsItsRevocation(engine: Engine) async throws {
        let world = try await Self.world(engine)
        let issued = try await world.issue()
        let serial = issued[0].record.serial
        try await world.service.revoke(serial, reason: "signed off in error", on: Self.day("2026-02-11"))
        await #expect(throws: Refusal.self) { try await world.service.records.revoke(serial, reason: "again", on: Self.day("2026-02-12")) }
        #expect(try await world.service.records.events(serial).map(\.kind) == [.revoked])
        #expect(try await world.verdict(issued[0]) == "REVOKED")
        #expect(try await world.verdict(issued[0], on: "2026-02-10") == "VALID")
        #expect(try await world.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all) func aReissuedRecordIsSupersededOnceByItsSuccessor(engine: Engine) async throws {
        let world = try await Self.world(engine)
        let issued = try await world.issue()
        let successors = try await world.service.reissue(
            issued[0].record.serial, key: world.key, outputFolder: world.folder + "/re", asOf: Self.day("2026-02-10"))
        #expect(try await world.verdict(issued[0]) == "SUPERSEDED")
        #expect(try await world.verdict(successors[0]) == "VALID")
        await #expect(throws: Refusal.self) {
            _ = try await world.service.reissue(
                issued[0].record.serial, key: world.key, outputFolder: world.folder + "/re2", asOf: Self.day("2026-02-10"))
        }
        #expect(try await world.service.verifyLedger().isIntact)
        #expect(try await world.service.rebuildProjections().remaining.isEmpty)
    }

    @Test(arguments: Engine.all) func anIssuerIsRegisteredOnceAndKeepsItsEarlierKeys(engine: Engine) async throws {
        let world = try await Self.world(engine)
        let other = SigningKey()
        await #expect(throws: StoreError.self) {
            try await world.service.records.add(
                Issuer(
                    id: Self.issuer + "/", name: "Otra", rfc: try RFC("CMN150101AB1"), stpsRegistration: nil,
                    publicKey: other.publicKey.base64URL))
        }
        let issued = try await world.issue()
        try await world.service.records.rotateKey(of: Self.issuer, to: other.publicKey, reason: "rotación anual")
        let issuer = try #require(try await world.service.records.issuer(Self.issuer))
        #expect(issuer.publicKey == other.publicKey.base64URL && issuer.keys.count == 2)
        #expect(try await world.verdict(issued[0]) == "VALID")
        #expect(try await world.service.records.issuers().map(\.id) == [Self.issuer])
    }
}
