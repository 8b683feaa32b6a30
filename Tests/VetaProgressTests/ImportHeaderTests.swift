import Foundation
import Testing

@testable import VetaProgress

/// The header of an imported file as spreadsheets write it, and messages that say what is really
/// wrong with a file, naming line and column.
@Suite struct ImportHeaderTests {
    typealias Sheet = SpreadsheetImportTests

    static func importing(_ text: String, options: ImportOptions = ImportOptions(), engine: Engine = .sqlite) async throws -> (
        Result<ImportReport, Refusal>, TestWorld
    ) {
        let world = try await TestWorld.make(engine: engine)
        let path = try Sheet.write(Array(text.utf8), in: world)
        do {
            return (.success(try await world.service.importCSV(fileAt: path, options: options)), world)
        } catch let refusal as Refusal {
            return (.failure(refusal), world)
        }
    }

    static let trainee = "T002,Núñez,Ruiz,José,\(TestWorld.curps[1]),\(TestWorld.employer),Op,Op"

    @Test(arguments: Engine.all) func excelsTrailingEmptyColumnsAreDroppedWhenEveryCellUnderThemIsEmpty(engine: Engine) async throws {
        let (result, world) = try await Self.importing(Sheet.traineeHeader + ",,,\r\n" + Self.trainee + ",,,\r\n", engine: engine)
        #expect(try result.get().written == 1)
        #expect(try await world.service.store.trainee(TraineeID("T002"))?.jobTitle == "Op")
    }

    @Test func aTrailingColumnWithoutANameButWithDataIsRefusedNamingItAndTheLine() async throws {
        let (result, _) = try await Self.importing(Sheet.traineeHeader + ",,\n" + Self.trainee + ",,x\n")
        guard case .failure(let refusal) = result else {
            Issue.record("imported")
            return
        }
        #expect(refusal.summary.hasSuffix(":1: column 10 has no name, but line 2 has a value in it"), "\(refusal.summary)")
    }

    @Test func anEmptyHeaderColumnBetweenNamedOnesIsRefusedAsHavingNoName() async throws {
        let (result, _) = try await Self.importing("trainee,,curriculum,date\nT001,x,EXWSAFE,2026-01-05\n")
        guard case .failure(let refusal) = result else {
            Issue.record("imported")
            return
        }
        #expect(refusal.summary.hasSuffix(":1: column 2 has no name"), "\(refusal.summary)")
    }

    @Test func aHeaderPastedTwiceIsRefusedNamingTheLine() async throws {
        let (result, _) = try await Self.importing(
            Sheet.traineeHeader + "\r\n" + Sheet.traineeHeader.uppercased() + "\r\n" + Self.trainee + "\r\n")
        guard case .failure(let refusal) = result else {
            Issue.record("imported")
            return
        }
        #expect(refusal.summary.hasSuffix(":2: line 2 repeats the header"), "\(refusal.summary)")
    }

    @Test(arguments: Engine.all, ["criterion: 1.1", "criterion:\u{00A0}1.1", "Criterion:1.1", "criterion:1.1.1", "element:0"])
    func aMalformedTargetIsReportedAsAFormatProblemNotAMissingCriterion(engine: Engine, _ target: String) async throws {
        let row = "T001,EXWSAFE,RIIWHS201E,\"\(target)\",observation,satisfactory,2026-02-01,1,,,A01"
        let (result, _) = try await Self.importing(Sheet.evidenceHeader + "\n" + row + "\n", engine: engine)
        let reason = try result.get().errors.first?.reason ?? ""
        #expect(reason.hasPrefix("target '"), "\(reason)")
        #expect(reason.contains("' is not one of unit, element:N, criterion:N.M, knowledge:ID"), "\(reason)")
        #expect(!reason.contains("has no performance criterion"), "\(reason)")
    }

    @Test func aSepLineThatDisagreesWithTheHeaderSaysWhichSeparatorIsWhich() async throws {
        let (result, _) = try await Self.importing("sep=,\n" + Sheet.traineeHeader.replacingOccurrences(of: ",", with: ";") + "\n")
        guard case .failure(let refusal) = result else {
            Issue.record("imported")
            return
        }
        #expect(
            refusal.summary.hasSuffix("the header is separated by ';', but the separator in use is ',' (declared by the first line sep=)"))
    }

    @Test func aDelimiterOptionThatDisagreesWithTheHeaderSaysWhichSeparatorIsWhich() async throws {
        let (result, _) = try await Self.importing(
            "trainee,curriculum,date\nT001,EXWSAFE,2026-01-05\n", options: ImportOptions(delimiter: .semicolon))
        guard case .failure(let refusal) = result else {
            Issue.record("imported")
            return
        }
        #expect(refusal.summary.hasSuffix("the header is separated by ',', but the separator in use is ';' (given by --delimiter)"))
    }

    @Test(arguments: Engine.all) func aCURPAlreadyHeldNamesTheTraineeHoldingIt(engine: Engine) async throws {
        let row = "T002,Núñez,Ruiz,José,\(TestWorld.curps[0]),\(TestWorld.employer),Op,Op"
        let (result, _) = try await Self.importing(Sheet.traineeHeader + "\n" + row + "\n", engine: engine)
        #expect(try result.get().errors.first?.reason == "trainee T001 already has the CURP \(TestWorld.curps[0])")
    }
}
