import ArgumentParser
import Foundation
import VetaProgress
import VetaRecords

extension IssuerCommand {
    struct RetireKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire-key",
            abstract: "Retire a compromised issuer key from a date on (an amendment entry of the log).",
            discussion: """
                Records signed with the key and issued on or after --compromised-since verify as NOT VALID, \
                KEY COMPROMISED; records the log dates earlier stay valid. The DID document that \
                veta site build writes keeps the key, marked "revoked" (W3C Controlled Identifiers 1.0), \
                and drops it from assertionMethod. The current key cannot be retired: rotate first \
                (veta issuer rotate-key). Re-issue the records it lists with the current key \
                (veta reissue --compromised), then build the site again.

                Example:
                  veta issuer rotate-key --url https://capacitacion.example.mx \\
                    --public-key keys/issuer-2027.public.jwk --reason "key-1 leaked"
                  veta issuer retire-key --url https://capacitacion.example.mx --key-id 1 \\
                    --compromised-since 2026-11-20 --reason "laptop stolen at the Saucito site office"
                  veta reissue --compromised --key keys/issuer-2027.private.jwk --out records
                """)
        @Option(help: "The issuer's URL (its id); may be left out when the store has one issuer.") var url: String?
        @Option(
            help: ArgumentHelp(
                "The key to retire: N, key-N or DID#key-N (key-1 is the first key the issuer had; did.json lists them).", valueName: "n"))
        var keyId: String
        @Option(help: ArgumentHelp("The first day the key is not trusted, YYYY-MM-DD (the site's calendar).", valueName: "yyyy-mm-dd"))
        var compromisedSince: DateArgument
        @Option(help: "Why the key is retired.") var reason: String
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard Self.keyNumber(keyId) != nil, Self.did(in: keyId).map({ $0.hasPrefix("did:web:") }) ?? true else {
                throw ValidationError("--key-id takes N, key-N or DID#key-N (a did:web and a positive number), not \(keyId)")
            }
        }

        /// The DID of `DID#key-N`, or nil for `N` and `key-N`.
        static func did(in text: String) -> String? {
            guard let hash = text.lastIndex(of: "#") else { return nil }
            return String(text[..<hash])
        }

        /// The key's number in `N`, `key-N` or `DID#key-N`.
        static func keyNumber(_ text: String) -> Int? {
            let tail = text.split(separator: "#").last.map(String.init) ?? text
            let digits = tail.hasPrefix("key-") ? String(tail.dropFirst(4)) : tail
            guard let n = Int(digits), n > 0, digits.allSatisfy(\.isASCII) else { return nil }
            return n
        }

        func run() async throws {
            try await runReporting(json: format == .json) {
                let service = try store.openExistingRecords()
                let issuer = try await IssuerChoice.id(url, in: service.records)
                // A DID#key-N names its issuer: another issuer's key id never retires this issuer's key.
                if let named = Self.did(in: keyId), let own = try? DIDWeb.did(issuerURL: issuer), named != own {
                    throw Refusal(
                        "--key-id \(keyId) names \(named), but issuer \(issuer) is \(own): nothing was retired",
                        reasons: ["give N, key-N or \(own)#key-N (veta issuer list shows the issuers)"])
                }
                let (compromise, kid, affected) = try await service.retireKey(
                    issuer: issuer, keyNumber: Self.keyNumber(keyId) ?? 0, since: compromisedSince.date, reason: reason)
                if format == .json {
                    struct Report: Encodable {
                        let issuer: String
                        let keyID: String
                        let compromisedSince: String
                        let affected: [String]
                    }
                    return try printJSON(
                        Report(issuer: issuer, keyID: kid, compromisedSince: compromise.since.description, affected: affected.map(\.serial))
                    )
                }
                Terminal.out("retired \(kid) of issuer \(issuer) as compromised since \(compromise.since)\n")
                if affected.isEmpty {
                    Terminal.out("no standing record was signed with it on or after that day\n")
                } else {
                    Terminal.out(
                        "\(affected.count) standing records signed with it on or after that day now verify as NOT VALID, KEY COMPROMISED:\n"
                    )
                    for record in affected { Terminal.out("  \(record.serial) (\(record.format.rawValue), \(record.trainee))\n") }
                    Terminal.out("re-issue them with the current key: veta reissue --compromised --key CURRENT.private.jwk --out DIR\n")
                }
                Terminal.out("build the site again (veta site build) to publish the revoked key\n")
            }
        }
    }
}

/// The issuer a command names with `--url`, or the store's only issuer when it is left out.
enum IssuerChoice {
    static func id(_ url: String?, in records: RecordStore) async throws -> String {
        if let url { return url }
        let issuers = try await records.issuers()
        guard issuers.count == 1, let only = issuers.first else {
            throw Refusal(
                issuers.isEmpty
                    ? "no issuer is registered (veta issuer add)"
                    : "the store has \(issuers.count) issuers: name one with --url (\(issuers.map(\.id).joined(separator: ", ")))")
        }
        return only.id
    }
}
