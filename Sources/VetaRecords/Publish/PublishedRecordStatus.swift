import Foundation
import VetaProgress

/// What a site publishes about each credential it holds: `records/sha256/<hex>.json`, keyed by the
/// SHA-256 of the compact credential JWT, with the record's serial and state (`VALID`, `REVOKED`,
/// `SUPERSEDED`) as its page shows them. Keyed by the credential's hash, the file is found only by
/// someone who holds the credential. `veta verify --did-document SITE` reads it: a credential the
/// site does not publish is NOT VALID (a key can sign what the issuer never issued), a superseded
/// one is SUPERSEDED.
struct PublishedRecordStatus: Codable, Hashable, Sendable {
    /// The record's serial.
    let serial: String
    /// `VALID`, `REVOKED`, `SUPERSEDED` or `KEY COMPROMISED`.
    let state: String

    /// The site path of the status of the credential `token` (compact JWS; whitespace around it ignored).
    static func path(token: String) -> String {
        "records/sha256/\(SHA256Hex.of(Array(token.trimmingCharacters(in: .whitespacesAndNewlines).utf8))).json"
    }

    /// The check of `token` (whose claimed serial is `serial`) against the site folder `site`.
    static func check(token: String, serial: String, site: String) -> VerificationReport.Check {
        let file = site + "/" + path(token: token)
        guard let data = FileManager.default.contents(atPath: file) else {
            return .init(
                name: "publication", passed: false,
                detail:
                    "the site publishes no credential with these bytes (\(serial)): the issuer did not issue it, or the site was built before it"
            )
        }
        guard let status = try? JSONDecoder().decode(Self.self, from: data), status.serial == serial else {
            return .init(name: "publication", passed: false, detail: "the site's \(path(token: token)) does not describe \(serial)")
        }
        switch status.state {
        case "VALID": return .init(name: "publication", passed: true, detail: "the site publishes \(serial) as VALID")
        case "SUPERSEDED":
            return .init(name: "supersession", passed: false, detail: "SUPERSEDED: the site publishes \(serial) as replaced by a re-issue")
        case "REVOKED": return .init(name: "revocation", passed: false, detail: "REVOKED: the site publishes \(serial) as revoked")
        case "KEY COMPROMISED":
            return .init(
                name: VerificationReport.keyCompromised, passed: false,
                detail:
                    "KEY COMPROMISED: the site publishes \(serial) as signed with a key the issuer retired as compromised, on or after that day"
            )
        default:
            return .init(name: "publication", passed: false, detail: "the site publishes \(serial) in an unknown state \(status.state)")
        }
    }
}
