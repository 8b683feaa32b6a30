import Foundation
import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

@testable import veta

/// Hours follow one rule, ``EvidenceHours``, whether typed as `veta record --hours` or read from
/// the `hours` column of `veta import`: the same values are accepted, with the same minutes, and
/// the same values refused, in the same words (import adds where a decimal comma is read).
@Suite struct HoursRuleTests {
    static let alphabet: [String] = ["0", "1", "2", "4", "5", "9", ".", ",", "-", "e", "\u{FF11}", "\u{00A0}", " ", "x", "00", "24"]
    static let header = "trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor"

    /// A store with the example curriculum, an employer, an assessor and trainee T001 enrolled.
    static func store() async throws -> (ProgressService, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veta-hours-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let service = ProgressService(store: try SQLiteProgressStore(path: folder + "/store.sqlite"), validator: try CurriculumValidator())
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (result, _) = try await service.publish(fileAt: root.appendingPathComponent("Examples/valid-working-safely.xml").path)
        guard let curriculum = result.curriculum else { throw Refusal("the example curriculum does not validate") }
        let ref = CurriculumRef(code: curriculum.code, version: curriculum.version)
        let rfc = try RFC("MFR110315AB1")
        try await service.store.add(Organisation(rfc: rfc, name: "Minera Fresnillo", sites: []))
        try await service.store.add(
            Trainee(
                id: TraineeID("T001"), paternalSurname: "García", maternalSurname: "", givenNames: "Ana",
                curp: try CURP("GALA900101MZSRPN05"),
                employer: rfc, occupation: "Operadora", jobTitle: "Operadora"))
        try await service.store.add(
            Assessor(
                id: AssessorID("A01"), name: "Luis Pérez", accreditation: "EV-1", units: [UnitCode("RIIWHS201E")],
                publicKey: SigningKey().publicKey.base64URL))
        _ = try await service.enrol(TraineeID("T001"), in: ref, on: CalendarDate("2026-01-05") ?? .earliest)
        return (service, folder)
    }

    /// For random texts, a row of a comma-separated file is refused for its hours exactly when
    /// `--hours` refuses the text, in the words `--hours` prints, and both keep the same minutes.
    @Test func importAndTheHoursArgumentAgreeOnEveryText() async throws {
        await propertyCheck(count: 12, input: Gen.int(in: 0...(Self.alphabet.count - 1)).array(of: 1...6).array(of: 20)) { picks in
            var texts: [String] = []
            for pick in picks {
                var text = pick.map { Self.alphabet[$0] }.joined()
                // Import trims spaces around a cell, as it cleans every cell; compare texts it keeps as written.
                if text.first?.isWhitespace == true { text = "1" + text }
                if text.last?.isWhitespace == true { text += "1" }
                if !texts.contains(text) { texts.append(text) }
            }
            do {
                let (service, folder) = try await Self.store()
                let rows = texts.map { "T001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,\"\($0)\",,,A01" }
                let path = folder + "/hours.csv"
                try Data(([Self.header] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
                let report = try await service.importCSV(fileAt: path)
                let stored = try await service.store.entries(ofKinds: [.evidence])
                for (index, text) in texts.enumerated() {
                    // The one difference by design: import says where a decimal comma is read.
                    let reason = report.errors.first { $0.line == index + 2 }?.reason
                        .replacingOccurrences(of: ", which is read only in ;-separated files", with: "")
                    switch Result(catching: { () throws(Refusal) in try HoursArgument.parse(text) }) {
                    case .success(let argument):
                        #expect(reason == nil, "\(text): --hours takes it, import says \(reason ?? "")")
                        if report.errors.isEmpty { #expect(stored[index].minutes == argument.minutes, "\(text)") }
                    case .failure(let refusal):
                        #expect(
                            reason?.contains(refusal.summary) == true,
                            "\(text): --hours says \(refusal.summary), import \(reason ?? "nothing")")
                    }
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// The values the outside tester found imported although `--hours` refused them.
    @Test(arguments: ["0", "0.00000000000000000000001", "24.0001", "1.234,5", "1\u{00A0},5", "\u{FF11},\u{FF15}"])
    func valuesOutsideTheRuleAreRefusedBothWays(_ text: String) throws {
        #expect(HoursArgument(argument: text) == nil)
        #expect(throws: Refusal.self) { try EvidenceHours(text, decimalComma: true) }
    }
}
