import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// A curriculum's `<dc3>` block (schema 1.1) gives the DC-3 its thematic area and course name; a
/// curriculum without one keeps the derived values.
@Suite struct DC3BlockTests {
    private static func constancia(_ file: String, unit: String? = nil) throws -> DC3Constancia {
        let (_, trainee, issuer, _) = try CredentialTests.fixture()
        let path = CredentialTests.root.appendingPathComponent(file).path
        let curriculum = try #require(try CurriculumValidator().validate(fileAt: path).curriculum)
        return DC3Mapping.constancia(
            serial: "S3", trainee: trainee, organisation: nil, curriculum: curriculum,
            unit: try unit.map { try #require(curriculum.unit(UnitCode($0))) }, issuer: issuer,
            enrolledOn: try #require(CalendarDate("2026-01-05")), completedOn: try #require(CalendarDate("2026-11-12")),
            instructor: "Luis Pérez", credentialSerial: "S", credentialHash: "00")
    }

    @Test func theDeclaredThematicAreaAndCourseNameArePrinted() throws {
        let programme = try Self.constancia("Examples/valid-dc3.xml").programme
        #expect(programme.thematicArea == "6000 Seguridad")
        #expect(programme.courseName == "Trabajo seguro en sitio minero (NOM-023-STPS-2012)")
    }

    @Test func aUnitsConstanciaKeepsTheUnitsNameAndTheCurriculumsArea() throws {
        let programme = try Self.constancia("Examples/valid-dc3.xml", unit: "RIIERR302D").programme
        #expect(programme.courseName == "RIIERR302D Responder a emergencias e incidentes locales")
        #expect(programme.thematicArea == "6000 Seguridad")
    }

    @Test func withoutTheBlockTheValuesAreDerivedAsBefore() throws {
        let programme = try Self.constancia("Examples/valid-working-safely.xml").programme
        #expect(programme.thematicArea == "6000 Seguridad")
        #expect(programme.courseName == "EXWSAFE Trabajo seguro en sitio minero")
    }
}
