import Foundation
import VetaCurricula
import VetaProgress

/// A fresh store in a temporary folder, with the example curriculum published, one employer,
/// one trainee enrolled and one assessor with a key: the starting point of most tests here.
struct TestWorld {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let examplePath = packageRoot.appendingPathComponent("Examples/valid-working-safely.xml").path
    static let employer = "MFR110315AB1"
    static let curps = ["GALA900101MZSRPN05", "PERL850607HZSRRS04", "MOHJ921212HZSNRN00"]
    static func day(_ text: String) -> CalendarDate { CalendarDate(text) ?? .earliest }

    let folder: String
    let storePath: String
    let service: ProgressService
    let ref: CurriculumRef
    let key: SigningKey
    let trainee = TraineeID("T001")
    let assessor = AssessorID("A01")
    /// The engine the store runs on.
    var engine: Engine = .sqlite

    /// Builds the world; `enrol` false leaves the trainee registered but not enrolled. On `engine`
    /// PostgreSQL, `storePath` is the URL of a database of the world's own.
    static func make(enrol: Bool = true, engine: Engine = .sqlite, key: SigningKey = SigningKey()) async throws -> TestWorld {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veta-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (store, storePath) = try await engine.makeStore(folder: folder, clock: { Date(timeIntervalSince1970: 1_795_000_000) })
        let service = ProgressService(store: store, validator: try CurriculumValidator())
        let (result, _) = try await service.publish(fileAt: examplePath)
        let curriculum = try result.curriculum.unwrap("the example curriculum is valid")
        let ref = CurriculumRef(code: curriculum.code, version: curriculum.version)
        try await service.store.add(
            Organisation(
                rfc: try RFC(employer), name: "Minera Fresnillo", sites: ["Mina Saucito", "Mina, Saucito", "Mina Saucito, nivel 3"]))
        try await service.store.add(
            Trainee(
                id: TraineeID("T001"), paternalSurname: "García", maternalSurname: "López", givenNames: "Ana María",
                curp: try CURP(curps[0]), employer: try RFC(employer), occupation: "Operadora", jobTitle: "Operadora"))
        try await service.store.add(
            Assessor(
                id: AssessorID("A01"), name: "Luis Pérez", accreditation: "EV-1", units: [UnitCode("RIIWHS201E"), UnitCode("RIIERR302D")],
                publicKey: key.publicKey.base64URL))
        let world = TestWorld(folder: folder, storePath: storePath, service: service, ref: ref, key: key, engine: engine)
        if enrol { _ = try await service.enrol(world.trainee, in: ref, on: day("2026-01-05")) }
        return world
    }

    /// An evidence entry for the enrolled trainee.
    func evidence(
        _ unit: String, _ target: EvidenceTarget, method: EvidenceMethod = .observation, outcome: Outcome = .satisfactory,
        date: String = "2026-02-01"
    ) -> LedgerEntry {
        LedgerEntry(
            kind: .evidence, trainee: trainee, curriculum: ref, date: TestWorld.day(date), unit: UnitCode(unit), target: target,
            method: method, outcome: outcome, minutes: 60, assessor: assessor)
    }

    /// Records everything RIIWHS201E of the example needs: both elements on two dates, both knowledge items.
    func completeSafetyUnit() async throws {
        _ = try await service.record(evidence("RIIWHS201E", .element(1), date: "2026-02-01"))
        _ = try await service.record(evidence("RIIWHS201E", .element(2), method: .practical, date: "2026-02-03"))
        _ = try await service.record(evidence("RIIWHS201E", .knowledge("K1"), method: .writtenTest, date: "2026-02-03"))
        _ = try await service.record(evidence("RIIWHS201E", .knowledge("K2"), method: .oralTest, date: "2026-02-03"))
    }
}

extension Optional {
    func unwrap(_ what: String) throws -> Wrapped {
        guard let value = self else { throw TestFailure(what) }
        return value
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
