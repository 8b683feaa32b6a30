import ArgumentParser
import VetaProgress

struct Org: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Register, list and show employers and amend their data.",
        subcommands: [Add.self, Amend.self, List.self, Show.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register an employer by RFC, with its sites and the people who sign its DC-3s.",
            discussion: """
                The DC-3 is signed by the employer's legal representative and, for an employer with a
                mixed training commission (more than 50 workers), by the workers' representative.

                Example:
                  veta org add --rfc MFR110315AB1 --name "Minera Fresnillo" --site "Mina Saucito" --site "Planta Fresnillo" \\
                    --legal-representative "Lic. Begoña Güémez Treviño" --workers 320 --workers-representative "Íñigo Ordóñez Cañas"
                """)

        @Option(help: "The company's RFC (12 characters, homoclave included).") var rfc: String
        @Option(help: "Name or razón social.") var name: String
        @Option(help: "A site where training happens (repeatable).") var site: [String] = []
        @OptionGroup var signatories: SignatoryOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                let rfc = try RFC(rfc)
                guard rfc.isCompany else { throw Refusal("an employer's RFC has 12 characters; \(rfc) is a person's") }
                try await store.openService(create: true).store.add(
                    Organisation(
                        rfc: rfc, name: name, sites: site, legalRepresentative: signatories.legalRepresentative,
                        workersRepresentative: signatories.workersRepresentative, workers: signatories.workers))
                Terminal.out("added organisation \(rfc) \(name)\n")
            }
        }
    }

    struct Amend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a registered employer's name or add sites, saying why (an entry of the log).",
            discussion: """
                Sites are only added: evidence may name the ones it has. The log keeps the data as it was before.

                Example:
                  veta org amend --rfc MFR110315AB1 --name "Minera Fresnillo, S.A.B." --reason "razón social completa"
                """)

        @Option(help: "The company's RFC.") var rfc: String
        @Option(help: "Name or razón social.") var name: String?
        @Option(help: "A site to add (repeatable).") var site: [String] = []
        @OptionGroup var signatories: SignatoryOptions
        @Option(help: "Why the data changes.") var reason: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                let rfc = try RFC(rfc)
                let service = try store.openService(create: true)
                guard let current = try await service.store.organisation(rfc) else {
                    throw Refusal("organisation \(rfc) is not registered")
                }
                try await service.store.amend(
                    Organisation(
                        rfc: rfc, name: name ?? current.name, sites: current.sites + site,
                        legalRepresentative: signatories.legalRepresentative ?? current.legalRepresentative,
                        workersRepresentative: signatories.workersRepresentative ?? current.workersRepresentative,
                        workers: signatories.workers ?? current.workers), reason: reason)
                Terminal.out("amended organisation \(rfc)\n")
            }
        }
    }
}

/// The people who sign an employer's DC-3s, as `org add` and `org amend` take them.
struct SignatoryOptions: ParsableArguments {
    @Option(help: "The employer's legal representative (patrón o representante legal), printed under that DC-3 signature.")
    var legalRepresentative: String?
    @Option(help: "The workers' representative on the mixed training commission, printed under that DC-3 signature.")
    var workersRepresentative: String?
    @Option(help: "How many workers the employer has (more than 50: the DC-3 has the workers' representative's signature).")
    var workers: Int?

    func validate() throws {
        if let workers, workers < 0 { throw ValidationError("--workers must be 0 or more") }
    }
}
