import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// `veta import`: a bare curriculum code in an evidence row means, for that row's trainee, the
/// version the trainee is enrolled in (as `veta record` resolves it), whether the file is streamed
/// or read whole.
@Suite struct ImportVersionTests {
    /// The world with 2.0.0 published, T001 enrolled in 1.1.0 and T002 in 2.0.0.
    static func world(engine: Engine) async throws -> (TestWorld, CurriculumRef) {
        let (world, newer) = try await VersionTests.withNewerVersion(engine: engine)
        try await world.service.store.add(
            Trainee(
                id: TraineeID("T002"), paternalSurname: "Pérez", maternalSurname: "", givenNames: "Luis",
                curp: try CURP(TestWorld.curps[1]), employer: try RFC(TestWorld.employer), occupation: "Operador",
                jobTitle: "Operador"))
        _ = try await world.service.enrol(TraineeID("T002"), in: newer, on: TestWorld.day("2026-01-06"))
        return (world, newer)
    }

    static let csv =
        ImportTests.header
        + "T001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,,A01,\n"
        + "T002,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,,A01,\n"
        + "T001,EXWSAFE,RIIWHS201E,criterion:1.2,observation,satisfactory,2026-02-02,1,,,A01,\n"

    @Test(arguments: Engine.all) func aBareCodeInAnImportRowMeansTheVersionItsTraineeIsEnrolledIn(engine: Engine) async throws {
        let (streamed, newer) = try await Self.world(engine: engine)
        let (whole, _) = try await Self.world(engine: engine)
        for world in [streamed, whole] { try Self.csv.write(toFile: world.folder + "/rows.csv", atomically: true, encoding: .utf8) }
        let streamedReport = try await streamed.service.importCSV(fileAt: streamed.folder + "/rows.csv")
        // A store that is not the SQLite store is given the file whole: the same rule.
        let wrapped = ProgressService(store: InterleavingStore(whole.service.store, times: 0) {}, validator: try CurriculumValidator())
        let wholeReport = try await wrapped.importCSV(fileAt: whole.folder + "/rows.csv")
        #expect(streamedReport.errors.isEmpty && wholeReport.errors.isEmpty)
        #expect(streamedReport.written == 3 && wholeReport.written == 3)
        for world in [streamed, whole] {
            let evidence = try await world.service.store.entries(ofKinds: [.evidence])
            #expect(evidence.count == 3)
            for entry in evidence {
                #expect(entry.curriculum == (entry.trainee == TraineeID("T002") ? newer : world.ref), "\(entry.trainee)")
            }
            // The same as `veta record` resolves the code for each trainee.
            for entry in evidence {
                #expect(try await world.service.resolve("EXWSAFE", for: entry.trainee) == entry.curriculum)
            }
        }
    }

    /// A named version is that version for anyone: a trainee enrolled in another one is refused, naming it.
    @Test(arguments: Engine.all) func aNamedVersionIsNotMovedToTheEnrolledOne(engine: Engine) async throws {
        let (world, _) = try await Self.world(engine: engine)
        let row = "T001,EXWSAFE@2.0.0,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,,A01,\n"
        try (ImportTests.header + row).write(toFile: world.folder + "/named.csv", atomically: true, encoding: .utf8)
        let report = try await world.service.importCSV(fileAt: world.folder + "/named.csv")
        #expect(report.written == 0)
        #expect(report.errors.count == 1)
    }
}
