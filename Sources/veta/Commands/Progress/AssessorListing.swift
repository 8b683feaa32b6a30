import ArgumentParser
import VetaCurricula
import VetaProgress

extension AssessorCommand {
    /// One assessor as `assessor list` and `assessor show` print it (the JSON form).
    struct Listed: Encodable {
        let id: String
        let name: String
        let accreditation: String
        /// The current public key, multibase (z6Mk…).
        let publicKey: String
        /// The units the assessor is authorised for now.
        let units: [String]
        var authorisations: [Authorisation]?
        var history: RegistryHistory?
    }

    /// One period of authorisation for a unit.
    struct Authorisation: Encodable {
        let unit: String
        /// The date the authorisation was granted.
        let from: String
        let until: String?
        /// Whether the period also covers days before `from`: the first authorisation for a unit does
        /// (``RegistryState/isAuthorised(_:for:on:)``), one granted again after a withdrawal does not.
        let reachesBack: Bool

        /// The period as `assessor show` prints it, saying which days it covers.
        var text: String {
            let until = until.map { " until \($0) (withdrawn that day)" } ?? ""
            return reachesBack
                ? "authorised for \(unit): granted \(from), covering earlier dates too (the first authorisation reaches back)\(until)"
                : "authorised for \(unit) from \(from)\(until)"
        }
    }

    /// The assessors the log registers, with their data as it is now.
    static func listed(_ registry: RegistryState) -> [Listed] {
        registry.assessors.keys.sorted().map { id in
            let fields = registry.assessors[id] ?? [:]
            let key = fields["publicKey"] ?? ""
            return Listed(
                id: id, name: fields["name"] ?? "", accreditation: fields["accreditation"] ?? "",
                publicKey: (try? PublicSigningKey(key).multibase) ?? key, units: registry.currentUnits(of: id).sorted())
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List registered assessors: id, name, accreditation, units authorised now.",
            discussion: """
                Examples:
                  veta assessor list
                  veta assessor list --format json
                """)
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let assessors = AssessorCommand.listed(try await store.openService(create: false).store.registry())
                try printListing(assessors, format: format, none: "no assessors registered (veta assessor add)") { a in
                    "\(a.id)\t\(a.name)\t\(a.accreditation)\t\(a.units.joined(separator: " "))"
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an assessor: data, key, authorisations, and every amendment (key rotations included) with its reason.",
            discussion: """
                Examples:
                  veta assessor show A01
                  veta assessor show A01 --format json
                """)
        @Argument(help: "The assessor's id.") var id: IdentifierArgument
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let service = try store.openService(create: false)
                let registry = try await service.store.registry()
                guard var shown = AssessorCommand.listed(registry).first(where: { $0.id == id.description }) else {
                    throw Refusal("assessor \(id) is not registered (veta assessor list)")
                }
                shown.authorisations = (registry.authorisations[shown.id] ?? [:]).sorted { $0.key < $1.key }.flatMap { unit, periods in
                    periods.enumerated().map { index, period in
                        Authorisation(
                            unit: unit, from: period.from.description, until: period.until?.description, reachesBack: index == 0)
                    }
                }
                shown.history = try await .read(shown.id, registeredBy: .assessor, amendedAs: "assessor", from: service.store)
                if format == .json { return try printJSON(shown) }
                Terminal.out("\(shown.id)  \(shown.name)\n  accreditation: \(shown.accreditation)\n  key: \(shown.publicKey)\n")
                for a in shown.authorisations ?? [] {
                    Terminal.out("  \(a.text)\n")
                }
                shown.history?.print()
            }
        }
    }

    struct RotateKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-key",
            abstract: "Replace an assessor's public key, saying why (an amendment entry of the log).",
            discussion: """
                Sign-offs made before keep verifying against the key registered when they were
                signed; from now on only the new key signs. A key another assessor holds (or held)
                is refused.

                Example:
                  veta keys generate --name A01-2027 --out keys
                  veta assessor rotate-key --id A01 --public-key keys/A01-2027.public.jwk --reason "key renewed for 2027"
                """)
        @OptionGroup var amendment: AssessorAmendmentOptions
        @Option(help: "The new public key: a file (JWK) or the key itself (multibase z6Mk… or base64url).") var publicKey: String

        func run() async throws {
            try await runReporting {
                let key = try publicKeyArgument(publicKey)
                try await amendment.amend { current in
                    guard key.base64URL != current.publicKey else {
                        throw Refusal("assessor \(amendment.id) already has this key: nothing to rotate")
                    }
                    return Assessor(
                        id: current.id, name: current.name, accreditation: current.accreditation, units: current.units,
                        publicKey: key.base64URL)
                }
                Terminal.out("rotated assessor \(amendment.id)'s key to \(key.multibase)\n")
            }
        }
    }
}
