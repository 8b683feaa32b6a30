import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// `issue --cohort` signs with ``CredentialFactory`` over the cores: its tokens must be byte for
/// byte those `veta issue` writes for one trainee (the credential built in full in the site's time
/// zone, signed with the issuer's did:web `kid`).
@Suite struct CohortSigningTests {
    typealias Fixture = CredentialTemplateTests

    /// Property: for any items, site time zone and kid, the batch's tokens are the single issue's.
    @Test(arguments: ["America/Mexico_City", "America/Tijuana", "Pacific/Kiritimati", "UTC"])
    func batchTokensInTheSiteTimeZoneWithTheDIDKidAreTheSingleIssuesTokens(_ zone: String) async throws {
        var random = Fixture.Random(state: UInt64(zone.utf8.reduce(7) { $0 &* 31 &+ Int($1) }.magnitude))
        let timeZone = try #require(TimeZone(identifier: zone))
        let key = SigningKey()
        let issuer = Issuer(
            id: "https://capacitacion.example.mx:8443/veta", name: "Capacitación \"Norte\"", rfc: try RFC("CMN150101AB1"),
            stpsRegistration: "CAP-1", publicKey: key.publicKey.base64URL)
        let kid = try #require(issuer.keyID(for: key.publicKey))
        for curriculum in Fixture.curricula {
            let factory = try CredentialFactory(curriculum: curriculum, unit: nil, issuer: issuer, key: key, kid: kid, timeZone: timeZone)
            let items = try (0..<30).map { _ in try Fixture.item(&random, curriculum: curriculum, unit: nil) }
            let tokens = await factory.tokens(items, tasks: 2)
            for (item, token) in zip(items, tokens) {
                var credential = CredentialBuilder.credential(
                    serial: item.serial, curriculum: curriculum, unit: nil, trainee: item.trainee, issuer: issuer,
                    validFrom: item.validFrom,
                    validUntil: item.validUntil, salt: item.salt, achieved: item.achieved, timeZone: timeZone)
                if let checkpoint = item.checkpoint {
                    credential.evidence = [CredentialBuilder.checkpointEvidence(size: checkpoint.size, hash: checkpoint.hash)]
                }
                let single = try CredentialSigner(key, kid: kid).token(credential)
                #expect(try token.get() == single)
                #expect(try VCJWT.unverifiedCredential(String(decoding: single, as: UTF8.self)).kid == kid)
            }
        }
    }
}
