import ArgumentParser
import Foundation
import VetaProgress
import VetaRecords

struct Site: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "Publish records as a static web site anyone can verify against.",
        subcommands: [Build.self])

    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Write the issuer's static site: did:web document, status list, verification pages, JSON-LD.",
            discussion: """
                Writes, from the log alone, a folder any static web host can serve at the issuer's URL:
                  index.html                     the home page: the issuer, how to verify (es/en)
                  .well-known/did.json, did.json the issuer's did:web document (every key it had)
                  issuer.json                    the issuer's Open Badges 3.0 Profile (JSON-LD)
                  achievements/CODE-VERSION.json each achievement, at the id credentials use
                  status/revocation-1.jwt        the signed revocation list (Bitstring Status List)
                  records/SERIAL/index.html      the record's page (es/en, no JavaScript, no CURP)
                  records/SERIAL/credential.jwt  the credential, with badge.svg and badge.png
                The build refuses (exit 1, nothing written) a log that does not verify. Pages show \
                a revoked or superseded record's status and date, never the reason.
                Two builds of the same log are byte for byte the same. The folder is written beside \
                --out and renamed into place; an existing --out is replaced only when an earlier build \
                wrote it (it holds .veta-site) or it is empty. After `veta revoke`, build again: the \
                credential's bit is set. Working folders a killed build left beside --out are removed; \
                files the old site held that the build does not write (a CNAME added by hand) are \
                removed too, and the output lists them.

                Example:
                  veta site build --out site --key keys/issuer.private.jwk
                """)

        @Option(help: "The folder to write (replaced when an earlier build wrote it).") var out: String
        @Option(help: "The issuer's private key file (JWK); the status list is signed with it.") var key: String
        @Option(help: "The issuer's URL (needed when the store has more than one issuer).") var issuer: String?
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        struct Summary: Encodable {
            let out: String
            let issuer: String
            let did: String
            let files: Int
            let records: [String]
            let pages: [String]
            let revokedIndexes: [Int]
            /// Files the replaced site held that this build does not write (added by hand, or an older layout's).
            let removed: [String]
        }

        func validate() throws {
            guard !out.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--out needs a folder") }
        }

        func run() async throws {
            try await runReporting(json: format == .json) {
                let service = try store.openRecords(create: false)
                let signingKey = try readPrivateKey(key)
                let site = try await service.site(issuer: issuer, key: signingKey)
                let removed = try SiteWriter.write(site.files, to: out)
                let pages = site.records.map { RecordPage.url(issuer: site.issuer.id, recordID: $0) }
                if format == .json {
                    try printJSON(
                        Summary(
                            out: out, issuer: site.issuer.id, did: site.issuer.did, files: site.files.count + 1, records: site.records,
                            pages: pages, revokedIndexes: site.revokedIndexes, removed: removed))
                } else {
                    Terminal.out(
                        "wrote \(site.files.count + 1) files to \(out) for \(site.issuer.id) (\(site.issuer.did)): "
                            + "\(site.records.count) record pages, \(site.revokedIndexes.count) revoked in the status list\n")
                    for page in pages { Terminal.out("  \(page)\n") }
                    if !removed.isEmpty {
                        Terminal.out(
                            "removed \(removed.count) files the old site held that veta does not write (keep them elsewhere and copy "
                                + "them in after each build, or set them on the web host): \(removed.joined(separator: ", "))\n")
                    }
                }
            }
        }
    }
}
