import ArgumentParser
import VetaCurricula
import VetaProgress

extension IssuerCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List registered issuers: URL (id), name, RFC, STPS registration, public key.",
            discussion: """
                Examples:
                  veta issuer list
                  veta issuer list --format json
                """)
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        /// One issuer (the JSON form).
        struct Listed: Encodable {
            let url: String
            let name: String
            let rfc: String
            let stpsRegistration: String?
            /// The public key, multibase (z6Mk…).
            let publicKey: String
        }

        func run() async throws {
            try await runReporting(json: format == .json) {
                let registry = try await store.openService(create: false).store.registry()
                let issuers = registry.issuers.keys.sorted().map { url in
                    let fields = registry.issuers[url] ?? [:]
                    let key = fields["publicKey"] ?? ""
                    return Listed(
                        url: url, name: fields["name"] ?? "", rfc: fields["rfc"] ?? "", stpsRegistration: fields["stpsRegistration"],
                        publicKey: (try? PublicSigningKey(key).multibase) ?? key)
                }
                try printListing(issuers, format: format, none: "no issuers registered (veta issuer add)") { i in
                    "\(i.url)\t\(i.name)\t\(i.rfc)\t\(i.stpsRegistration ?? "-")\t\(i.publicKey)"
                }
            }
        }
    }
}
