import ArgumentParser
import VetaCurricula
import VetaProgress

extension Org {
    /// One organisation as `org list` and `org show` print it (the JSON form).
    struct Listed: Encodable {
        let rfc: String
        let name: String
        let sites: [String]
        let trainees: Int
        var history: RegistryHistory?
    }

    /// The organisations the log registers, with their data as it is now.
    static func listed(_ store: any ProgressStore) async throws -> [Listed] {
        let registry = try await store.registry()
        let trainees = try await store.trainees()
        return registry.organisations.keys.sorted().map { rfc in
            let fields = registry.organisations[rfc] ?? [:]
            return Listed(
                rfc: rfc, name: fields["name"] ?? "", sites: (fields["sites"] ?? "").split(separator: "\n").map(String.init),
                trainees: trainees.filter { $0.employer.rawValue == rfc }.count, history: nil)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List registered employers: RFC, name, sites, trainees.",
            discussion: """
                Examples:
                  veta org list
                  veta org list --format json
                """)
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let organisations = try await Org.listed(try store.openService(create: false).store)
                try printListing(organisations, format: format, none: "no organisations registered (veta org add)") { o in
                    "\(o.rfc)\t\(o.name)\t\(o.sites.count) sites\t\(o.trainees) trainees"
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show an employer: name, sites, trainees, and every amendment with its reason.",
            discussion: """
                The data shown is the log's; the history lists the registration and each amendment
                (veta org amend) with the day, the reason and what changed.

                Examples:
                  veta org show MFR110315AB1
                  veta org show MFR110315AB1 --format json
                """)
        @Argument(help: "The company's RFC.") var rfc: String
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let rfc = try RFC(rfc)
                let service = try store.openService(create: false)
                guard var shown = try await Org.listed(service.store).first(where: { $0.rfc == rfc.rawValue }) else {
                    throw Refusal("organisation \(rfc) is not registered (veta org list)")
                }
                shown.history = try await .read(rfc.rawValue, registeredBy: .organisation, amendedAs: "organisation", from: service.store)
                if format == .json { return try printJSON(shown) }
                Terminal.out("\(shown.rfc)  \(shown.name)\n")
                Terminal.out("  sites: \(shown.sites.isEmpty ? "(none)" : shown.sites.joined(separator: ", "))\n")
                Terminal.out("  trainees: \(shown.trainees)\n")
                shown.history?.print()
            }
        }
    }
}
