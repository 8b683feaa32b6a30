import ArgumentParser
import Foundation
import VetaProgress
import VetaRecords

struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an issued record offline: signature, issuer, registry, the log, revocation, validity.",
        discussion: """
            FILE is a credential (.jwt), a badge with a credential baked in (.png, .svg) or a DC-3 constancia (.pdf). Exit 0 when it verifies, 1 when
            it does not (the failing check says why: tampered, unknown key, revoked on date, expired on date).
            A credential and the DC-3 issued with it are one issuance: a revocation of either is
            reported by both. A record a re-issue replaced is NOT VALID, SUPERSEDED by its successor.
            A record is VALID only when the whole log verifies and the record's issue entry is in it,
            signed by its issuer: a log that does not verify (run `veta ledger verify`) makes no record VALID.

            Examples:
              veta verify records/VETA-2026-000001.jwt
              veta verify records/VETA-2026-000002.pdf --as-of 2027-12-01

            WITHOUT THE ISSUER'S STORE (a credential, or a badge carrying one; a DC-3 needs the store),
            give the issuer's key one of three ways. The report marks with -- each check it could not
            make and why: the registry always (the issuer's log was not consulted), and the status list
            unless a site folder is given.

              --did-document SITE   a folder veta site build wrote (or the web root holding it): the
                                    DID document (.well-known/did.json; for an issuer URL with a path,
                                    did:web:host:path, also SITE/path/did.json), the signed status list
                                    (revocation), and the site's record of what it published (a
                                    credential it does not publish is NOT VALID, a replaced one SUPERSEDED)
              --did-document FILE   a did.json alone: issuer and key only (no status list); a key the
                                    document marks revoked (retired as compromised) fails every credential
              --trusted-key KEY     a public key you trust (JWK file, multibase z6Mk… or base64url): the
                                    signature only; the issuer is not resolved
              --embedded-key        the did:key in the kid of a credential issued before did:web: proves
                                    who holds the key, not that the issuer does; never VALID, at best
                                    SIGNATURE VALID, ISSUER NOT AUTHENTICATED (exit 1)

            Examples:
              veta verify credential.jwt --did-document site                 # a site folder
              veta verify credential.jwt --did-document webroot              # did:web:host:cursos -> webroot/cursos/did.json
              veta verify credential.jwt --did-document site/.well-known/did.json
              veta verify badge.png --trusted-key keys/issuer.public.jwk
              veta verify old.jwt --embedded-key
              veta verify credential.jwt --did-document site --format json   # "unchecked" lists what was not checked

            A record signed with a key the issuer retired as compromised (veta issuer retire-key), issued
            on or after that day, is NOT VALID, KEY COMPROMISED.
            Without a store, validity is judged at the current instant against nbf/exp (validFrom/validUntil)
            unless --as-of names a day. Files above 16 MiB are refused unread (exit 2).
            """)

    @Argument(help: "The issued file.") var file: String
    @Option(help: ArgumentHelp("Verify as of this date, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd"))
    var asOf: DateArgument?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @Option(
        help: ArgumentHelp(
            "Verify without the store, with the issuer's DID document: a did.json file or a site folder (then its status list too).",
            valueName: "file|site-dir"))
    var didDocument: String?
    @Option(help: "Verify without the store, with this public key (JWK file, multibase z6Mk… or base64url).") var trustedKey: String?
    @Flag(help: "Verify without the store, with the did:key a credential issued before did:web carries in its kid.")
    var embeddedKey = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        let sources = [didDocument != nil, trustedKey != nil, embeddedKey].filter { $0 }.count
        guard sources <= 1 else { throw ValidationError("give one of --did-document, --trusted-key and --embedded-key") }
    }

    func run() async throws {
        try await runReporting(json: format == .json) {
            let data = try VerifyInput.read(file)
            // A baked badge (PNG or SVG) is verified as the credential it carries.
            let credential = Array(try BadgeBaker.credential(fromBadge: data).map { Data($0.utf8) } ?? data)
            let report: VerificationReport
            // The credential's issuer (unverified) only says where under a web root its did.json is.
            let token = String(decoding: credential, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if let source = try offlineSource(issuerDID: try? VCJWT.unverifiedCredential(token).credential.issuer.id) {
                // Without a store, no site zone defines "today": validity is judged at the instant (nbf/exp), unless --as-of names a day.
                let now = try SiteClock.currentInstant()
                report = await OfflineVerifier.verify(
                    credential, source: source, asOf: try asOf?.date ?? SiteClock(now: now, timeZone: .current).today,
                    at: asOf == nil ? now : nil)
            } else {
                let service = try store.openRecords(create: false)
                report = try await service.verify(credential, asOf: try await asOf.orToday(service.progress))
            }
            if format == .json {
                try printJSON(
                    report,
                    failure: report.isValid
                        ? nil
                        : (
                            "not-valid",
                            "\(file): " + (report.verdict == "NOT VALID" ? "NOT VALID" : "NOT VALID, \(report.verdict)")
                                + (report.checks.first { !$0.passed }.map { ": \($0.name): \($0.detail)" } ?? "")
                        ))
            } else {
                Terminal.out(
                    "\(file): \(["REVOKED", "SUPERSEDED", "KEY COMPROMISED"].contains(report.verdict) ? "NOT VALID, \(report.verdict)" : report.verdict)"
                        + (report.serial.map { " (\($0))" } ?? "") + "\n")
                for check in report.checks { Terminal.out("  \(check.passed ? "ok  " : "FAIL") \(check.name): \(check.detail)\n") }
                for check in report.unchecked ?? [] { Terminal.out("  --   \(check.name): \(check.detail)\n") }
            }
            if !report.isValid { throw ExitCode(1) }
        }
    }

    /// Where the issuer's key comes from without the store; `issuerDID` (the credential's issuer) finds
    /// the DID document of a did:web with a path under a host's web root.
    private func offlineSource(issuerDID: String?) throws -> OfflineVerifier.KeySource? {
        if let didDocument {
            guard FileManager.default.fileExists(atPath: didDocument) else {
                throw StoreError(.storage, "cannot read \(didDocument): no such file or folder")
            }
            return try OfflineVerifier.source(didDocument: didDocument, issuerDID: issuerDID)
        }
        if let trustedKey { return .trustedKey(try publicKeyArgument(trustedKey)) }
        return embeddedKey ? .embeddedDIDKey : nil
    }
}
