import Testing

@testable import VetaProgress

/// What a clerk sees is what the store holds: ids and names are normalised, invisible controls refused.
@Suite struct CleanTextTests {
    @Test(arguments: ["\u{00A0}T001", "T001\u{2007}", "\u{202F}T001\u{3000}", " T001 ", "\u{FEFF}T001\u{200B}"])
    func spacesOfEveryKindAreTrimmedFromIds(_ text: String) throws {
        #expect(try TraineeID(validating: text).rawValue == "T001")
    }

    @Test func decomposedAccentsAreStoredComposed() throws {
        let decomposed = "Nu\u{0301}n\u{0303}ez"
        #expect(try CleanText.clean(decomposed, field: "paternal_surname") == "Núñez")
        #expect(try CleanText.clean(decomposed, field: "paternal_surname").unicodeScalars.count == 5)
    }

    @Test func aNoBreakSpaceInsideANameBecomesAPlainSpace() throws {
        #expect(try CleanText.clean("Ana\u{00A0}María", field: "given_names") == "Ana María")
    }

    @Test(arguments: [0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9F, 0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069])
    func controlAndBidirectionalCharactersAreRefusedNamingTheField(_ value: UInt32) throws {
        let scalar = try Unicode.Scalar(value).unwrap("scalar")
        do {
            _ = try CleanText.clean("Ana" + String(Character(scalar)) + "x", field: "given_names")
            Issue.record("U+\(String(value, radix: 16)) was accepted")
        } catch {
            #expect(error.summary.hasPrefix("given_names: U+"))
            #expect(error.summary.contains("at character 4"))
        }
    }

    @Test func aNoteKeepsTabsAndLineBreaksButNotOtherControls() throws {
        #expect(try CleanText.clean("uno\tdos\r\ntres", field: "note", kind: .note) == "uno\tdos\ntres")
        #expect(throws: Refusal.self) { try CleanText.clean("uno\u{0}dos", field: "note", kind: .note) }
        #expect(throws: Refusal.self) { try CleanText.clean("uno\rdos", field: "note", kind: .note) }
        #expect(throws: Refusal.self) { try CleanText.clean("uno\tdos", field: "site") }
    }

    @Test func anIdOfOnlySpacesIsRefused() {
        #expect(throws: Refusal.self) { try AssessorID(validating: "\u{00A0}\u{3000}") }
    }

    @Test func plainASCIIIsUnchanged() throws {
        #expect(try CleanText.clean("Mina Saucito, nivel 3", field: "site") == "Mina Saucito, nivel 3")
    }
}
