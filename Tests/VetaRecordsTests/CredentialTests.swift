import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// Credentials are built from the curriculum, never expose the CURP, and round-trip through VC-JWT.
@Suite struct CredentialTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture() throws -> (Curriculum, Trainee, Issuer, SigningKey) {
        let path = root.appendingPathComponent("Curricula/operator-haul-truck.xml").path
        let curriculum = try #require(try CurriculumValidator().validate(fileAt: path).curriculum)
        let trainee = Trainee(
            id: TraineeID("T1"), paternalSurname: "García", maternalSurname: "López", givenNames: "Ana",
            curp: try CURP("GALA900101MZSRPN05"),
            employer: try RFC("MFR110315AB1"), occupation: "Operadora", jobTitle: "Operadora")
        let key = SigningKey()
        let issuer = Issuer(
            id: "https://capacitacion.example.mx", name: "Capacitación", rfc: try RFC("CMN150101AB1"), stpsRegistration: "CAP-1",
            publicKey: key.publicKey.base64URL)
        return (curriculum, trainee, issuer, key)
    }

    @Test func credentialNeverContainsTheCURPAndUsesItsSaltedHash() throws {
        let (curriculum, trainee, issuer, _) = try Self.fixture()
        let credential = CredentialBuilder.credential(
            serial: "VETA-2026-000001", curriculum: curriculum, unit: nil, trainee: trainee, issuer: issuer,
            validFrom: try #require(CalendarDate("2026-11-12")), validUntil: CalendarDate("2027-11-12"), salt: "00ff")
        let json = String(decoding: try JSONEncoder().encode(credential), as: UTF8.self)
        #expect(!json.contains("GALA900101MZSRPN05"))
        let identity = try #require(credential.credentialSubject.identifier.first)
        #expect(identity.identityHash == "sha256$" + SHA256Hex.of(Array("GALA900101MZSRPN0500ff".utf8)))
        #expect(credential.credentialSubject.achievement.achievementType == "Certification")
        #expect(credential.credentialSubject.achievement.creditsAvailable == Double(curriculum.volumeOfLearningHours))
        #expect(
            credential.credentialSubject.achievement.alignment?.contains { $0.targetCode?.hasPrefix("NOM-023-STPS-2012") == true } == true)
    }

    @Test func unitCredentialIsACompetencyWithTheUnitCodeAndHours() throws {
        let (curriculum, trainee, issuer, _) = try Self.fixture()
        let unit = try #require(curriculum.units.first)
        let credential = CredentialBuilder.credential(
            serial: "S", curriculum: curriculum, unit: unit, trainee: trainee, issuer: issuer,
            validFrom: try #require(CalendarDate("2026-11-12")), validUntil: nil, salt: "aa")
        #expect(credential.credentialSubject.achievement.achievementType == "Competency")
        #expect(credential.credentialSubject.achievement.humanCode == unit.code.rawValue)
        #expect(credential.credentialSubject.achievement.creditsAvailable == Double(unit.hours))
        #expect(credential.validUntil == nil)
    }

    @Test func signedCredentialVerifiesWithItsKeyAndNotWithAnother() async throws {
        let (curriculum, trainee, issuer, key) = try Self.fixture()
        let credential = CredentialBuilder.credential(
            serial: "S", curriculum: curriculum, unit: nil, trainee: trainee, issuer: issuer,
            validFrom: try #require(CalendarDate("2026-11-12")), validUntil: CalendarDate("2027-11-12"), salt: "aa")
        let token = try await VCJWT.sign(credential, with: key)
        #expect(try await VCJWT.verify(token, with: key.publicKey) == credential)
        await #expect(throws: RecordError.self) { try await VCJWT.verify(token, with: SigningKey().publicKey) }
        let (kid, unverified) = try VCJWT.unverifiedCredential(token)
        #expect(kid == VCJWT.didKey(key.publicKey))
        #expect(unverified.id == "urn:veta:record:S")
    }
}

@Suite struct RFC3339Tests {
    @Test(arguments: ["1970-01-01T00:00:00Z", "2000-02-29T12:34:56Z", "2026-11-12T00:00:00Z", "2100-03-01T23:59:59Z"])
    func parsingAgreesWithFoundation(_ text: String) throws {
        let formatter = ISO8601DateFormatter()
        #expect(RFC3339.date(text) == formatter.date(from: text))
    }

    @Test func otherFormsAreRefused() {
        #expect(RFC3339.date("2026-11-12") == nil)
        #expect(RFC3339.date("2026-13-12T00:00:00Z") == nil)
    }
}
