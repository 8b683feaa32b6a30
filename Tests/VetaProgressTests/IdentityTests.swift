import Foundation
import PropertyBased
import Testing

@testable import VetaProgress

/// CURP and RFC are checked as the STPS forms require.
@Suite struct IdentityTests {
    @Test(arguments: TestWorld.curps)
    func validCURPsAreAccepted(_ curp: String) throws {
        #expect(try CURP(curp).rawValue == curp)
    }

    @Test func lowercaseCURPIsNormalised() throws {
        #expect(try CURP("gala900101mzsrpn05").rawValue == "GALA900101MZSRPN05")
    }

    @Test(arguments: [
        ("GALA900101MZSRPN04", "check digit"), ("GALA901301MZSRPN05", "date"), ("GALA900101QZSRPN05", "sex"),
        ("GALA900101MXXRPN05", "state"), ("GALA900101MZSRPN0", "18 characters"),
    ])
    func invalidCURPsAreRefusedWithTheReason(_ curp: String, _ reason: String) {
        do {
            _ = try CURP(curp)
            Issue.record("\(curp) was accepted")
        } catch {
            #expect(error.description.contains(reason), "\(error)")
        }
    }

    /// Any CURP built with the published check-digit algorithm is accepted, and changing its check digit is refused.
    @Test func checkDigitAlgorithmAgreesWithItsDefinition() async {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let consonants = Array("BCDFGHJKLMNPQRSTVWXYZ")
        await propertyCheck(
            count: 200, input: Gen.int(in: 0...25).array(of: 4), Gen.int(in: 0...99), Gen.int(in: 1...12), Gen.int(in: 1...28),
            Gen.int(in: 0...20).array(of: 3), Gen.int(in: 0...9)
        ) { head, year, month, day, tail, disambiguator in
            let body =
                String(head.map { letters[$0] }) + String(format: "%02d%02d%02d", year, month, day) + "HZS"
                + String(tail.map { consonants[$0] })
                + String(disambiguator)
            let alphabet = Array("0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ")
            let sum = body.enumerated().reduce(0) { $0 + (alphabet.firstIndex(of: $1.element) ?? 0) * (18 - $1.offset) }
            let check = (10 - sum % 10) % 10
            #expect((try? CURP(body + String(check))) != nil, "\(body)\(check)")
            #expect((try? CURP(body + String((check + 1) % 10))) == nil)
        }
    }

    @Test func companyAndPersonRFCsAreTold() throws {
        #expect(try RFC("MFR110315AB1").isCompany)
        #expect(try !RFC("GALA900101AB1").isCompany)
        #expect(throws: IdentityError.self) { try RFC("MFR111315AB1") }
        #expect(throws: IdentityError.self) { try RFC("MF1110315AB1") }
        #expect(throws: IdentityError.self) { try RFC("MFR110315") }
    }
}
