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

            Without the issuer's store, give the key another way; the report lists the checks it
            could not make (the registry; the status list unless a site folder is given):
              veta verify credential.jwt --did-document site        # site folder: DID document + status list
              veta verify credential.jwt --did-document did.json
              veta verify credential.jwt --trusted-key issuer.public.jwk
              veta verify old.jwt --embedded-key                    # did:key of credentials before did:web

            --embedded-key never gives VALID: at best SIGNATURE VALID, ISSUER NOT AUTHENTICATED (exit 1).
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
            if let source = try offlineSource() {
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
                try printJSON(report, failure: report.isValid
                        ? nil
                        : ("not-valid", "\(file): " + (report.verdict == "NOT VALID" ? "NOT VALID" : "NOT VALID, \(report.verdict)")
                            + (report.checks.first { !$0.passed }.map { ": \($0.name): \($0.detail)" } ?? "")))
            } else {
                Terminal.out(
                    "\(file): \(report.verdict == "REVOKED" || report.verdict == "SUPERSEDED" ? "NOT VALID, \(report.verdict)" : report.verdict)"
                        + (report.serial.map { " (\($0))" } ?? "") + "\n")
                for check in report.checks { Terminal.out("  \(check.passed ? "ok  " : "FAIL") \(check.name): \(check.detail)\n") }
                for check in report.unchecked ?? [] { Terminal.out("  --   \(check.name): \(check.detail)\n") }
            }
            if !report.isValid { throw ExitCode(1) }
        }
    }

    private func offlineSource() throws -> OfflineVerifier.KeySource? {
        if let didDocument {
            guard FileManager.default.fileExists(atPath: didDocument) else {
                throw StoreError(.storage, "cannot read \(didDocument): no such file or folder")
            }
            return try OfflineVerifier.source(didDocument: didDocument)
        }
        if let trustedKey { return .trustedKey(try publicKeyArgument(trustedKey)) }
        return embeddedKey ? .embeddedDIDKey : nil
    }
}
