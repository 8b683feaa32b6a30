import Foundation

extension OfflineVerifier {
    /// The check of a credential signed with a key its DID document marks `revoked` (retired as
    /// compromised); nil when the key is in good standing.
    ///
    /// W3C Controlled Identifiers 1.0 ("Revocation Semantics"): a revocation is not retroactive only
    /// when the time a signature was made can be reliably known; otherwise the only safe course is to
    /// reject every signature of the key. So: a credential valid from the revocation instant on is
    /// NOT VALID (it was necessarily signed after it); with only a DID document, the credential's
    /// dates are its signer's word, and every credential of the key is NOT VALID; with the issuer's
    /// site, whose publication record follows from the issuer's log, an earlier credential stands when
    /// the site publishes it as VALID, and is NOT VALID when it publishes it as KEY COMPROMISED.
    static func keyRevocationCheck(
        kid: String, document: DIDDocument, site: String?, token: String, credential: AchievementCredential, serial: String
    ) -> VerificationReport.Check? {
        guard let method = document.verificationMethod.first(where: { $0.id == kid }), let revoked = method.revoked else { return nil }
        func compromised(_ why: String) -> VerificationReport.Check {
            .init(
                name: VerificationReport.keyCompromised, passed: false,
                detail: "KEY COMPROMISED: \(kid) is revoked in the issuer's DID document since \(revoked); \(why)")
        }
        guard let revokedAt = RFC3339.date(revoked) else { return compromised("its revocation date does not read") }
        if let from = RFC3339.date(credential.validFrom), from >= revokedAt {
            return compromised("this credential is valid from \(credential.validFrom), so it was signed after that")
        }
        guard let site else {
            return compromised(
                "without the issuer's site the date a credential claims is only its signer's word, so nothing this key signed is "
                    + "trusted: give the site folder (--did-document SITE) or verify with the issuer's store")
        }
        let published = PublishedRecordStatus.check(token: token, serial: serial, site: site)
        if published.name == VerificationReport.keyCompromised { return published }
        guard published.passed || published.name != "publication" else {
            return compromised("the issuer's site does not publish this credential as issued before then")
        }
        return .init(
            name: "key", passed: true,
            detail: "\(kid) is revoked since \(revoked), but the issuer's site publishes \(serial) as issued before then: it stands")
    }
}
