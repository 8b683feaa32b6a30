import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// `veta import` of files as clerks save them from Excel.
@Suite struct SpreadsheetImportTests {
    static let evidenceHeader = "trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor"
    static let traineeHeader = "id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title"

    static func write(_ bytes: [UInt8], in world: TestWorld, as name: String = "in.csv") throws -> String {
        let path = world.folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func refusal(_ work: () async throws -> ImportReport) async -> Refusal? {
        do {
            _ = try await work()
            return nil
        } catch let refusal as Refusal {
            return refusal
        } catch {
            return Refusal("unexpected \(error)")
        }
    }

    @Test(arguments: Engine.all) func excelCSVUTF8WithByteOrderMarkAndCRLFImports(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let text = Self.traineeHeader + "\r\n\u{00A0}T002\u{00A0},Núñez,Ruiz,José,\(TestWorld.curps[1]),\(TestWorld.employer),Op,Op\r\n"
        let report = try await world.service.importCSV(fileAt: try Self.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), in: world))
        #expect(report.written == 1)
        let stored = try await world.service.store.trainee(TraineeID("T002"))
        #expect(stored?.paternalSurname == "Núñez")
    }

    @Test(arguments: Engine.all) func windows1252IsRefusedByDefaultAndStoredRightWhenNamed(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let text = Self.traineeHeader + "\r\nT002,Núñez,Ruiz,José,\(TestWorld.curps[1]),\(TestWorld.employer),Op,Op\r\n"
        let cp1252 = text.unicodeScalars.map { UInt8($0.value) }  // all Latin-1, which Windows-1252 writes as is
        let path = try Self.write(cp1252, in: world)
        let refused = await Self.refusal { try await world.service.importCSV(fileAt: path) }
        #expect(refused?.reasons.first?.hasPrefix("line 2: not UTF-8") == true)
        #expect(try await world.service.store.trainees().count == 1)
        let report = try await world.service.importCSV(fileAt: path, options: ImportOptions(encoding: .windows1252))
        #expect(report.written == 1)
        let stored = try await world.service.store.trainee(TraineeID("T002"))
        #expect(stored?.paternalSurname == "Núñez")
        #expect(stored?.givenNames == "José")
    }

    @Test(arguments: Engine.all) func aHeaderNamingAColumnTwiceIsRefused(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let path = try Self.write(Array("trainee,curriculum,date,Trainee\nT001,EXWSAFE,2026-01-05,T001\n".utf8), in: world)
        let refused = await Self.refusal { try await world.service.importCSV(fileAt: path) }
        #expect(refused?.summary.contains("names column trainee twice (columns 1 and 4)") == true)
    }

    @Test(arguments: Engine.all) func semicolonFilesAreReadAndTheirHoursMayHaveADecimalComma(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let text =
            Self.evidenceHeader.replacingOccurrences(of: ",", with: ";")
            + "\r\nT001;EXWSAFE;RIIWHS201E;criterion:1.1;observation;satisfactory;2026-02-01;1,5;Mina Saucito, nivel 3;;A01\r\n"
        let report = try await world.service.importCSV(fileAt: try Self.write(Array(text.utf8), in: world))
        #expect(report.written == 1)
        let entry = try await world.service.store.entries(for: world.trainee).last
        #expect(entry?.minutes == 90)
        #expect(entry?.site == "Mina Saucito, nivel 3")
    }

    @Test(arguments: Engine.all) func aDecimalCommaInACommaSeparatedFileIsRefusedWithTheFix(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let text = Self.evidenceHeader + "\nT001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,\"1,5\",,,A01\n"
        let report = try await world.service.importCSV(fileAt: try Self.write(Array(text.utf8), in: world))
        #expect(report.written == 0)
        #expect(report.errors.first?.reason.contains("write 1.5") == true)
    }

    @Test(arguments: Engine.all) func aControlCharacterInANoteIsRefusedNamingLineAndField(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let before = try await world.service.store.allEntries().count
        let text = Self.evidenceHeader + "\nT001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,ok\u{0}cut,A01\n"
        let report = try await world.service.importCSV(fileAt: try Self.write(Array(text.utf8), in: world))
        #expect(report.errors.map(\.line) == [2])
        #expect(report.errors.first?.reason.hasPrefix("note: U+0000 (NUL)") == true)
        #expect(try await world.service.store.allEntries().count == before)
    }

    @Test(arguments: Engine.all) func aNoteWithTabsAndLineBreaksIsStoredWholeAndTheLedgerVerifies(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let text =
            Self.evidenceHeader
            + "\r\nT001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,\"uno\tdos\r\ntres\",A01\r\n"
        #expect(try await world.service.importCSV(fileAt: try Self.write(Array(text.utf8), in: world)).written == 1)
        #expect(try await world.service.store.entries(for: world.trainee).last?.note == "uno\tdos\ntres")
        #expect(try await world.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all) func aBidirectionalOverrideInANameIsRefused(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let text = Self.traineeHeader + "\nT002,Pérez,Ruiz,Lu\u{202E}is,\(TestWorld.curps[1]),\(TestWorld.employer),Op,Op\n"
        let report = try await world.service.importCSV(fileAt: try Self.write(Array(text.utf8), in: world))
        #expect(report.errors.first?.reason.hasPrefix("given_names: U+202E (RIGHT-TO-LEFT OVERRIDE) at character 3") == true)
    }

    @Test(arguments: Engine.all) func aRowRepeatedWithinTheFileIsReportedWithTheEarlierLine(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let row = "T001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,,A01\n"
        let text =
            Self.evidenceHeader + "\n" + row + "T001,EXWSAFE,RIIWHS201E,element:1,observation,satisfactory,2026-02-01,1,,,A01\n"
            + row.replacingOccurrences(of: "T001", with: "T001\u{00A0}")
        let report = try await world.service.importCSV(fileAt: try Self.write(Array(text.utf8), in: world))
        #expect(report.errors.map(\.line) == [4])
        #expect(report.errors.first?.reason.hasPrefix("repeats line 2 ") == true)
    }

    @Test(arguments: Engine.all) func evidenceAlreadyInTheStoreIsRefusedUnlessAllowed(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let text =
            Self.evidenceHeader + "\nT001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,,A01\n"
            + "T001,EXWSAFE,RIIWHS201E,criterion:1.2,observation,satisfactory,2026-02-01,1,,,A01\n"
        let first = try Self.write(Array(text.utf8), in: world)
        #expect(try await world.service.importCSV(fileAt: first).written == 2)
        let again = text + "T001,EXWSAFE,RIIWHS201E,element:2,observation,satisfactory,2026-02-02,1,,,A01\n"
        let path = try Self.write(Array(again.utf8), in: world, as: "again.csv")
        let refused = await Self.refusal { try await world.service.importCSV(fileAt: path) }
        #expect(
            refused?.summary == "2 of 3 rows are already in the store (first: line 2); pass --allow-repeat to import them again")
        let count = try await world.service.store.allEntries().count
        let allowed = try await world.service.importCSV(fileAt: path, options: ImportOptions(allowRepeat: true))
        #expect(allowed.written == 3 && allowed.alreadyStored == 2)
        // The three rows and the `import` entry that marks them.
        #expect(try await world.service.store.allEntries().count == count + 3 + 1)
    }

    @Test(arguments: Engine.all) func traineesAlreadyInTheStoreAreSkippedOnlyWhenAllowed(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let text =
            Self.traineeHeader + "\nT001,García,López,Ana María,\(TestWorld.curps[0]),\(TestWorld.employer),Operadora,Operadora\n"
            + "T002,Pérez,Ruiz,Luis,\(TestWorld.curps[1]),\(TestWorld.employer),Op,Op\n"
        let path = try Self.write(Array(text.utf8), in: world)
        let refused = await Self.refusal { try await world.service.importCSV(fileAt: path) }
        #expect(refused?.summary.hasPrefix("1 of 2 rows are already in the store (first: line 2)") == true)
        #expect(try await world.service.store.trainees().count == 1)
        let allowed = try await world.service.importCSV(fileAt: path, options: ImportOptions(allowRepeat: true))
        #expect(allowed.written == 1 && allowed.alreadyStored == 1)
        #expect(try await world.service.store.trainees().count == 2)
    }

    @Test(arguments: Engine.all) func theStoreCleansWhatTraineeAddGivesIt(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.service.store.add(
            Trainee(
                id: TraineeID("\u{3000}T009 "), paternalSurname: "Nu\u{0301}n\u{0303}ez", maternalSurname: "", givenNames: "José",
                curp: try CURP(TestWorld.curps[2]), employer: try RFC(TestWorld.employer), occupation: "Op", jobTitle: "Op"))
        #expect(try await world.service.store.trainee(TraineeID("T009"))?.paternalSurname == "Núñez")
        await #expect(throws: Refusal.self) {
            try await world.service.store.add(
                Trainee(
                    id: TraineeID("T010\u{202E}"), paternalSurname: "X", maternalSurname: "", givenNames: "Y",
                    curp: try CURP("PERL850607HZSRRS04"), employer: try RFC(TestWorld.employer), occupation: "Op", jobTitle: "Op"))
        }
    }

    @Test(arguments: Engine.all) func enrolAndRecordCleanTheIdsTheyAreGivenAndTheStoreRefusesUncleanOnes(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let entry = try await world.service.enrol(TraineeID("\u{00A0}T001\u{3000}"), in: world.ref, on: TestWorld.day("2026-01-05"))
        #expect(entry.trainee == world.trainee)
        var evidence = world.evidence("RIIWHS201E", .element(1))
        evidence.trainee = TraineeID("T001\u{202F}")
        evidence.note = "visto en\tcampo"
        let recorded = try await world.service.record(evidence)
        #expect(recorded.trainee == world.trainee && recorded.note == "visto en\tcampo")
        await #expect(throws: Refusal.self) { try await world.service.store.append([evidence]) { _ in } }
        evidence.trainee = world.trainee
        evidence.note = "cut\u{0}short"
        await #expect(throws: Refusal.self) { try await world.service.record(evidence) }
        #expect(try await world.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all) func enrolmentsAlreadyInTheStoreAreSkippedOnlyWhenAllowedAndAnotherDateIsRefused(engine: Engine)
        async throws
    {
        let world = try await TestWorld.make(engine: engine)
        let path = try Self.write(Array("trainee,curriculum,date\nT001,EXWSAFE,2026-01-05\n".utf8), in: world)
        let refused = await Self.refusal { try await world.service.importCSV(fileAt: path) }
        #expect(refused?.summary.hasPrefix("1 of 1 rows are already in the store (first: line 2)") == true)
        let allowed = try await world.service.importCSV(fileAt: path, options: ImportOptions(allowRepeat: true))
        #expect(allowed.written == 0 && allowed.alreadyStored == 1)
        let other = try Self.write(Array("trainee,curriculum,date\nT001,EXWSAFE,2026-01-06\n".utf8), in: world, as: "other.csv")
        let report = try await world.service.importCSV(fileAt: other, options: ImportOptions(allowRepeat: true))
        #expect(report.errors.first?.reason.contains("already enrolled") == true)
    }
}
