import Foundation
import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// The rules behind the outside tester's findings 1, 2, 5, 9 and 15: one issuer URL rule (the
/// did:web derivation's), an embedded did:key never making a credential VALID, and store-less
/// validity judged at an instant against nbf/exp.
@Suite struct OutsideFixesCTests {
    static let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    /// Every URL that breaks one part of the rule is refused, whatever valid URL it is spliced into.
    @Test func anIssuerURLBreakingTheRuleIsRefused() async {
        let breakers = [
            "http://h.mx", "https://h.mx?x=1", "https://h.mx/a/../b", "https://h.mx//b", "https://user:pw@h.mx", "https://h.mx#frag",
            "https://h.mx/a:b", "https://capacitación.mx", "https://[::1]:8443", "https://h.mx/a\"onmouseover=x", "https://h.mx/%2e%2e",
            "https://h.mx:0", "https://h.mx:99999", "https://h.mx:", "https://-h.mx", "https://h..mx", "https://h.mx/./a", "ftp://h.mx",
            "https://", "https://h.mx/a b",
        ]
        await propertyCheck(count: 200, input: Gen.int(in: 0...(breakers.count - 1)), Gen.int(in: 0...35).array(of: 0...6)) { which, path in
            let tail = path.isEmpty ? "" : "/" + String(path.map { Self.letters[$0] })
            let url = breakers[which] + (breakers[which].hasPrefix("https://h.mx") && !breakers[which].contains("#") ? tail : "")
            #expect(throws: RecordError.self, "\(url)") { try DIDWeb.did(issuerURL: url) }
        }
        #expect(throws: RecordError.self) {
            try DIDWeb.did(issuerURL: "https://h.mx/" + String(repeating: "a", count: IssuerURL.maximumLength))
        }
        #expect((try? DIDWeb.did(issuerURL: "https://xn--capacitacin-4db.mx:8443/a/b/")) == "did:web:xn--capacitacin-4db.mx%3A8443:a:b")
    }

    /// Case and trailing-slash variants of a URL derive the same did:web (so `issuer add` refuses them).
    @Test func variantsOfAURLShareItsDIDWeb() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...35).array(of: 1...10), Gen.int(in: 0...2)) { label, variant in
            let host = String(label.map { Self.letters[$0] }) + ".example.mx"
            let variants = ["https://" + host.uppercased(), "https://" + host + "/", "HTTPS://" + host]
            #expect((try? DIDWeb.did(issuerURL: variants[variant])) == (try? DIDWeb.did(issuerURL: "https://" + host)))
        }
    }

    /// A credential checked with only the did:key it carries is never VALID, and exits as not valid.
    @Test func anEmbeddedDIDKeyNeverMakesACredentialValid() async throws {
        let (curriculum, trainee, issuer, key) = try CredentialTests.fixture()
        let credential = CredentialBuilder.credential(
            serial: "VETA-2026-000042", curriculum: curriculum, unit: nil, trainee: trainee, issuer: issuer,
            validFrom: try #require(CalendarDate("2026-11-12")), validUntil: nil, salt: "aa")
        let token = try await VCJWT.sign(credential, with: key)
        let report = await OfflineVerifier.verify(
            Array(token.utf8), source: .embeddedDIDKey, asOf: try #require(CalendarDate("2026-12-01")))
        #expect(report.verdict == "SIGNATURE VALID, ISSUER NOT AUTHENTICATED")
        #expect(!report.isValid)
        #expect(report.checks.first { $0.name == "signature" }?.passed == true)
    }

    /// Without a store, a credential is valid from its nbf instant up to (not including) its exp instant.
    @Test func storeLessValidityFollowsTheInstants() async throws {
        let (curriculum, trainee, issuer, key) = try CredentialTests.fixture()
        let credential = CredentialBuilder.credential(
            serial: "VETA-2026-000042", curriculum: curriculum, unit: nil, trainee: trainee, issuer: issuer,
            validFrom: try #require(CalendarDate("2026-11-12")), validUntil: CalendarDate("2027-11-12"), salt: "aa")
        let token = try await VCJWT.sign(credential, with: key)
        let from = try #require(RFC3339.date(credential.validFrom))
        let until = try #require(credential.validUntil.flatMap(RFC3339.date))
        let day = try #require(CalendarDate("2027-01-01"))
        for (instant, valid) in [(from - 1, false), (from, true), (until - 1, true), (until, false)] {
            let report = await OfflineVerifier.verify(Array(token.utf8), source: .trustedKey(key.publicKey), asOf: day, at: instant)
            #expect(report.checks.first { $0.name == "validity" }?.passed == valid, "\(instant)")
        }
    }
}
