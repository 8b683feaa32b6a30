import PropertyBased
import Testing

@testable import VetaProgress

/// What the DC-3 prints about the worker and the employer may not be empty once cleaned, whatever
/// path stores it; a maternal surname may be empty (people with one surname).
@Suite struct RequiredTextTests {
    static let spaces: [String] = ["", " ", "\u{00A0}", "\u{202F}", "\u{2007}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\t"]
    static let fields = ["paternal_surname", "given_names", "occupation", "job_title"]

    static func trainee(blank field: String, with text: String) throws -> Trainee {
        func value(_ name: String) -> String { name == field ? text : "X" }
        return Trainee(
            id: TraineeID("T9"), paternalSurname: value("paternal_surname"), maternalSurname: "", givenNames: value("given_names"),
            curp: try CURP("GALA900101MZSRPN05"), employer: try RFC("MFR110315AB1"), occupation: value("occupation"),
            jobTitle: value("job_title"))
    }

    /// Every required field made only of spaces of any kind is refused as "<field> is empty".
    @Test func aRequiredTraineeFieldOfOnlySpacesIsRefusedAsEmpty() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 0...(Self.spaces.count - 1)).array(of: 0...4), Gen.int(in: 0...(Self.fields.count - 1))
        ) { picks, which in
            let blank = picks.map { Self.spaces[$0] }.joined().replacingOccurrences(of: "\t", with: " ")
            let field = Self.fields[which]
            do {
                _ = try Self.trainee(blank: field, with: blank).validated()
                Issue.record("\(field) '\(blank)' was accepted")
            } catch let refusal as Refusal {
                #expect(refusal.summary == field.replacingOccurrences(of: "_", with: " ") + " is empty", "\(refusal.summary)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func aMaternalSurnameMayBeEmpty() throws {
        let trainee = try Self.trainee(blank: "none", with: "").validated()
        #expect(trainee.maternalSurname == "")
    }

    @Test func anEmployerWithoutANameIsRefused() throws {
        #expect(throws: Refusal("name is empty", reasons: ["give the name; the DC-3 constancia prints it"])) {
            try Organisation(rfc: try RFC("MFR110315AB1"), name: "\u{00A0} ", sites: []).validated()
        }
    }

    @Test(arguments: Engine.all) func theStoreRefusesATraineeWithAnEmptyPaternalSurname(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let trainee = try Self.trainee(blank: "paternal_surname", with: " ")
        await #expect(throws: Refusal.self) { try await world.service.store.add(trainee) }
        #expect(try await world.service.store.trainee(TraineeID("T9")) == nil)
    }
}
