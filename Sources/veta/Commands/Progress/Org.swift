import ArgumentParser
import VetaProgress

struct Org: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Register, list and show employers and amend their data.",
        subcommands: [Add.self, Amend.self, List.self, Show.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register an employer by RFC, with its sites.",
            discussion: """
                Example:
                  veta org add --rfc MFR110315AB1 --name "Minera Fresnillo" --site "Mina Saucito" --site "Planta Fresnillo"
                """)

        @Option(help: "The company's RFC (12 characters, homoclave included).") var rfc: String
        @Option(help: "Name or razón social.") var name: String
        @Option(help: "A site where training happens (repeatable).") var site: [String] = []
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                let rfc = try RFC(rfc)
                guard rfc.isCompany else { throw Refusal("an employer's RFC has 12 characters; \(rfc) is a person's") }
                try await store.openService(create: true).store.add(Organisation(rfc: rfc, name: name, sites: site))
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
                    Organisation(rfc: rfc, name: name ?? current.name, sites: current.sites + site), reason: reason)
                Terminal.out("amended organisation \(rfc)\n")
            }
        }
    }
}
