import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// Whether an issuer URL's record page fits the DC-3's verification code is measured with the
/// form's font metrics, not counted in characters.
@Suite struct VerificationCodeFitTests {
    /// Wide capitals under 80 characters do not fit; a 153-character URL of narrow letters does.
    @Test func wideCapitalsAreRefusedAndALongURLOfNarrowLettersFits() throws {
        let wide = ["https://" + String(repeating: "W", count: 55) + ".mx", "https://m.mx/" + String(repeating: "M", count: 63)]
        for url in wide {
            #expect(url.count < 80)
            #expect(throws: RecordError.self, "\(url)") { try VerificationCodeFit.require(issuerURL: url) }
        }
        let narrow =
            "https://" + String(repeating: "i", count: 60) + ".mx/" + String(repeating: "i", count: 60) + "/"
            + String(repeating: "l", count: 20)
        #expect(narrow.count > 150)
        try VerificationCodeFit.require(issuerURL: narrow)
        let (width, available) = try VerificationCodeFit.measure(issuerURL: narrow)
        #expect(width <= available)
    }

    /// Adding a letter never makes a URL fit that did not: the widths grow with the text, and the
    /// refusal flips exactly once along a growing run of one letter.
    @Test(arguments: ["W", "M", "i", "a"])
    func theRefusalFlipsOnceAsTheURLGrows(_ letter: String) throws {
        var previous: Float = 0
        var refused = false
        for count in stride(from: 1, through: 200, by: 7) {
            let url = "https://h.mx/" + String(repeating: letter, count: count)
            let (width, available) = try VerificationCodeFit.measure(issuerURL: url)
            #expect(width > previous)
            previous = width
            let fits = (try? VerificationCodeFit.require(issuerURL: url)) != nil
            #expect(fits == (width <= available))
            if refused { #expect(!fits) }
            refused = refused || !fits
        }
    }

    /// `issuer add` (the registry) refuses an issuer whose record page does not fit, writing nothing.
    @Test func theRegistryRefusesAnIssuerWhoseRecordPageDoesNotFit() async throws {
        let site = try await RecordLogTests.site()
        let url = "https://" + String(repeating: "W", count: 55) + ".mx"
        await #expect(throws: RecordError.self) {
            try await site.service.records.add(
                Issuer(id: url, name: "W", rfc: try RFC("CMN150101AB1"), stpsRegistration: nil, publicKey: SigningKey().publicKey.base64URL)
            )
        }
        #expect(try await site.service.records.issuer(url) == nil)
    }
}
