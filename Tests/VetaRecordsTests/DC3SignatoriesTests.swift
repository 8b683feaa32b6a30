import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// The DC-3 is the complete STPS form: the employer's legal representative, the workers'
/// representative of the mixed commission (more than 50 workers), the occupation's catalogue key.
@Suite struct DC3SignatoriesTests {
    static func organisation(workers: Int?, representative: String?) throws -> Organisation {
        Organisation(
            rfc: try RFC("MFR110315AB1"), name: "Minera Fresnillo", sites: ["Mina Saucito"],
            legalRepresentative: "Lic. Begoña Güémez Treviño", workersRepresentative: representative, workers: workers)
    }

    static func constancia(_ organisation: Organisation?, trainee: Trainee? = nil) throws -> DC3Constancia {
        let (curriculum, fixtureTrainee, issuer, _) = try CredentialTests.fixture()
        return DC3Mapping.constancia(
            serial: "S2", trainee: trainee ?? fixtureTrainee, organisation: organisation, curriculum: curriculum, unit: nil, issuer: issuer,
            enrolledOn: try #require(CalendarDate("2026-01-05")), completedOn: try #require(CalendarDate("2026-11-12")),
            instructor: "Luis Pérez", credentialSerial: "S", credentialHash: "00")
    }

    @Test func theLegalRepresentativeAndTheWorkersRepresentativeOfAMixedCommissionSign() throws {
        let signatures = try Self.constancia(try Self.organisation(workers: 320, representative: "Íñigo Ordóñez Cañas")).signatures
        #expect(signatures.employerRepresentative == "Lic. Begoña Güémez Treviño")
        #expect(signatures.workersRepresentative == "Íñigo Ordóñez Cañas")
    }

    @Test(arguments: [0, 1, 50, 51, 500])
    func theWorkersRepresentativeLineIsThereExactlyWhenTheEmployerHasMoreThan50Workers(_ workers: Int) throws {
        let signatures = try Self.constancia(try Self.organisation(workers: workers, representative: nil)).signatures
        #expect((signatures.workersRepresentative != nil) == (workers > 50))
    }

    @Test func theOccupationCarriesItsCatalogueKey() throws {
        let (curriculum, trainee, _, _) = try CredentialTests.fixture()
        // The curriculum's one SINCO occupation, unless the trainee has a key of their own.
        let sinco = try #require(curriculum.occupations.first?.sinco)
        #expect(try Self.constancia(nil).worker.occupation == "\(sinco) \(trainee.occupation)")
        var own = trainee
        own.occupationKey = "8341"
        #expect(try Self.constancia(nil, trainee: own).worker.occupation == "8341 \(trainee.occupation)")
    }

    @Test func anOrganisationWithoutSignatoriesKeepsItsVersion3BytesAndOneWithThemIsVersion4() throws {
        let plain = Organisation(rfc: try RFC("MFR110315AB1"), name: "Minera Fresnillo", sites: ["Mina Saucito"])
        let date = try #require(CalendarDate("2026-11-30"))
        let old = LedgerEntry.registry(.organisation, subject: "MFR110315AB1", fields: plain.registryFields, date: date)
        let text = String(decoding: LedgerCanonicalEncoding.bytes(of: old), as: UTF8.self)
        #expect(text.contains(#""v":3"#) && !text.contains("legalRepresentative") && !text.contains("workers"))
        let signed = try Self.organisation(workers: 320, representative: "Íñigo Ordóñez Cañas")
        let new = LedgerEntry.registry(.organisation, subject: "MFR110315AB1", fields: signed.registryFields, date: date)
        let newText = String(decoding: LedgerCanonicalEncoding.bytes(of: new), as: UTF8.self)
        #expect(newText.contains(#""v":4"#) && newText.contains(#""workers":"320""#) && newText.contains("Begoña"))
        #expect(Organisation(rfc: signed.rfc, registryFields: signed.registryFields) == signed)
    }

    @Test func theFormCarriesTheSTPSHeadingAndBothRepresentatives() throws {
        let pdf = try DC3Renderer.pdf(for: try Self.constancia(try Self.organisation(workers: 320, representative: "Íñigo Ordóñez Cañas")))
        let words = try DC3LongNamesTests.words(pdf).joined(separator: " ")
        #expect(words.contains("SECRETARÍA DEL TRABAJO Y PREVISIÓN SOCIAL"))
        #expect(words.contains("Begoña Güémez Treviño") && words.contains("Íñigo Ordóñez Cañas"))
    }
}
