import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// Bulk import writes every row or none.
@Suite struct ImportTests {
    static let header = "trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor,attachment_sha256\n"

    @Test(arguments: Engine.all) func aFileWithOneBadRowWritesNothingAndReportsEveryBadRowByLine(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let before = try await world.service.store.allEntries().count
        let csv =
            Self.header + "T001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,,A01,\n"
            + "T001,EXWSAFE,RIIWHS201E,criterion:9.9,observation,satisfactory,2026-02-01,1,,,A01,\n"
            + "T001,EXWSAFE,RIIWHS201E,element:1,guessing,satisfactory,2026-02-01,1,,,A01,\n"
            + "T999,EXWSAFE,RIIWHS201E,element:1,observation,satisfactory,2026-02-31,1,,,A01,\n"
        let path = world.folder + "/bad.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try await world.service.importCSV(fileAt: path)
        #expect(report.written == 0)
        #expect(report.errors.map(\.line) == [3, 4, 5])
        #expect(report.errors[0].reason.contains("no performance criterion 9.9"))
        #expect(report.errors[1].reason.contains("guessing"))
        #expect(report.errors[2].reason.contains("2026-02-31"))
        #expect(try await world.service.store.allEntries().count == before)
    }

    @Test(arguments: Engine.all) func aGoodFileIsWrittenInOrderAndTheLedgerStillVerifies(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        var csv = Self.header
        for day in 1...9 {
            csv += "T001,EXWSAFE@1.1.0,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-0\(day),0.5,\"Mina, Saucito\",,A01,\n"
        }
        let path = world.folder + "/good.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try await world.service.importCSV(fileAt: path)
        #expect(report.errors.isEmpty)
        #expect(report.written == 9)
        let entries = try await world.service.store.entries(for: world.trainee).filter { $0.kind == .evidence }
        #expect(entries.map(\.date.day) == Array(1...9))
        #expect(entries.allSatisfy { $0.site == "Mina, Saucito" && $0.minutes == 30 })
        #expect(try await world.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all) func traineesFileAddsAllOrNothing(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let header = "id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title\n"
        let bad =
            header + "T002,Pérez,Ruiz,Luis,\(TestWorld.curps[1]),\(TestWorld.employer),Op,Op\n"
            + "T003,Mora,,Juan,BADCURP,\(TestWorld.employer),Op,Op\n"
        try bad.write(toFile: world.folder + "/t.csv", atomically: true, encoding: .utf8)
        let refused = try await world.service.importCSV(fileAt: world.folder + "/t.csv")
        #expect(refused.errors.map(\.line) == [3])
        #expect(try await world.service.store.trainees().count == 1)
        let good = header + "T002,Pérez,Ruiz,Luis,\(TestWorld.curps[1]),\(TestWorld.employer),Op,Op\n"
        try good.write(toFile: world.folder + "/t2.csv", atomically: true, encoding: .utf8)
        #expect(try await world.service.importCSV(fileAt: world.folder + "/t2.csv").written == 1)
        #expect(try await world.service.store.trainees().count == 2)
    }
}
